//! Tables with an integer primary key `id`, which every stored record has.

use sea_orm::EntityTrait;
use sea_orm::sea_query::{Condition, Query, SelectStatement};

use super::rows::Decode;

/// An entity with an integer primary key `id`. The record registry
/// (`records::registry`) implements it for every stored record.
pub trait Table: EntityTrait<Model: Decode> {
    /// The `id` column.
    const ID: Self::Column;
    /// A row's id.
    fn id_of(model: &Self::Model) -> i32;
}

/// `SELECT e.id FROM e WHERE condition`: the rows a filter matches, for
/// relation filters (`park.city_id IN (...)`).
pub fn ids_where<E: Table>(condition: Condition) -> SelectStatement {
    let mut select = Query::select()
        .column((E::default(), E::ID))
        .from(E::default().table_ref())
        .to_owned();
    if !condition.is_empty() {
        select.cond_where(condition);
    }
    select
}

/// The rows of `E` with these ids, by id.
pub async fn by_ids<E: Table>(
    db: &super::Db,
    ids: &[i32],
) -> Result<std::collections::HashMap<i32, E::Model>, sea_orm::DbErr> {
    use sea_orm::{ColumnTrait, QueryFilter, QueryTrait};
    let select = E::find()
        .filter(E::ID.is_in(ids.iter().copied()))
        .into_query();
    let rows = db.select_all(&select).await?;
    let mut reader = super::rows::Reader::<E::Model>::new("");
    let mut models = std::collections::HashMap::with_capacity(rows.len());
    for row in &rows {
        let model = reader.read(row)?;
        models.insert(E::id_of(&model), model);
    }
    Ok(models)
}

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

/// How many ids a statement about a batch of `n` is written for: `n` rounded
/// up to 1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64... (a power of two, or
/// three quarters of one). Both drivers keep a prepared statement per SQL
/// text and connection; written for the batch's exact size, nested pages
/// under 40 to 60 parks were 21 statements of about 280 KiB each in every
/// SQLite connection (74 MiB of RSS from one client). Padding costs at most
/// a third more ids, each a probe that finds nothing new.
pub fn batch_len(n: usize) -> usize {
    if n <= 2 {
        return n.max(1);
    }
    let power = n.next_power_of_two();
    let three_quarters = power / 4 * 3;
    if n <= three_quarters {
        three_quarters
    } else {
        power
    }
}

/// `ids` padded to [`batch_len`] with `filler`: the last id again for an
/// `IN (...)` list, or an id no row has where each id becomes a branch.
pub fn padded(ids: &[i32], filler: i32) -> Vec<i32> {
    let mut out = Vec::with_capacity(batch_len(ids.len()));
    out.extend_from_slice(ids);
    out.resize(batch_len(ids.len()), filler);
    out
}

/// `ids` as an `IN (...)` list padded to [`batch_len`] with its last id.
pub fn in_list(ids: &[i32]) -> Vec<i32> {
    padded(ids, ids.last().copied().unwrap_or(NO_ROW))
}

/// An id no row has: serial ids start at 1.
pub const NO_ROW: i32 = 0;

/// The rows of `E` with these ids, by id.
pub async fn by_ids<E: Table>(
    db: &super::Db,
    ids: &[i32],
) -> Result<std::collections::HashMap<i32, E::Model>, sea_orm::DbErr> {
    use sea_orm::{ColumnTrait, QueryFilter, QueryTrait};
    let select = E::find().filter(E::ID.is_in(in_list(ids))).into_query();
    let rows = db.select_all(&select).await?;
    let mut reader = super::rows::Reader::<E::Model>::new("");
    let mut models = std::collections::HashMap::with_capacity(rows.len());
    for row in &rows {
        let model = reader.read(row)?;
        models.insert(E::id_of(&model), model);
    }
    Ok(models)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batches_are_written_for_powers_of_two_and_three_quarters_of_them() {
        let lens: Vec<usize> = (0..=13).map(batch_len).collect();
        assert_eq!(lens, [1, 1, 2, 3, 4, 6, 6, 8, 8, 12, 12, 12, 12, 16]);
        assert_eq!(batch_len(40), 48);
        assert_eq!(batch_len(50), 64);
        assert_eq!(batch_len(384), 384);
    }

    #[test]
    fn an_in_list_is_padded_with_its_last_id_and_branches_with_no_row() {
        assert_eq!(in_list(&[7, 3, 5, 9, 2]), [7, 3, 5, 9, 2, 2]);
        assert_eq!(padded(&[7, 3, 5, 9, 2], NO_ROW), [7, 3, 5, 9, 2, 0]);
        assert_eq!(in_list(&[]), [NO_ROW]);
    }
}

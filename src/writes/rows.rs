//! The steps every write repeats on one row, with its change logged: insert
//! a new row, save changes to one, remove one (or a record's children), with
//! or without the record's citations, and read one back afterwards.

use sea_orm::{
    ActiveModelBehavior, ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter,
};

use super::Write;
use super::lookup::taken;
use super::sources::{self, SourceInput};
use crate::error::{AppError, AppResult};
use crate::records::{Record, Refs, Slugged};
use crate::store::table::Table;

/// The active model of a record's table.
type Active<R> = <<R as Record>::Table as EntityTrait>::ActiveModel;

/// "a park", "an organization".
fn a(what: &str) -> String {
    let article = match what.chars().next() {
        Some('a' | 'e' | 'i' | 'o' | 'u') => "an",
        _ => "a",
    };
    format!("{article} {what}")
}

/// [`insert`]s `model`; CONFLICT when its slug is taken. The row as stored.
pub async fn create<R>(w: &mut Write, model: R) -> AppResult<R>
where
    R: Slugged + IntoActiveModel<Active<R>>,
    Active<R>: ActiveModelTrait<Entity = R::Table> + ActiveModelBehavior + Send,
{
    if taken::<R::Table>(w, R::SLUG, model.slug()).await? {
        return Err(AppError::Conflict(format!(
            "{} with the slug {:?} already exists",
            a(R::TYPE),
            model.slug()
        )));
    }
    insert(w, model).await
}

/// Inserts `model` as a new row (the database picks its id), at version 1
/// and stamped now, and logs its creation. The row as stored.
pub async fn insert<R>(w: &mut Write, model: R) -> AppResult<R>
where
    R: Record + IntoActiveModel<Active<R>>,
    Active<R>: ActiveModelTrait<Entity = R::Table> + ActiveModelBehavior + Send,
{
    let mut model = model;
    model.set_version(1);
    model.set_updated_at(w.now());
    let mut row = model.into_active_model().reset_all();
    row.not_set(<R::Table as Table>::ID);
    let model = row.insert(w.txn()).await?;
    let refs = Refs::load(w.txn(), &model.references()).await?;
    w.created::<R>(model.fields(&refs), model.version());
    Ok(model)
}

/// Writes `next` over `current` when any field differs, with the version
/// bumped and the time stamped, and logs the change; false when nothing
/// differed (nothing written).
pub async fn save<R>(w: &mut Write, current: &R, mut next: R) -> AppResult<bool>
where
    R: Record + IntoActiveModel<Active<R>>,
    Active<R>: ActiveModelTrait<Entity = R::Table> + ActiveModelBehavior + Send,
{
    let wanted = [current.references(), next.references()].concat();
    let refs = Refs::load(w.txn(), &wanted).await?;
    let version = current.version() + 1;
    if !w.updated::<R>(&current.fields(&refs), &next.fields(&refs), version) {
        return Ok(false);
    }
    next.set_version(version);
    next.set_updated_at(w.now());
    next.into_active_model().reset_all().update(w.txn()).await?;
    Ok(true)
}

/// Deletes `current` and logs it, its references shown through `refs`.
pub async fn remove<R: Record>(w: &mut Write, current: &R, refs: &Refs) -> AppResult<()> {
    let id = <R::Table as Table>::ID;
    R::Table::delete_many()
        .filter(id.eq(current.id()))
        .exec(w.txn())
        .await?;
    w.deleted::<R>(current.fields(refs), current.version());
    Ok(())
}

/// [`create`], then the new record's citations when sent; its id.
pub async fn create_cited<R>(
    w: &mut Write,
    model: R,
    cited: Option<Vec<SourceInput>>,
) -> AppResult<i32>
where
    R: Slugged + IntoActiveModel<Active<R>>,
    Active<R>: ActiveModelTrait<Entity = R::Table> + ActiveModelBehavior + Send,
{
    let model = create(w, model).await?;
    if let Some(list) = cited {
        sources::replace(w, R::KIND, model.id(), model.slug(), list).await?;
    }
    Ok(model.id())
}

/// [`save`], then replaces the record's citations when sent; its id.
pub async fn save_cited<R>(
    w: &mut Write,
    current: &R,
    next: R,
    cited: Option<Vec<SourceInput>>,
) -> AppResult<i32>
where
    R: Slugged + IntoActiveModel<Active<R>>,
    Active<R>: ActiveModelTrait<Entity = R::Table> + ActiveModelBehavior + Send,
{
    save(w, current, next).await?;
    if let Some(list) = cited {
        sources::replace(w, R::KIND, current.id(), current.slug(), list).await?;
    }
    Ok(current.id())
}

/// Removes `current` and its citations; the id it had.
pub async fn remove_cited<R: Slugged>(w: &mut Write, current: &R) -> AppResult<i32> {
    sources::remove_all(w, R::KIND, current.id(), current.slug()).await?;
    let refs = Refs::load(w.txn(), &current.references()).await?;
    remove(w, current, &refs).await?;
    Ok(current.id())
}

/// The `R` rows whose `column` holds `parent` (a record's children).
pub async fn children<R: Record>(
    w: &Write,
    column: <R::Table as EntityTrait>::Column,
    parent: i32,
) -> AppResult<Vec<R>> {
    Ok(R::Table::find()
        .filter(column.eq(parent))
        .all(w.txn())
        .await?)
}

/// Removes every one of `rows`, logging each.
pub async fn remove_each<R: Record>(w: &mut Write, rows: &[R]) -> AppResult<()> {
    let wanted: Vec<_> = rows.iter().flat_map(Record::references).collect();
    let refs = Refs::load(w.txn(), &wanted).await?;
    for row in rows {
        remove(w, row, &refs).await?;
    }
    Ok(())
}

/// The `R` with id `id`, read in the write that wrote it.
pub async fn load<R: Record>(w: &Write, id: i32) -> AppResult<R> {
    R::Table::find()
        .filter(<R::Table as Table>::ID.eq(id))
        .one(w.txn())
        .await?
        .ok_or_else(|| AppError::NotFound(format!("the {} no longer exists", R::TYPE)))
}

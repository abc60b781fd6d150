//! Finding the rows a mutation names, inside its transaction.

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use entity::{firm, park};

use super::Write;
use crate::auth::Owners;
use crate::error::{AppError, AppResult};

/// The `E` whose `column` is `slug`; NOT_FOUND when there is none.
pub async fn existing<E: EntityTrait>(
    w: &Write,
    column: E::Column,
    slug: &str,
    what: &str,
) -> AppResult<E::Model> {
    E::find()
        .filter(column.eq(slug))
        .one(w.txn())
        .await?
        .ok_or_else(|| AppError::NotFound(format!("no {what} has the slug {slug:?}")))
}

/// A park and a firm by slug, where the caller changes the park's `what`
/// (its operator's to change); NOT_FOUND or FORBIDDEN otherwise.
pub async fn park_and_firm(
    w: &Write,
    park_slug: &str,
    firm_slug: &str,
    what: &str,
) -> AppResult<(park::Model, firm::Model)> {
    let park = existing::<park::Entity>(w, park::Column::Slug, park_slug, "park").await?;
    let owners = Owners::Orgs(park.operator_id.as_slice());
    w.actor().may_change(owners, false, what)?;
    let firm = existing::<firm::Entity>(w, firm::Column::Slug, firm_slug, "firm").await?;
    Ok((park, firm))
}

/// The id of the `E` an input field refers to by slug; BAD_USER_INPUT naming
/// the field when there is none.
pub async fn reference<E>(
    w: &Write,
    column: E::Column,
    slug: &str,
    field: &str,
    what: &str,
) -> AppResult<i32>
where
    E: crate::store::table::Table,
{
    E::find()
        .filter(column.eq(slug))
        .one(w.txn())
        .await?
        .map(|m| E::id_of(&m))
        .ok_or_else(|| AppError::bad_input(field, format!("no {what} has the slug {slug:?}")))
}

/// True when some `E` already has `slug` in `column`.
pub async fn taken<E: EntityTrait>(w: &Write, column: E::Column, slug: &str) -> AppResult<bool> {
    Ok(E::find()
        .filter(column.eq(slug))
        .one(w.txn())
        .await?
        .is_some())
}

/// CONFLICT unless the client's `sent` version is the record's `current` one.
pub fn version(what: &str, slug: &str, current: i32, sent: i32) -> AppResult<()> {
    if current == sent {
        Ok(())
    } else {
        Err(AppError::Conflict(format!(
            "{what} {slug:?} is at version {current}, not {sent}: someone changed it since you read it; read it again and reapply your change"
        )))
    }
}

/// Applies update field `value` to `slot`: left out, nothing changes; null
/// or a value, `check` gives the new content.
pub fn apply<T, U>(
    slot: &mut U,
    value: async_graphql::MaybeUndefined<T>,
    check: impl FnOnce(Option<T>) -> AppResult<U>,
) -> AppResult<()> {
    if !value.is_undefined() {
        *slot = check(value.take())?;
    }
    Ok(())
}

/// Applies update field `value` to `slot` when it is given, through `check`:
/// left out, nothing changes; null, BAD_USER_INPUT naming `field` (it
/// cannot be cleared).
pub fn apply_required<T, U>(
    slot: &mut U,
    field: &str,
    value: async_graphql::MaybeUndefined<T>,
    check: impl FnOnce(T) -> AppResult<U>,
) -> AppResult<()> {
    if let Some(value) = required(field, value)? {
        *slot = check(value)?;
    }
    Ok(())
}

/// The id of the `R` whose slug input field `field` names; BAD_USER_INPUT
/// naming the field when there is none.
pub async fn slug_of<R: crate::records::Slugged>(
    w: &Write,
    field: &str,
    slug: &str,
) -> AppResult<i32> {
    reference::<R::Table>(w, R::SLUG, slug, field, R::TYPE).await
}

/// [`slug_of`] for a reference that may be empty.
pub async fn opt_slug_of<R: crate::records::Slugged>(
    w: &Write,
    field: &str,
    slug: Option<String>,
) -> AppResult<Option<i32>> {
    match slug {
        Some(slug) => Ok(Some(slug_of::<R>(w, field, &slug).await?)),
        None => Ok(None),
    }
}

/// An update field that may be left out but not set to null.
pub fn required<T>(field: &str, value: async_graphql::MaybeUndefined<T>) -> AppResult<Option<T>> {
    match value {
        async_graphql::MaybeUndefined::Undefined => Ok(None),
        async_graphql::MaybeUndefined::Null => Err(AppError::bad_input(field, "cannot be null")),
        async_graphql::MaybeUndefined::Value(v) => Ok(Some(v)),
    }
}

/// The `R` whose slug is `slug`: NOT_FOUND when there is none, CONFLICT
/// unless it is at the `sent` version.
pub async fn current<R: crate::records::Slugged>(w: &Write, slug: &str, sent: i32) -> AppResult<R> {
    let row = existing::<R::Table>(w, R::SLUG, slug, R::TYPE).await?;
    version(R::TYPE, slug, row.version(), sent)?;
    Ok(row)
}

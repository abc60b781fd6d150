//! Firm writes, each inside a [`Write`].

use entity::{firm, tenancy};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::inputs::{CreateFirmInput, UpdateFirmInput};
use crate::error::{AppError, AppResult};
use crate::records::{Kind, Record, Refs};
use crate::writes::lookup::{current, required};
use crate::writes::rows::{create as insert_new, remove, save};
use crate::writes::{Write, sources, validate};

fn employees(value: Option<i32>) -> AppResult<Option<i32>> {
    let count = validate::count("input.employees", value.map(i64::from))?;
    Ok(count.map(|e| e as i32))
}

/// Creates a firm; its id.
pub async fn create(w: &mut Write, input: CreateFirmInput) -> AppResult<i32> {
    validate::slug("input.slug", &input.slug)?;
    let employees = employees(input.employees)?;
    let name = validate::text("input.name", &input.name, false)?;
    let sector = validate::opt_text("input.sector", input.sector)?;
    let model = firm::Model {
        id: 0,
        slug: input.slug.clone(),
        name_folded: entity::fold(&name),
        sector_folded: sector.as_deref().map(entity::fold),
        name,
        sector,
        employees,
        version: 1,
        updated_at: w.now(),
    };
    let model = insert_new(w, model).await?;
    if let Some(list) = input.sources {
        sources::replace(w, Kind::Firm, model.id, &model.slug, list).await?;
    }
    Ok(model.id)
}

/// Applies `input` to firm `slug` at `sent` version; its id.
pub async fn update(
    w: &mut Write,
    slug: String,
    sent: i32,
    input: UpdateFirmInput,
) -> AppResult<i32> {
    w.actor().require_unbound("change existing firms")?;
    let now = current::<firm::Model>(w, &slug, sent).await?;
    let mut next = now.clone();
    if let Some(name) = required("input.name", input.name)? {
        next.name = validate::text("input.name", &name, false)?;
    }
    if !input.sector.is_undefined() {
        next.sector = validate::opt_text("input.sector", input.sector.take())?;
    }
    if !input.employees.is_undefined() {
        next.employees = employees(input.employees.take())?;
    }
    save(w, &now, next).await?;
    if let Some(list) = input.sources {
        sources::replace(w, Kind::Firm, now.id, &now.slug, list).await?;
    }
    Ok(now.id)
}

/// Deletes firm `slug` at `sent` version (with `cascade`: its tenancies too).
pub async fn delete(w: &mut Write, slug: String, sent: i32, cascade: bool) -> AppResult<i32> {
    w.actor().require_unbound("delete firms")?;
    let now = current::<firm::Model>(w, &slug, sent).await?;
    let tenancies = tenancy::Entity::find()
        .filter(tenancy::Column::FirmId.eq(now.id))
        .all(w.txn())
        .await?;
    if !cascade && !tenancies.is_empty() {
        return Err(AppError::Conflict(format!(
            "firm {slug:?} still has {} tenancies; send cascade: true to delete them too",
            tenancies.len()
        )));
    }
    let wanted: Vec<_> = tenancies.iter().flat_map(Record::references).collect();
    let refs = Refs::load(w.txn(), &wanted).await?;
    for t in &tenancies {
        remove(w, t, &refs).await?;
    }
    sources::remove_all(w, Kind::Firm, now.id, &now.slug).await?;
    remove(w, &now, &refs).await?;
    Ok(now.id)
}

//! Firm writes, each inside a [`Write`].

use entity::{firm, tenancy, tenancy_observation};

use super::inputs::{CreateFirmInput, UpdateFirmInput};
use crate::auth::Owners;
use crate::error::{AppError, AppResult};
use crate::writes::lookup::{apply, apply_required, current};
use crate::writes::rows::{children, create_cited, remove_cited, remove_each, save_cited};
use crate::writes::{Write, validate};

fn employees(value: Option<i32>) -> AppResult<Option<i32>> {
    let count = validate::count("input.employees", value.map(i64::from))?;
    Ok(count.map(|e| e as i32))
}

/// Creates a firm; its id.
pub async fn create(w: &mut Write, input: CreateFirmInput) -> AppResult<i32> {
    w.actor().may_change(Owners::Shared, true, "firms")?;
    validate::slug("input.slug", &input.slug)?;
    let employees = employees(input.employees)?;
    let name = validate::text("input.name", &input.name, false)?;
    let sector = validate::opt_text("input.sector", input.sector)?;
    let model = firm::Model {
        slug: input.slug.clone(),
        name,
        sector,
        employees,
        ..Default::default()
    };
    create_cited(w, model, input.sources).await
}

/// Applies `input` to firm `slug` at `sent` version; its id.
pub async fn update(
    w: &mut Write,
    slug: String,
    sent: i32,
    input: UpdateFirmInput,
) -> AppResult<i32> {
    w.actor()
        .may_change(Owners::Shared, false, "existing firms")?;
    let now = current::<firm::Model>(w, &slug, sent).await?;
    let mut next = now.clone();
    let name = |v: String| validate::text("input.name", &v, false);
    apply_required(&mut next.name, "input.name", input.name, name)?;
    apply(&mut next.sector, input.sector, |v| {
        validate::opt_text("input.sector", v)
    })?;
    apply(&mut next.employees, input.employees, employees)?;
    save_cited(w, &now, next, input.sources).await
}

/// Deletes firm `slug` at `sent` version (with `cascade`: its tenancies too).
pub async fn delete(
    w: &mut Write,
    slug: String,
    sent: i32,
    cascade: Option<bool>,
) -> AppResult<i32> {
    let cascade = cascade.unwrap_or(false);
    w.actor()
        .may_change(Owners::Shared, false, "existing firms")?;
    let now = current::<firm::Model>(w, &slug, sent).await?;
    let tenancies = children::<tenancy::Model>(w, tenancy::Column::FirmId, now.id).await?;
    let seen = tenancy_observation::Column::FirmId;
    let sightings = children::<tenancy_observation::Model>(w, seen, now.id).await?;
    if !cascade && (!tenancies.is_empty() || !sightings.is_empty()) {
        return Err(AppError::Conflict(format!(
            "firm {slug:?} still has {} tenancies ({} sightings); send cascade: true to delete them too",
            tenancies.len(),
            sightings.len()
        )));
    }
    remove_each(w, &sightings).await?;
    remove_each(w, &tenancies).await?;
    remove_cited(w, &now).await
}

//! Park writes, each inside a [`Write`]: validated, scoped to the caller's
//! organization, version-checked, and logged.

use entity::{city, organization, park, project, tenancy};

use super::inputs::{CreateParkInput, UpdateParkInput};
use crate::auth::Owners;
use crate::error::{AppError, AppResult};
use crate::graphql::enums::to_db;
use crate::writes::lookup::{apply, current, reference, required};
use crate::writes::rows::{children, create_cited, remove_cited, remove_each, save, save_cited};
use crate::writes::{Write, validate};

async fn operator(w: &Write, field: &str, slug: Option<String>) -> AppResult<Option<i32>> {
    match slug {
        Some(slug) => Ok(Some(
            reference::<organization::Entity>(
                w,
                organization::Column::Slug,
                &slug,
                field,
                "organization",
            )
            .await?,
        )),
        None => Ok(None),
    }
}

/// Creates a park; its id.
pub async fn create(w: &mut Write, input: CreateParkInput) -> AppResult<i32> {
    validate::slug("input.slug", &input.slug)?;
    let name = validate::text("input.name", &input.name, false)?;
    let model = park::Model {
        slug: input.slug.clone(),
        name,
        kind: to_db(input.kind).to_owned(),
        status: to_db(input.status).to_owned(),
        city_id: reference::<city::Entity>(
            w,
            city::Column::Slug,
            &input.city_slug,
            "input.citySlug",
            "city",
        )
        .await?,
        operator_id: operator(w, "input.operatorSlug", input.operator_slug).await?,
        area_sqft: validate::count("input.areaSqft", input.area_sqft)?,
        opened_year: validate::year("input.openedYear", input.opened_year)?,
        notes: validate::opt_text("input.notes", input.notes)?,
        ..Default::default()
    };
    let owners = Owners::Orgs(model.operator_id.as_slice());
    w.actor()
        .may_change(owners, true, "parks another organization operates")?;
    create_cited(w, model, input.sources).await
}

/// Applies `input` to park `slug` at `sent` version; its id.
pub async fn update(
    w: &mut Write,
    slug: String,
    sent: i32,
    input: UpdateParkInput,
) -> AppResult<i32> {
    let current = current::<park::Model>(w, &slug, sent).await?;
    let owners = Owners::Orgs(current.operator_id.as_slice());
    w.actor().may_change(owners, false, "this park")?;
    let mut next = current.clone();
    if let Some(name) = required("input.name", input.name)? {
        next.name = validate::text("input.name", &name, false)?;
    }
    if let Some(kind) = required("input.kind", input.kind)? {
        next.kind = to_db(kind).to_owned();
    }
    if let Some(status) = required("input.status", input.status)? {
        next.status = to_db(status).to_owned();
    }
    if let Some(city) = required("input.citySlug", input.city_slug)? {
        next.city_id =
            reference::<city::Entity>(w, city::Column::Slug, &city, "input.citySlug", "city")
                .await?;
    }
    if !input.operator_slug.is_undefined() {
        next.operator_id = operator(w, "input.operatorSlug", input.operator_slug.take()).await?;
        let owners = Owners::Orgs(next.operator_id.as_slice());
        w.actor()
            .may_change(owners, false, "a park's operator to another organization")?;
    }
    apply(&mut next.area_sqft, input.area_sqft, |v| {
        validate::count("input.areaSqft", v)
    })?;
    apply(&mut next.opened_year, input.opened_year, |v| {
        validate::year("input.openedYear", v)
    })?;
    apply(&mut next.notes, input.notes, |v| {
        validate::opt_text("input.notes", v)
    })?;
    save_cited(w, &current, next, input.sources).await
}

/// Deletes park `slug` at `sent` version (with `cascade`: its tenancies too,
/// and its projects unlinked); the id it had.
pub async fn delete(
    w: &mut Write,
    slug: String,
    sent: i32,
    cascade: Option<bool>,
) -> AppResult<i32> {
    let cascade = cascade.unwrap_or(false);
    let current = current::<park::Model>(w, &slug, sent).await?;
    let owners = Owners::Orgs(current.operator_id.as_slice());
    w.actor().may_change(owners, false, "this park")?;
    let tenancies = children::<tenancy::Model>(w, tenancy::Column::ParkId, current.id).await?;
    let projects = children::<project::Model>(w, project::Column::ParkId, current.id).await?;
    if !cascade && (!tenancies.is_empty() || !projects.is_empty()) {
        return Err(AppError::Conflict(format!(
            "park {slug:?} still has {} tenancies and {} projects; send cascade: true to delete its tenancies and unlink its projects",
            tenancies.len(),
            projects.len()
        )));
    }
    remove_each(w, &tenancies).await?;
    for p in projects {
        let unlinked = project::Model {
            park_id: None,
            ..p.clone()
        };
        save(w, &p, unlinked).await?;
    }
    remove_cited(w, &current).await
}

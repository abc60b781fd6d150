//! Park writes, each inside a [`Write`]: validated, scoped to the caller's
//! organization, version-checked, and logged.

use async_graphql::MaybeUndefined;
use entity::{city, organization, park, project, tenancy};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::inputs::{CreateParkInput, UpdateParkInput};
use crate::error::{AppError, AppResult};
use crate::graphql::enums::to_db;
use crate::records::{Kind, Record, Refs};
use crate::writes::lookup::{current, reference, required};
use crate::writes::rows::{create as insert_new, remove, save};
use crate::writes::{Write, sources, validate};

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
        id: 0,
        slug: input.slug.clone(),
        name_folded: entity::fold(&name),
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
        version: 1,
        updated_at: w.now(),
    };
    w.actor().require_owner(
        model.operator_id.as_slice(),
        "parks another organization operates",
    )?;
    let model = insert_new(w, model).await?;
    if let Some(list) = input.sources {
        sources::replace(w, Kind::Park, model.id, &model.slug, list).await?;
    }
    Ok(model.id)
}

/// Applies `input` to park `slug` at `sent` version; its id.
pub async fn update(
    w: &mut Write,
    slug: String,
    sent: i32,
    input: UpdateParkInput,
) -> AppResult<i32> {
    let current = current::<park::Model>(w, &slug, sent).await?;
    w.actor()
        .require_owner(current.operator_id.as_slice(), "this park")?;
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
        w.actor().require_owner(
            next.operator_id.as_slice(),
            "a park's operator to another organization",
        )?;
    }
    if !input.area_sqft.is_undefined() {
        next.area_sqft = validate::count("input.areaSqft", input.area_sqft.take())?;
    }
    if !input.opened_year.is_undefined() {
        next.opened_year = validate::year("input.openedYear", input.opened_year.take())?;
    }
    if let MaybeUndefined::Value(_) | MaybeUndefined::Null = input.notes {
        next.notes = validate::opt_text("input.notes", input.notes.take())?;
    }
    save(w, &current, next).await?;
    if let Some(list) = input.sources {
        sources::replace(w, Kind::Park, current.id, &current.slug, list).await?;
    }
    Ok(current.id)
}

/// Deletes park `slug` at `sent` version (with `cascade`: its tenancies too,
/// and its projects unlinked); the id it had.
pub async fn delete(w: &mut Write, slug: String, sent: i32, cascade: bool) -> AppResult<i32> {
    let current = current::<park::Model>(w, &slug, sent).await?;
    w.actor()
        .require_owner(current.operator_id.as_slice(), "this park")?;
    let tenancies = tenancy::Entity::find()
        .filter(tenancy::Column::ParkId.eq(current.id))
        .all(w.txn())
        .await?;
    let projects = project::Entity::find()
        .filter(project::Column::ParkId.eq(current.id))
        .all(w.txn())
        .await?;
    if !cascade && (!tenancies.is_empty() || !projects.is_empty()) {
        return Err(AppError::Conflict(format!(
            "park {slug:?} still has {} tenancies and {} projects; send cascade: true to delete its tenancies and unlink its projects",
            tenancies.len(),
            projects.len()
        )));
    }
    let wanted: Vec<_> = tenancies.iter().flat_map(Record::references).collect();
    let refs = Refs::load(w.txn(), &wanted).await?;
    for t in &tenancies {
        remove(w, t, &refs).await?;
    }
    for p in projects {
        let next = project::Model {
            park_id: None,
            ..p.clone()
        };
        save(w, &p, next).await?;
    }
    sources::remove_all(w, Kind::Park, current.id, &current.slug).await?;
    let refs = Refs::load(w.txn(), &current.references()).await?;
    remove(w, &current, &refs).await?;
    Ok(current.id)
}

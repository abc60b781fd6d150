//! Project writes, each inside a [`Write`].

use entity::{city, milestone, park, project, project_partner};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::inputs::{CreateProjectInput, UpdateProjectInput};
use crate::error::{AppError, AppResult};
use crate::graphql::enums::to_db;
use crate::records::{Kind, Record, Refs};
use crate::writes::lookup::{current, reference, required};
use crate::writes::rows::{create as insert_new, remove, save};
use crate::writes::{Write, sources, validate};

/// The organizations that partner in project `id`: the ones whose bound keys may change it.
pub async fn owners(w: &Write, id: i32) -> AppResult<Vec<i32>> {
    Ok(project_partner::Entity::find()
        .filter(project_partner::Column::ProjectId.eq(id))
        .all(w.txn())
        .await?
        .into_iter()
        .map(|p| p.organization_id)
        .collect())
}

async fn park_id(w: &Write, slug: Option<String>) -> AppResult<Option<i32>> {
    match slug {
        Some(slug) => Ok(Some(
            reference::<park::Entity>(w, park::Column::Slug, &slug, "input.parkSlug", "park")
                .await?,
        )),
        None => Ok(None),
    }
}

fn jobs(value: Option<i32>) -> AppResult<Option<i32>> {
    Ok(validate::count("input.jobsTarget", value.map(i64::from))?.map(|v| v as i32))
}

/// Creates a project; its id.
pub async fn create(w: &mut Write, input: CreateProjectInput) -> AppResult<i32> {
    w.actor().require_unbound("create projects")?;
    validate::slug("input.slug", &input.slug)?;
    let name = validate::text("input.name", &input.name, false)?;
    let model = project::Model {
        id: 0,
        slug: input.slug.clone(),
        name_folded: entity::fold(&name),
        name,
        status: to_db(input.status).to_owned(),
        city_id: reference::<city::Entity>(
            w,
            city::Column::Slug,
            &input.city_slug,
            "input.citySlug",
            "city",
        )
        .await?,
        park_id: park_id(w, input.park_slug).await?,
        cost_usd: validate::amount("input.costUsd", input.cost_usd)?,
        area_sqft: validate::count("input.areaSqft", input.area_sqft)?,
        target_year: validate::year("input.targetYear", input.target_year)?,
        jobs_target: jobs(input.jobs_target)?,
        exports_target_usd: validate::amount("input.exportsTargetUsd", input.exports_target_usd)?,
        notes: validate::opt_text("input.notes", input.notes)?,
        version: 1,
        updated_at: w.now(),
    };
    let model = insert_new(w, model).await?;
    if let Some(list) = input.sources {
        sources::replace(w, Kind::Project, model.id, &model.slug, list).await?;
    }
    Ok(model.id)
}

/// Applies `input` to project `slug` at `sent` version; its id.
pub async fn update(
    w: &mut Write,
    slug: String,
    sent: i32,
    input: UpdateProjectInput,
) -> AppResult<i32> {
    let current = current::<project::Model>(w, &slug, sent).await?;
    w.actor()
        .require_owner(&owners(w, current.id).await?, "this project")?;
    let mut next = current.clone();
    if let Some(name) = required("input.name", input.name)? {
        next.name = validate::text("input.name", &name, false)?;
    }
    if let Some(status) = required("input.status", input.status)? {
        next.status = to_db(status).to_owned();
    }
    if let Some(city) = required("input.citySlug", input.city_slug)? {
        next.city_id =
            reference::<city::Entity>(w, city::Column::Slug, &city, "input.citySlug", "city")
                .await?;
    }
    if !input.park_slug.is_undefined() {
        next.park_id = park_id(w, input.park_slug.take()).await?;
    }
    if !input.cost_usd.is_undefined() {
        next.cost_usd = validate::amount("input.costUsd", input.cost_usd.take())?;
    }
    if !input.area_sqft.is_undefined() {
        next.area_sqft = validate::count("input.areaSqft", input.area_sqft.take())?;
    }
    if !input.target_year.is_undefined() {
        next.target_year = validate::year("input.targetYear", input.target_year.take())?;
    }
    if !input.jobs_target.is_undefined() {
        next.jobs_target = jobs(input.jobs_target.take())?;
    }
    if !input.exports_target_usd.is_undefined() {
        next.exports_target_usd =
            validate::amount("input.exportsTargetUsd", input.exports_target_usd.take())?;
    }
    if !input.notes.is_undefined() {
        next.notes = validate::opt_text("input.notes", input.notes.take())?;
    }
    save(w, &current, next).await?;
    if let Some(list) = input.sources {
        sources::replace(w, Kind::Project, current.id, &current.slug, list).await?;
    }
    Ok(current.id)
}

/// Deletes project `slug` at `sent` version (with `cascade`: its partners and
/// milestones too).
pub async fn delete(w: &mut Write, slug: String, sent: i32, cascade: bool) -> AppResult<i32> {
    let current = current::<project::Model>(w, &slug, sent).await?;
    w.actor()
        .require_owner(&owners(w, current.id).await?, "this project")?;
    let partners = project_partner::Entity::find()
        .filter(project_partner::Column::ProjectId.eq(current.id))
        .all(w.txn())
        .await?;
    let milestones = milestone::Entity::find()
        .filter(milestone::Column::ProjectId.eq(current.id))
        .all(w.txn())
        .await?;
    if !cascade && (!partners.is_empty() || !milestones.is_empty()) {
        return Err(AppError::Conflict(format!(
            "project {slug:?} still has {} partners and {} milestones; send cascade: true to delete them too",
            partners.len(),
            milestones.len()
        )));
    }
    let wanted: Vec<_> = partners
        .iter()
        .flat_map(Record::references)
        .chain(current.references())
        .collect();
    let refs = Refs::load(w.txn(), &wanted).await?;
    for p in &partners {
        remove(w, p, &refs).await?;
    }
    for m in &milestones {
        let key = format!("{}|{}", current.slug, m.title);
        sources::remove_all(w, Kind::Milestone, m.id, &key).await?;
        remove(w, m, &refs).await?;
    }
    sources::remove_all(w, Kind::Project, current.id, &current.slug).await?;
    remove(w, &current, &refs).await?;
    Ok(current.id)
}

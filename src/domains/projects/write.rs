//! Project writes, each inside a [`Write`].

use entity::{city, indicator, milestone, park, project, project_claim, project_partner};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::inputs::{CreateProjectInput, UpdateProjectInput};
use crate::auth::Owners;
use crate::error::{AppError, AppResult};
use crate::graphql::enums::to_db;
use crate::records::Kind;
use crate::records::figures::figures;
use crate::writes::lookup::{
    apply, apply_required, current, existing, opt_slug_of, required, slug_of,
};
use crate::writes::rows::{children, create_cited, remove_cited, remove_each, save_cited};
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

/// Project `slug`, when the caller may change its `what` (its partners'
/// keys, or keys bound to no organization); NOT_FOUND or FORBIDDEN otherwise.
pub async fn changeable(w: &Write, slug: &str, what: &str) -> AppResult<project::Model> {
    let project = existing::<project::Entity>(w, project::Column::Slug, slug, "project").await?;
    let owners = owners(w, project.id).await?;
    w.actor().may_change(Owners::Orgs(&owners), false, what)?;
    Ok(project)
}

fn jobs(value: Option<i32>) -> AppResult<Option<i32>> {
    Ok(validate::count("input.jobsTarget", value.map(i64::from))?.map(|v| v as i32))
}

/// Creates a project; its id.
pub async fn create(w: &mut Write, input: CreateProjectInput) -> AppResult<i32> {
    // A new project has no partners yet, so no organization owns it.
    w.actor().may_change(Owners::Orgs(&[]), true, "projects")?;
    validate::slug("input.slug", &input.slug)?;
    let name = validate::text("input.name", &input.name, false)?;
    let model = project::Model {
        slug: input.slug.clone(),
        name,
        status: to_db(input.status).to_owned(),
        city_id: slug_of::<city::Model>(w, "input.citySlug", &input.city_slug).await?,
        park_id: opt_slug_of::<park::Model>(w, "input.parkSlug", input.park_slug).await?,
        cost_usd: validate::amount("input.costUsd", input.cost_usd)?,
        area_sqft: validate::count("input.areaSqft", input.area_sqft)?,
        target_year: validate::year("input.targetYear", input.target_year)?,
        jobs_target: jobs(input.jobs_target)?,
        exports_target_usd: validate::amount("input.exportsTargetUsd", input.exports_target_usd)?,
        notes: validate::opt_text("input.notes", input.notes)?,
        ..Default::default()
    };
    create_cited(w, model, input.sources).await
}

/// Applies `input` to project `slug` at `sent` version; its id.
pub async fn update(
    w: &mut Write,
    slug: String,
    sent: i32,
    input: UpdateProjectInput,
) -> AppResult<i32> {
    let current = current::<project::Model>(w, &slug, sent).await?;
    let owners = owners(w, current.id).await?;
    w.actor()
        .may_change(Owners::Orgs(&owners), false, "this project")?;
    let mut next = current.clone();
    let name = |v: String| validate::text("input.name", &v, false);
    apply_required(&mut next.name, "input.name", input.name, name)?;
    apply_required(&mut next.status, "input.status", input.status, |v| {
        Ok(to_db(v).to_owned())
    })?;
    if let Some(city) = required("input.citySlug", input.city_slug)? {
        next.city_id = slug_of::<city::Model>(w, "input.citySlug", &city).await?;
    }
    if !input.park_slug.is_undefined() {
        next.park_id =
            opt_slug_of::<park::Model>(w, "input.parkSlug", input.park_slug.take()).await?;
    }
    apply(&mut next.cost_usd, input.cost_usd, |v| {
        validate::amount("input.costUsd", v)
    })?;
    apply(&mut next.area_sqft, input.area_sqft, |v| {
        validate::count("input.areaSqft", v)
    })?;
    apply(&mut next.target_year, input.target_year, |v| {
        validate::year("input.targetYear", v)
    })?;
    apply(&mut next.jobs_target, input.jobs_target, jobs)?;
    let exports = |v| validate::amount("input.exportsTargetUsd", v);
    apply(
        &mut next.exports_target_usd,
        input.exports_target_usd,
        exports,
    )?;
    apply(&mut next.notes, input.notes, |v| {
        validate::opt_text("input.notes", v)
    })?;
    claimed_figures_unchanged(w, &next).await?;
    save_cited(w, &current, next, input.sources).await
}

/// BAD_USER_INPUT when `next` sets a figure that a PREFERRED claim holds:
/// the claim, not the project, is where that value is written.
async fn claimed_figures_unchanged(w: &Write, next: &project::Model) -> AppResult<()> {
    let claims = project_claim::Entity::find()
        .filter(project_claim::Column::ProjectId.eq(next.id))
        .filter(project_claim::Column::Rank.eq("PREFERRED"))
        .all(w.txn())
        .await?;
    let held = figures(next, &claims.iter().collect::<Vec<_>>());
    let fields = [
        ("input.costUsd", held.cost_usd != next.cost_usd),
        ("input.areaSqft", held.area_sqft != next.area_sqft),
        ("input.targetYear", held.target_year != next.target_year),
        ("input.jobsTarget", held.jobs_target != next.jobs_target),
        (
            "input.exportsTargetUsd",
            held.exports_target_usd != next.exports_target_usd,
        ),
    ];
    match fields.iter().find(|(_, differs)| *differs) {
        Some((field, _)) => Err(AppError::bad_input(
            field,
            "is the value of this project's PREFERRED claim; record or rank a claim instead",
        )),
        None => Ok(()),
    }
}

/// Deletes project `slug` at `sent` version (with `cascade`: its partners,
/// milestones and claims too). National figures about it are not its own:
/// while any is, the delete is a CONFLICT.
pub async fn delete(
    w: &mut Write,
    slug: String,
    sent: i32,
    cascade: Option<bool>,
) -> AppResult<i32> {
    let cascade = cascade.unwrap_or(false);
    let current = current::<project::Model>(w, &slug, sent).await?;
    let owners = owners(w, current.id).await?;
    w.actor()
        .may_change(Owners::Orgs(&owners), false, "this project")?;
    let partners: Vec<project_partner::Model> =
        children(w, project_partner::Column::ProjectId, current.id).await?;
    let milestones: Vec<milestone::Model> =
        children(w, milestone::Column::ProjectId, current.id).await?;
    let claims: Vec<project_claim::Model> =
        children(w, project_claim::Column::ProjectId, current.id).await?;
    let figures: Vec<indicator::Model> =
        children(w, indicator::Column::ProjectId, current.id).await?;
    if !figures.is_empty() {
        return Err(AppError::Conflict(format!(
            "{} national figures are about project {slug:?}; change them first",
            figures.len()
        )));
    }
    if !cascade && (!partners.is_empty() || !milestones.is_empty() || !claims.is_empty()) {
        return Err(AppError::Conflict(format!(
            "project {slug:?} still has {} partners, {} milestones and {} claims; send cascade: true to delete them too",
            partners.len(),
            milestones.len(),
            claims.len()
        )));
    }
    remove_each(w, &claims).await?;
    remove_each(w, &partners).await?;
    for m in &milestones {
        let key = format!("{}|{}", current.slug, m.title);
        sources::remove_all(w, Kind::Milestone, m.id, &key).await?;
        remove_each(w, std::slice::from_ref(m)).await?;
    }
    remove_cited(w, &current).await
}

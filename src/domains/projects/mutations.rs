use async_graphql::{Context, InputObject, MaybeUndefined, Object};

use super::types::{Milestone, Project};
use super::{milestone_write, write};
use crate::auth::{KeyScope, actor};
use crate::domains::parks::ParkStatus;
use crate::writes::sources::SourceInput;
use crate::writes::{handles, idempotency, run};

/// A new project.
#[derive(InputObject, Clone, Debug)]
pub struct CreateProjectInput {
    /// Its stable public key: lower-case words joined by hyphens.
    pub slug: String,
    /// Its name.
    pub name: String,
    /// Where it stands.
    pub status: ParkStatus,
    /// The slug of its city.
    pub city_slug: String,
    /// The slug of the park it builds, once that exists.
    pub park_slug: Option<String>,
    /// Cost in US dollars.
    pub cost_usd: Option<f64>,
    /// Covered area in square feet.
    pub area_sqft: Option<i64>,
    /// The year it should be finished (1900 to 2200).
    pub target_year: Option<i32>,
    /// Jobs it should create.
    pub jobs_target: Option<i32>,
    /// Yearly IT exports it should enable, US dollars.
    pub exports_target_usd: Option<f64>,
    /// Free-text notes.
    pub notes: Option<String>,
    /// Its citations.
    pub sources: Option<Vec<SourceInput>>,
}

/// Fields left out are unchanged; fields sent as null are cleared.
#[derive(InputObject, Clone, Debug)]
pub struct UpdateProjectInput {
    /// Its name (cannot be null).
    pub name: MaybeUndefined<String>,
    /// Where it stands (cannot be null).
    pub status: MaybeUndefined<ParkStatus>,
    /// The slug of its city (cannot be null).
    pub city_slug: MaybeUndefined<String>,
    /// The slug of the park it builds; null for none.
    pub park_slug: MaybeUndefined<String>,
    /// Cost in US dollars.
    pub cost_usd: MaybeUndefined<f64>,
    /// Covered area in square feet.
    pub area_sqft: MaybeUndefined<i64>,
    /// The year it should be finished.
    pub target_year: MaybeUndefined<i32>,
    /// Jobs it should create.
    pub jobs_target: MaybeUndefined<i32>,
    /// Yearly IT exports it should enable, US dollars.
    pub exports_target_usd: MaybeUndefined<f64>,
    /// Free-text notes.
    pub notes: MaybeUndefined<String>,
    /// Replaces its citations (same URL: updated; missing: removed).
    pub sources: Option<Vec<SourceInput>>,
}

/// A new milestone of a project.
#[derive(InputObject, Clone, Debug)]
pub struct MilestoneInput {
    /// The project's slug.
    pub project_slug: String,
    /// What the step is; unique within the project.
    pub title: String,
    /// Planned date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub due: Option<String>,
    /// Date it was reached.
    pub reached: Option<String>,
}

/// Fields left out are unchanged; fields sent as null are cleared.
#[derive(InputObject, Clone, Debug)]
pub struct UpdateMilestoneInput {
    /// A new title (cannot be null).
    pub title: MaybeUndefined<String>,
    /// Planned date.
    pub due: MaybeUndefined<String>,
    /// Date it was reached.
    pub reached: MaybeUndefined<String>,
}

/// Writes to projects and their milestones.
#[derive(Default)]
pub struct ProjectMutation;

/// Writes to projects and their milestones.
#[Object]
impl ProjectMutation {
    /// Creates a project. Needs a `write` key not bound to an organization.
    async fn create_project(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The new project.")] input: CreateProjectInput,
        #[graphql(
            desc = "Retrying with the same key and input returns the first result and writes nothing."
        )]
        idempotency_key: Option<String>,
    ) -> async_graphql::Result<Project> {
        let actor = actor(ctx, KeyScope::Write).await?;
        let key = idempotency(idempotency_key, "createProject", &input)?;
        let (db, hub) = handles(ctx);
        let id = run(db, hub, &actor, key, |w| Box::pin(write::create(w, input))).await?;
        Ok(Project(write::load(db, id).await?))
    }

    /// Changes a project. `version` must equal its current version, else
    /// CONFLICT and nothing changes. Keys bound to an organization may only
    /// change projects it partners in.
    async fn update_project(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The project's slug.")] slug: String,
        #[graphql(desc = "The version you last read (`Project.version`).")] version: i32,
        #[graphql(desc = "The changes.")] input: UpdateProjectInput,
        #[graphql(
            desc = "Retrying with the same key and input returns the first result and writes nothing."
        )]
        idempotency_key: Option<String>,
    ) -> async_graphql::Result<Project> {
        let actor = actor(ctx, KeyScope::Write).await?;
        let key = idempotency(idempotency_key, "updateProject", &(&slug, version, &input))?;
        let (db, hub) = handles(ctx);
        let id = run(db, hub, &actor, key, |w| {
            Box::pin(write::update(w, slug, version, input))
        })
        .await?;
        Ok(Project(write::load(db, id).await?))
    }

    /// Deletes a project. With partners or milestones it is CONFLICT unless
    /// `cascade` is true, which deletes them too.
    async fn delete_project(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The project's slug.")] slug: String,
        #[graphql(desc = "The version you last read (`Project.version`).")] version: i32,
        #[graphql(
            desc = "Also delete its partners and milestones.",
            default_with = "Some(false)"
        )]
        cascade: Option<bool>,
    ) -> async_graphql::Result<bool> {
        let actor = actor(ctx, KeyScope::Write).await?;
        let (db, hub) = handles(ctx);
        run(db, hub, &actor, None, |w| {
            Box::pin(write::delete(w, slug, version, cascade.unwrap_or(false)))
        })
        .await?;
        Ok(true)
    }

    /// Adds a milestone to a project. CONFLICT when the project already has
    /// one with this title.
    async fn add_milestone(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The new milestone.")] input: MilestoneInput,
    ) -> async_graphql::Result<Milestone> {
        let actor = actor(ctx, KeyScope::Write).await?;
        let (db, hub) = handles(ctx);
        let id = run(db, hub, &actor, None, |w| {
            Box::pin(milestone_write::add(w, input))
        })
        .await?;
        Ok(Milestone(milestone_write::load(db, id).await?))
    }

    /// Changes a milestone, named by its project and title. `version` must
    /// equal its current version, else CONFLICT and nothing changes.
    async fn update_milestone(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The project's slug.")] project_slug: String,
        #[graphql(desc = "The milestone's current title.")] title: String,
        #[graphql(desc = "The version you last read (`Milestone.version`).")] version: i32,
        #[graphql(desc = "The changes.")] input: UpdateMilestoneInput,
    ) -> async_graphql::Result<Milestone> {
        let actor = actor(ctx, KeyScope::Write).await?;
        let (db, hub) = handles(ctx);
        let id = run(db, hub, &actor, None, |w| {
            Box::pin(milestone_write::update(
                w,
                project_slug,
                title,
                version,
                input,
            ))
        })
        .await?;
        Ok(Milestone(milestone_write::load(db, id).await?))
    }

    /// Deletes a milestone, named by its project and title.
    async fn delete_milestone(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The project's slug.")] project_slug: String,
        #[graphql(desc = "The milestone's title.")] title: String,
        #[graphql(desc = "The version you last read (`Milestone.version`).")] version: i32,
    ) -> async_graphql::Result<bool> {
        let actor = actor(ctx, KeyScope::Write).await?;
        let (db, hub) = handles(ctx);
        run(db, hub, &actor, None, |w| {
            Box::pin(milestone_write::delete(w, project_slug, title, version))
        })
        .await?;
        Ok(true)
    }
}

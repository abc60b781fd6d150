use async_graphql::{Context, ID, Object};
use entity::{city, milestone, organization, park, project, project_partner};

use super::loaders::ProjectsOfPark;
use super::loaders::{MilestonesOfProject, PartnersOfProject};
use crate::domains::cities::City;
use crate::domains::organizations::Organization;
use crate::domains::parks::{Park, ParkStatus};
use crate::domains::sources::Source;
use crate::graphql::kit::loader::Children;
use crate::graphql::kit::loader::PageLoader;
use crate::graphql::loaders::{LoaderSet, Served};

/// A large development project that builds or extends a park.
#[derive(Clone, Debug)]
pub struct Project(pub project::Model);

/// A large development project that builds or extends a park.
#[Object]
impl Project {
    /// Opaque global ID (Relay `Node`).
    pub async fn id(&self) -> ID {
        crate::graphql::node::global_id("Project", self.0.id)
    }

    /// Stable public key; the same as its park's slug where the project builds one.
    async fn slug(&self) -> &str {
        &self.0.slug
    }

    /// The project's name.
    async fn name(&self) -> &str {
        &self.0.name
    }

    /// Where the project stands.
    async fn status(&self) -> async_graphql::Result<ParkStatus> {
        Ok(crate::graphql::enums::from_db(&self.0.status)?)
    }

    /// The city the project is in.
    async fn city(&self, ctx: &Context<'_>) -> async_graphql::Result<City> {
        Ok(City(
            crate::graphql::kit::loader::required::<city::Entity>(ctx, self.0.city_id).await?,
        ))
    }

    /// The park this project builds, once it exists as a park.
    async fn park(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Park>> {
        let Some(id) = self.0.park_id else {
            return Ok(None);
        };
        Ok(crate::graphql::kit::loader::by_id::<park::Entity>(ctx, id)
            .await?
            .map(Park))
    }

    /// Approved cost in US dollars; null when unknown.
    async fn cost_usd(&self) -> Option<f64> {
        self.0.cost_usd
    }

    /// Covered area to be built, square feet; null when unknown.
    async fn area_sqft(&self) -> Option<i64> {
        self.0.area_sqft
    }

    /// The year completion is targeted (the latest target the sources give).
    async fn target_year(&self) -> Option<i32> {
        self.0.target_year
    }

    /// Jobs the project is expected to create, as officially claimed.
    async fn jobs_target(&self) -> Option<i32> {
        self.0.jobs_target
    }

    /// Extra IT exports per year expected, US dollars.
    async fn exports_target_usd(&self) -> Option<f64> {
        self.0.exports_target_usd
    }

    /// Share of milestones reached, 0.0 to 1.0; null with no milestones.
    async fn progress(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<f64>> {
        let milestones =
            crate::graphql::kit::loader::children::<MilestonesOfProject>(ctx, self.0.id).await?;
        if milestones.is_empty() {
            return Ok(None);
        }
        let reached = milestones.iter().filter(|m| m.reached.is_some()).count();
        Ok(Some(reached as f64 / milestones.len() as f64))
    }

    /// Organizations taking part, with their roles.
    async fn partners(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<ProjectPartner>> {
        let rows =
            crate::graphql::kit::loader::children::<PartnersOfProject>(ctx, self.0.id).await?;
        Ok(rows.into_iter().map(ProjectPartner).collect())
    }

    /// Dated steps, in the order they were recorded.
    async fn milestones(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Milestone>> {
        let rows =
            crate::graphql::kit::loader::children::<MilestonesOfProject>(ctx, self.0.id).await?;
        Ok(rows.into_iter().map(Milestone).collect())
    }

    /// Where the facts about this project come from, with as-of dates.
    async fn sources(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Source>> {
        crate::domains::sources::of::<entity::project::Model>(ctx, self.0.id).await
    }

    /// Caveats, conflicting figures and history, as free text.
    async fn notes(&self) -> Option<&str> {
        self.0.notes.as_deref()
    }

    /// Bumped on every write; send it back with updates to avoid lost updates.
    async fn version(&self) -> i32 {
        self.0.version
    }

    /// When the record last changed (ISO-8601 UTC).
    async fn updated_at(&self) -> &str {
        &self.0.updated_at
    }
}

/// An organization's part in a project (financier, developer, academic partner...).
#[derive(Clone, Debug)]
pub struct ProjectPartner(pub project_partner::Model);

/// An organization's part in a project (financier, developer, academic partner...).
#[Object]
impl ProjectPartner {
    /// The partner organization.
    async fn organization(&self, ctx: &Context<'_>) -> async_graphql::Result<Organization> {
        let id = self.0.organization_id;
        Ok(Organization(
            crate::graphql::kit::loader::required::<organization::Entity>(ctx, id).await?,
        ))
    }

    /// The project.
    async fn project(&self, ctx: &Context<'_>) -> async_graphql::Result<Project> {
        let id = self.0.project_id;
        Ok(Project(
            crate::graphql::kit::loader::required::<project::Entity>(ctx, id).await?,
        ))
    }

    /// The organization's role, in lower case as the sources describe it
    /// (`financier`, `executing agency`, `academic partner`...).
    async fn role(&self) -> &str {
        &self.0.role
    }

    /// Bumped on every write; send it back with updates to avoid lost updates.
    async fn version(&self) -> i32 {
        self.0.version
    }

    /// When the record last changed (ISO-8601 UTC).
    async fn updated_at(&self) -> &str {
        &self.0.updated_at
    }
}

/// A dated step of a project.
#[derive(Clone, Debug)]
pub struct Milestone(pub milestone::Model);

/// A dated step of a project.
#[Object]
impl Milestone {
    /// What the step is.
    async fn title(&self) -> &str {
        &self.0.title
    }

    /// Planned date (ISO-8601, possibly `YYYY-MM`); null when none was set.
    async fn due(&self) -> Option<&str> {
        self.0.due.as_deref()
    }

    /// Date it was reached; null while open.
    async fn reached(&self) -> Option<&str> {
        self.0.reached.as_deref()
    }

    /// Where the dates come from.
    async fn sources(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Source>> {
        crate::domains::sources::of::<entity::milestone::Model>(ctx, self.0.id).await
    }

    /// Bumped on every write; send it back with updates to avoid lost updates.
    async fn version(&self) -> i32 {
        self.0.version
    }

    /// When the record last changed (ISO-8601 UTC).
    async fn updated_at(&self) -> &str {
        &self.0.updated_at
    }
}

impl Served for entity::project::Model {
    const BY_ID: bool = true;
    const SOURCED: bool = true;

    fn loaders(set: &mut LoaderSet<'_>) {
        set.cached(Children::<ProjectsOfPark>::new);
        set.uncached(PageLoader::<project::Model>::new);
    }
}

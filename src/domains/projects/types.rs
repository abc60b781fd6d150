//! Projects as the API shows them: the project, its connection and
//! aggregate, and the lists they are read in.

use async_graphql::{Context, ID};
use entity::{city, park, project};

use super::inputs::{ProjectFilter, ProjectOrder};
use super::service;
use crate::domains::cities::City;
use crate::domains::milestones::{Milestone, MilestonesOfProject};
use crate::domains::parks::{Park, ParkStatus};
use crate::domains::partners::{PartnersOfProject, ProjectPartner};
use crate::domains::sources::Source;
use crate::error::AppResult;
use crate::graphql::kit::connection::Connection;
use crate::graphql::kit::loader::{Children, PageLoader, by_id, children, required};
use crate::graphql::kit::prefetch::join_to;
use crate::graphql::kit::shape::selects_in_nodes;
use crate::graphql::loaders::{LoaderSet, Served};
use crate::store::listing::{PageArgs, Scope, summary_measures};
use crate::store::prefetch::{ChildOf, Join};

/// A large development project that builds or extends a park.
#[derive(Clone, Debug)]
pub struct Project(pub project::Model);

crate::object! {
    /// A large development project that builds or extends a park.
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
            Ok(City(required::<city::Entity>(ctx, self.0.city_id).await?))
        }

        /// The park this project builds, once it exists as a park.
        async fn park(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Park>> {
            let Some(id) = self.0.park_id else {
                return Ok(None);
            };
            Ok(by_id::<park::Entity>(ctx, id).await?.map(Park))
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
            let milestones = children::<MilestonesOfProject>(ctx, self.0.id).await?;
            if milestones.is_empty() {
                return Ok(None);
            }
            let reached = milestones.iter().filter(|m| m.reached.is_some()).count();
            Ok(Some(reached as f64 / milestones.len() as f64))
        }

        /// Organizations taking part, with their roles.
        async fn partners(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<ProjectPartner>> {
            let rows = children::<PartnersOfProject>(ctx, self.0.id).await?;
            Ok(rows.into_iter().map(ProjectPartner).collect())
        }

        /// Dated steps, in the order they were recorded.
        async fn milestones(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Milestone>> {
            let rows = children::<MilestonesOfProject>(ctx, self.0.id).await?;
            Ok(rows.into_iter().map(Milestone).collect())
        }

        /// Where the facts about this project come from, with as-of dates.
        async fn sources(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Source>> {
            crate::domains::sources::of::<project::Model>(ctx, self.0.id).await
        }

        /// Caveats, conflicting figures and history, as free text.
        async fn notes(&self) -> Option<&str> {
            self.0.notes.as_deref()
        }

        stamp;
    }
}

/// `park.projects`: projects by the park they build.
pub struct ProjectsOfPark;

impl ChildOf for ProjectsOfPark {
    type Entity = project::Entity;
    fn parent_column() -> project::Column {
        project::Column::ParkId
    }
    fn parent_of(model: &project::Model) -> i32 {
        model.park_id.unwrap_or_default()
    }
}

impl Served for project::Model {
    const BY_ID: bool = true;
    const SOURCED: bool = true;

    fn loaders(set: &mut LoaderSet<'_>) {
        set.cached(Children::<ProjectsOfPark>::new);
        set.uncached(PageLoader::<project::Model>::new);
    }
}

crate::connection!(
    /// A page of projects. `aggregate` covers every project the filter matches.
    ProjectConnection, ProjectEdge, Project, project::Model,
    {
        /// Count, sum, average, minimum and maximum of the numeric fields over
        /// every matching project.
        async fn aggregate(&self, ctx: &Context<'_>) -> async_graphql::Result<ProjectAggregate> {
            let measures = summary_measures(&service::numeric_fields());
            let rows = self.0.stats(ctx, measures, None, |_| {}).await?;
            Ok(ProjectAggregate::from(rows.into_iter().next().unwrap_or_default()))
        }
    }
);

/// A project connection, for the root and for `city.projects`. Reads each
/// project's city and park with the page when the query selects them.
pub fn connection(
    ctx: &Context<'_>,
    filter: Option<ProjectFilter>,
    order_by: Option<Vec<ProjectOrder>>,
    args: &PageArgs,
    scope: Scope,
) -> AppResult<ProjectConnection> {
    let listing = service::listing(filter, order_by, args, scope)?
        .join(joins(|field| selects_in_nodes(ctx, field)));
    Ok(ProjectConnection(Connection::new(listing, ctx)))
}

/// The to-one relations of a project that `selected` asks for.
pub fn joins(selected: impl Fn(&str) -> bool) -> Vec<Join> {
    let mut joins = Vec::new();
    if selected("city") {
        joins.push(join_to::<city::Entity>(
            "project_city",
            project::Column::CityId,
        ));
    }
    if selected("park") {
        joins.push(join_to::<park::Entity>(
            "project_park",
            project::Column::ParkId,
        ));
    }
    joins
}

crate::aggregate! {
    /// Summary figures over every project a filter matches.
    ProjectAggregate, ProjectNumbers ("project", "projects") {
        /// Approved cost, US dollars.
        cost_usd,
        /// Covered area, square feet.
        area_sqft,
        /// Jobs target.
        jobs_target,
        /// Extra exports per year targeted, US dollars.
        exports_target_usd,
        /// Target year.
        target_year,
    }
}

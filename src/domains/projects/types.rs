//! Projects as the API shows them: the project, its connection and
//! aggregate, and the lists they are read in.

use async_graphql::Context;
use entity::{city, park, project};

use super::inputs::{ProjectFilter, ProjectOrder};
use crate::domains::cities::City;
use crate::domains::claims::{self, Claim, ClaimProperty, ClaimRank, ClaimRow};
use crate::domains::milestones::{Milestone, MilestonesOfProject};
use crate::domains::parks::{Park, ParkStatus};
use crate::domains::partners::{PartnersOfProject, ProjectPartner};
use crate::domains::project_claims::ClaimsOfProject;
use crate::domains::sources::{Source, SourcesOf};
use crate::error::AppResult;
use crate::graphql::kit::connection::Connection;
use crate::graphql::kit::loader::{Children, PageLoader, children};
use crate::graphql::kit::prefetch::join_to;
use crate::graphql::kit::shape::selects_in_nodes;
use crate::graphql::loaders::{LoaderSet, Served};
use crate::store::filter::col;
use crate::store::listing::{PageArgs, Scope, list};
use crate::store::prefetch::Join;

/// A large development project that builds or extends a park.
#[derive(Clone, Debug)]
pub struct Project(pub project::Model);

crate::object! {
    /// A large development project that builds or extends a park.
    impl Project {
        node "Project";

        /// Stable public key; the same as its park's slug where the project builds one.
        field slug: &str;

        /// The project's name.
        field name: &str;

        /// Where the project stands.
        enum status: ParkStatus;

        /// The city the project is in.
        ref city: City from city_id in city::Entity;

        /// The park this project builds, once it exists as a park.
        ref park: Option<Park> from park_id in park::Entity;

        /// Approved cost in US dollars: the PREFERRED `COST` claim in USD
        /// when there is one; null when unknown.
        field cost_usd: Option<f64>;

        /// Covered area to be built, square feet: the PREFERRED `AREA_SQFT`
        /// claim when there is one; null when unknown.
        field area_sqft: Option<i64>;

        /// The year completion is targeted: the year of the PREFERRED
        /// `COMPLETION_DUE` claim when there is one.
        field target_year: Option<i32>;

        /// Jobs the project is expected to create: the PREFERRED
        /// `JOBS_TARGET` claim when there is one.
        field jobs_target: Option<i32>;

        /// Extra IT exports per year expected, US dollars: the PREFERRED
        /// `EXPORTS_TARGET` claim in USD when there is one.
        field exports_target_usd: Option<f64>;

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
        children partners: Vec<ProjectPartner> of PartnersOfProject;

        /// Dated steps, in the order they were recorded.
        children milestones: Vec<Milestone> of MilestonesOfProject;

        /// Every value stated for its disputed properties (cost, deadlines,
        /// targets, progress), newest first, each with its page and rank.
        /// The typed fields (`costUsd`...) show the PREFERRED cost in USD.
        async fn claims(
            &self,
            ctx: &Context<'_>,
            #[graphql(desc = "Only these properties; all when left out.")]
            properties: Option<Vec<ClaimProperty>>,
            #[graphql(
                desc = "Only these ranks (default PREFERRED and NORMAL).",
                default_with = "Some(vec![ClaimRank::Preferred, ClaimRank::Normal])"
            )]
            ranks: Option<Vec<ClaimRank>>,
            #[graphql(desc = "Only claims stated on or before this date (`YYYY`, `YYYY-MM` or \
                `YYYY-MM-DD`): what was said by then. Newest first, so the first claim of a \
                property is the latest stated by that date.")]
            as_of: Option<String>,
        ) -> async_graphql::Result<Vec<Claim>> {
            claims::select(self.claims_of(ctx).await?, properties, ranks, as_of)
        }

        /// True when two claims that are not DEPRECATED give a property
        /// different values.
        async fn has_conflicts(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
            Ok(claims::has_conflicts(&self.claims_of(ctx).await?))
        }

        /// Where the facts about this project come from, with as-of dates.
        children sources: Vec<Source> of SourcesOf<project::Model>;

        /// Caveats, conflicting figures and history, as free text.
        field notes: Option<&str>;

        stamp;
    }
}

impl Project {
    async fn claims_of(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<ClaimRow>> {
        let rows = children::<ClaimsOfProject>(ctx, self.0.id).await?;
        Ok(rows.into_iter().map(ClaimRow::from).collect())
    }
}

crate::child_of! {
    /// `park.projects`: projects by the park they build.
    ProjectsOfPark: project by ParkId(park_id)
}

impl Served for project::Model {
    const BY_ID: bool = true;
    const SOURCED: bool = true;
    const NODE: Option<&'static str> = Some("Project");
    const SEARCHED: bool = true;

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
            Ok(self.0.summary(ctx).await?)
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
    let listing =
        list(filter, order_by, args, scope)?.join(joins(|field| selects_in_nodes(ctx, field)));
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
        cost_usd = col(project::Column::CostUsd),
        /// Covered area, square feet.
        area_sqft = col(project::Column::AreaSqft),
        /// Jobs target.
        jobs_target = col(project::Column::JobsTarget),
        /// Extra exports per year targeted, US dollars.
        exports_target_usd = col(project::Column::ExportsTargetUsd),
        /// Target year.
        target_year = col(project::Column::TargetYear),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::seed::seeded_for_test;
    use crate::graphql::kit::connection::Summary;
    use crate::store::listing::summary_measures;

    #[tokio::test]
    async fn the_aggregate_covers_every_matching_project() {
        let db = seeded_for_test().await;
        let listing = list::<ProjectFilter, ProjectOrder>(
            None,
            None,
            &PageArgs::new(Some(1), None, None, None),
            Scope::Root,
        );

        let spec =
            listing
                .unwrap()
                .stats(summary_measures(&ProjectAggregate::fields()), None, |_| {});
        let rows = spec.fetch(&db).await.unwrap();

        let projects =
            crate::store::table::by_ids::<project::Entity>(&db, &(1..100).collect::<Vec<_>>())
                .await
                .unwrap();
        assert_eq!(rows[0].count(0), projects.len() as i64);
    }
}

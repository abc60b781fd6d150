use async_graphql::{Context, SimpleObject};
use entity::project;

use super::inputs::{ProjectFilter, ProjectOrder};
use super::service;
use super::types::Project;
use crate::error::AppResult;
use crate::graphql::kit::connection::Connection;
use crate::graphql::kit::prefetch::join_to;
use crate::graphql::kit::shape::selects_in_nodes;
use crate::store::listing::{PageArgs, Scope, StatRow, summary, summary_measures};
use crate::store::prefetch::Join;

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
        joins.push(join_to::<entity::city::Entity>(
            "project_city",
            project::Column::CityId,
        ));
    }
    if selected("park") {
        joins.push(join_to::<entity::park::Entity>(
            "project_park",
            project::Column::ParkId,
        ));
    }
    joins
}

/// Summary figures over every project a filter matches.
#[derive(SimpleObject, Clone, Debug)]
pub struct ProjectAggregate {
    /// How many projects match.
    pub count: i64,
    /// Sums (null when no project has a value).
    pub sum: ProjectNumbers,
    /// Averages over the projects that have a value.
    pub avg: ProjectNumbers,
    /// Smallest values.
    pub min: ProjectNumbers,
    /// Largest values.
    pub max: ProjectNumbers,
}

/// One figure for each numeric project field.
#[derive(SimpleObject, Clone, Debug)]
pub struct ProjectNumbers {
    /// Approved cost, US dollars.
    pub cost_usd: Option<f64>,
    /// Covered area, square feet.
    pub area_sqft: Option<f64>,
    /// Jobs target.
    pub jobs_target: Option<f64>,
    /// Extra exports per year targeted, US dollars.
    pub exports_target_usd: Option<f64>,
    /// Target year.
    pub target_year: Option<f64>,
}

impl From<StatRow> for ProjectAggregate {
    fn from(row: StatRow) -> Self {
        let numbers = |op| ProjectNumbers {
            cost_usd: summary(&row, 0, op),
            area_sqft: summary(&row, 1, op),
            jobs_target: summary(&row, 2, op),
            exports_target_usd: summary(&row, 3, op),
            target_year: summary(&row, 4, op),
        };
        Self {
            count: row.count(0),
            sum: numbers(0),
            avg: numbers(1),
            min: numbers(2),
            max: numbers(3),
        }
    }
}

use async_graphql::{Context, SimpleObject};
use entity::project;

use super::inputs::col;
use super::types::Project;
use crate::connection;
use crate::store::listing::{StatRow, summary, summary_measures};

connection!(
    /// A page of projects. `aggregate` covers every project the filter matches.
    ProjectConnection, ProjectEdge, Project, project::Model,
    {
        /// Count, sum, average, minimum and maximum of the numeric fields over
        /// every matching project.
        async fn aggregate(&self, ctx: &Context<'_>) -> async_graphql::Result<ProjectAggregate> {
            let fields = vec![
                col(project::Column::CostUsd),
                col(project::Column::AreaSqft),
                col(project::Column::JobsTarget),
                col(project::Column::ExportsTargetUsd),
                col(project::Column::TargetYear),
            ];
            let rows = self.0.stats(ctx, summary_measures(&fields), None, |_| {}).await?;
            Ok(ProjectAggregate::from(rows.into_iter().next().unwrap_or_default()))
        }
    }
);

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

use async_graphql::{Context, Enum, Object, SimpleObject};
use entity::park;

use super::service;
use super::types::Park;
use crate::connection;
use crate::error::AppResult;
use crate::store::listing::{Listing, StatRow, summary};
use tokio::sync::OnceCell;

connection!(
    /// A page of parks. `aggregate` and `groups` are computed in SQL over every
    /// park the filter matches, not just this page.
    ParkConnection, ParkEdge, Park, park::Model,
    {
        /// Count, sum, average, minimum and maximum of the numeric fields over
        /// every matching park.
        async fn aggregate(&self, ctx: &Context<'_>) -> async_graphql::Result<ParkAggregate> {
            Ok(ParkAggregate::from(service::aggregate(&self.0, ctx).await?))
        }

        /// Matching parks grouped by city, province, status, kind or operator,
        /// in key order.
        async fn groups(
            &self,
            ctx: &Context<'_>,
            #[graphql(desc = "What to group the parks by.")]
            by: ParkGroupBy,
        ) -> async_graphql::Result<Vec<ParkGroup>> {
            Ok(service::groups(&self.0, ctx, by).await?)
        }
    }
);

/// Summary figures over every park a filter matches.
#[derive(SimpleObject, Clone, Debug)]
pub struct ParkAggregate {
    /// How many parks match.
    pub count: i64,
    /// Sums (null when no park has a value).
    pub sum: ParkNumbers,
    /// Averages over the parks that have a value.
    pub avg: ParkNumbers,
    /// Smallest values.
    pub min: ParkNumbers,
    /// Largest values.
    pub max: ParkNumbers,
}

/// One figure for each numeric park field.
#[derive(SimpleObject, Clone, Debug)]
pub struct ParkNumbers {
    /// Covered area, square feet.
    pub area_sqft: Option<f64>,
    /// Opening year.
    pub opened_year: Option<f64>,
}

impl From<StatRow> for ParkAggregate {
    fn from(row: StatRow) -> Self {
        let numbers = |op| ParkNumbers {
            area_sqft: summary(&row, 0, op),
            opened_year: summary(&row, 1, op),
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

/// What to group parks by.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum ParkGroupBy {
    /// By city; the key is the city's slug.
    City,
    /// By province; the key is the Province enum value.
    Province,
    /// By status; the key is the ParkStatus enum value.
    Status,
    /// By kind; the key is the ParkKind enum value.
    Kind,
    /// By operator; the key is the organization's slug, or `none`.
    Operator,
}

/// Parks that share a city, province, status, kind or operator.
#[derive(SimpleObject, Clone, Debug)]
pub struct ParkGroup {
    /// The group's key: a slug or an enum value (see `ParkGroupBy`); `none` for
    /// parks with no operator recorded.
    pub key: String,
    /// A human-readable name for the group (the city's or operator's name).
    pub label: String,
    /// How many parks are in the group.
    pub count: i64,
    /// Their total covered area in square feet; null when none is known.
    pub area_sqft: Option<f64>,
    /// How many tenancies are recorded across the group's parks.
    pub tenant_count: i64,
}

/// Aggregates over the parks that match a filter.
pub struct ParkStats {
    list: Listing<park::Model>,
    shown: service::Figures,
    // count, totalAreaSqft and tenantCount come from one statement.
    figures: OnceCell<StatRow>,
}

impl ParkStats {
    /// Aggregates over the parks `list` covers, for the `parkStats` field
    /// being resolved in `ctx`.
    pub fn new(list: Listing<park::Model>, ctx: &Context<'_>) -> Self {
        Self {
            list,
            shown: service::Figures::selected(ctx),
            figures: OnceCell::new(),
        }
    }

    async fn figures(&self, ctx: &Context<'_>) -> AppResult<&StatRow> {
        self.figures
            .get_or_try_init(|| service::figures(&self.list, ctx, self.shown))
            .await
    }
}

/// Aggregates over the parks that match a filter.
#[Object]
impl ParkStats {
    /// How many parks match.
    async fn count(&self, ctx: &Context<'_>) -> async_graphql::Result<i64> {
        Ok(self.figures(ctx).await?.count(0))
    }

    /// Their total covered area in square feet; null when none is known.
    async fn total_area_sqft(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<f64>> {
        let (area, _) = self.shown.positions();
        let row = self.figures(ctx).await?;
        Ok(area.and_then(|i| row.value(i)))
    }

    /// How many tenancies (a firm in a park) are recorded across them.
    async fn tenant_count(&self, ctx: &Context<'_>) -> async_graphql::Result<i64> {
        let (_, tenants) = self.shown.positions();
        let row = self.figures(ctx).await?;
        Ok(tenants.map_or(0, |i| row.count(i)))
    }

    /// The matching parks grouped, in key order.
    async fn groups(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "What to group the parks by.")] by: ParkGroupBy,
    ) -> async_graphql::Result<Vec<ParkGroup>> {
        Ok(service::groups(&self.list, ctx, by).await?)
    }
}

use async_graphql::{Context, Enum, Object, SimpleObject};
use entity::park;

use super::inputs::{ParkFilter, ParkOrder};
use super::service::{self, Figures};
use super::types::Park;
use crate::connection;
use crate::error::AppResult;
use crate::graphql::kit::connection::Connection;
use crate::graphql::kit::prefetch::join_to;
use crate::graphql::kit::shape::selects_in_nodes;
use crate::store::listing::{PageArgs, Scope, StatRow, summary, summary_measures};
use crate::store::prefetch::Join;
use tokio::sync::OnceCell;

connection!(
    /// A page of parks. `aggregate` and `groups` are computed in SQL over every
    /// park the filter matches, not just this page.
    ParkConnection, ParkEdge, Park, park::Model,
    {
        /// Count, sum, average, minimum and maximum of the numeric fields over
        /// every matching park.
        async fn aggregate(&self, ctx: &Context<'_>) -> async_graphql::Result<ParkAggregate> {
            let measures = summary_measures(&service::numeric_fields());
            let rows = self.0.stats(ctx, measures, None, |_| {}).await?;
            Ok(ParkAggregate::from(rows.into_iter().next().unwrap_or_default()))
        }

        /// Matching parks grouped by city, province, status, kind or operator,
        /// in key order.
        async fn groups(
            &self,
            ctx: &Context<'_>,
            #[graphql(desc = "What to group the parks by.")]
            by: ParkGroupBy,
        ) -> async_graphql::Result<Vec<ParkGroup>> {
            Ok(groups(&self.0, ctx, by).await?)
        }
    }
);

/// A park connection, for the root and for `city.parks`/`organization.parksOperated`:
/// reads only the columns behind the fields selected on its parks, and each
/// park's city and operator with the page when the query selects them.
pub fn connection(
    ctx: &Context<'_>,
    filter: Option<ParkFilter>,
    order_by: Option<Vec<ParkOrder>>,
    args: &PageArgs,
    scope: Scope,
) -> AppResult<ParkConnection> {
    let listing = service::listing(filter, order_by, args, scope)?
        .narrowed::<park::Entity>(super::columns::wanted(ctx))
        .join(joins(|field| selects_in_nodes(ctx, field)));
    Ok(ParkConnection(Connection::new(listing, ctx)))
}

/// The to-one relations of a park that `selected` asks for.
pub fn joins(selected: impl Fn(&str) -> bool) -> Vec<Join> {
    let mut joins = Vec::new();
    if selected("city") {
        joins.push(join_to::<entity::city::Entity>(
            "park_city",
            park::Column::CityId,
        ));
    }
    if selected("operator") {
        let operator =
            join_to::<entity::organization::Entity>("park_operator", park::Column::OperatorId);
        joins.push(operator);
    }
    joins
}

/// The matching parks grouped by `by`.
async fn groups(
    list: &Connection<park::Model>,
    ctx: &Context<'_>,
    by: ParkGroupBy,
) -> AppResult<Vec<ParkGroup>> {
    let key = service::group_key(by);
    let measures = service::group_measures();
    let rows = list
        .stats(ctx, measures, Some(key), |select| {
            service::join_for(select, by)
        })
        .await?;
    Ok(rows.into_iter().map(service::group).collect())
}

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
    list: Connection<park::Model>,
    shown: Figures,
    // count, totalAreaSqft and tenantCount come from one statement.
    figures: OnceCell<StatRow>,
}

impl ParkStats {
    /// Aggregates over the parks `list` covers, for the `parkStats` field
    /// being resolved in `ctx`.
    pub fn new(list: Connection<park::Model>, ctx: &Context<'_>) -> Self {
        let look = ctx.look_ahead();
        Self {
            list,
            shown: Figures {
                area: look.field("totalAreaSqft").exists(),
                tenants: look.field("tenantCount").exists(),
            },
            figures: OnceCell::new(),
        }
    }

    async fn figures(&self, ctx: &Context<'_>) -> AppResult<&StatRow> {
        self.figures
            .get_or_try_init(|| async {
                let measures = service::figure_measures(self.shown);
                let rows = self.list.stats(ctx, measures, None, |_| {}).await?;
                Ok(rows.into_iter().next().unwrap_or_default())
            })
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
        Ok(groups(&self.list, ctx, by).await?)
    }
}

use async_graphql::Context;
use entity::{city, organization, park};
use sea_orm::JoinType;
use sea_orm::sea_query::{Condition, Expr, ExprTrait, SelectStatement};

use super::connection::{ParkConnection, ParkGroup, ParkGroupBy};
use super::inputs::{ParkFilter, ParkOrder, col, tenant_count as tenants_of_park};
use crate::domains::projects::ProjectsOfPark;
use crate::domains::sources::SourcesOf;
use crate::error::AppResult;
use crate::store::listing::{
    Listing, PageArgs, Scope, StatRow, count_all, entity_listing, summary_measures,
};
use crate::store::prefetch::{Join, find_one, nests_children, selects, selects_in_nodes};

/// A list of parks matching `filter`, at the root or under a parent.
pub fn listing(
    filter: Option<ParkFilter>,
    order_by: Option<Vec<ParkOrder>>,
    args: &PageArgs,
    scope: Scope,
) -> AppResult<Listing<park::Model>> {
    let condition = filter.map(|f| f.condition()).unwrap_or_else(Condition::all);
    let keys = order_by
        .unwrap_or_default()
        .iter()
        .map(ParkOrder::key)
        .collect();
    entity_listing::<park::Entity>(condition, keys, args, scope)
}

/// A park connection, for the root and for `city.parks`/`organization.parksOperated`.
/// Reads each park's city and operator with the page when the query selects them.
pub fn connection(
    ctx: &Context<'_>,
    filter: Option<ParkFilter>,
    order_by: Option<Vec<ParkOrder>>,
    args: &PageArgs,
    scope: Scope,
) -> AppResult<ParkConnection> {
    let joins = joins(|field| selects_in_nodes(ctx, field));
    let listing = listing(filter, order_by, args, scope)?
        .narrowed::<park::Entity>(super::columns::wanted(ctx))
        .join(joins)
        .shaped(ctx);
    Ok(ParkConnection(listing))
}

/// The park with this slug, with its city and operator when selected, and
/// its projects and sources too where lookups nest them (see
/// [`nests_children`]).
pub async fn by_slug(ctx: &Context<'_>, slug: &str) -> AppResult<Option<park::Model>> {
    let mut joins = joins(|field| selects(ctx, field));
    if nests_children(ctx) {
        let id = park::Column::Id;
        if selects(ctx, "projects") {
            joins.push(Join::children::<ProjectsOfPark>("park_projects", id));
        }
        if selects(ctx, "sources") {
            joins.push(Join::children::<SourcesOf<entity::park::Model>>(
                "park_sources",
                id,
            ));
        }
    }
    find_one::<park::Entity>(ctx, park::Column::Slug, slug, &joins).await
}

/// The to-one relations of a park that `selected` asks for.
fn joins(selected: impl Fn(&str) -> bool) -> Vec<Join> {
    let mut joins = Vec::new();
    if selected("city") {
        joins.push(Join::to::<city::Entity>("park_city", park::Column::CityId));
    }
    if selected("operator") {
        let operator = Join::to::<organization::Entity>("park_operator", park::Column::OperatorId);
        joins.push(operator);
    }
    joins
}

fn numeric_fields() -> Vec<Expr> {
    vec![col(park::Column::AreaSqft), col(park::Column::OpenedYear)]
}

/// Count plus sum/avg/min/max of area and opening year.
pub async fn aggregate(list: &Listing<park::Model>, ctx: &Context<'_>) -> AppResult<StatRow> {
    let rows = list
        .stats(ctx, summary_measures(&numeric_fields()), None, |_| {})
        .await?;
    Ok(rows.into_iter().next().unwrap_or_default())
}

/// Which of `parkStats`' figures a query shows.
#[derive(Clone, Copy, Debug)]
pub struct Figures {
    /// `totalAreaSqft`.
    pub area: bool,
    /// `tenantCount`.
    pub tenants: bool,
}

impl Figures {
    /// The figures selected under the `parkStats` field being resolved.
    pub fn selected(ctx: &Context<'_>) -> Self {
        let look = ctx.look_ahead();
        Self {
            area: look.field("totalAreaSqft").exists(),
            tenants: look.field("tenantCount").exists(),
        }
    }

    /// Where the area sum and the tenancy sum stand in [`figures`]' row.
    pub fn positions(self) -> (Option<usize>, Option<usize>) {
        let area = self.area.then_some(1);
        let tenants = self.tenants.then_some(1 + usize::from(self.area));
        (area, tenants)
    }
}

/// `parkStats`' count, and the area and tenancy sums it shows, from one
/// statement (a count alone stays an index-only count).
pub async fn figures(
    list: &Listing<park::Model>,
    ctx: &Context<'_>,
    shown: Figures,
) -> AppResult<StatRow> {
    let mut measures = vec![count_all()];
    if shown.area {
        measures.push(col(park::Column::AreaSqft).sum());
    }
    if shown.tenants {
        measures.push(tenants_of_park().sum());
    }
    let rows = list.stats(ctx, measures, None, |_| {}).await?;
    Ok(rows.into_iter().next().unwrap_or_default())
}

/// The matching parks grouped by `by`.
pub async fn groups(
    list: &Listing<park::Model>,
    ctx: &Context<'_>,
    by: ParkGroupBy,
) -> AppResult<Vec<ParkGroup>> {
    let city_col = |c: city::Column| Expr::col((city::Entity, c));
    let org_col = |c: organization::Column| Expr::col((organization::Entity, c));
    let (key, label) = match by {
        ParkGroupBy::City => (city_col(city::Column::Slug), city_col(city::Column::Name)),
        ParkGroupBy::Province => (
            city_col(city::Column::Province),
            city_col(city::Column::Province),
        ),
        ParkGroupBy::Status => (col(park::Column::Status), col(park::Column::Status)),
        ParkGroupBy::Kind => (col(park::Column::Kind), col(park::Column::Kind)),
        ParkGroupBy::Operator => (
            org_col(organization::Column::Slug),
            org_col(organization::Column::Name),
        ),
    };
    let measures = vec![
        count_all(),
        col(park::Column::AreaSqft).sum(),
        tenants_of_park().sum(),
    ];
    let rows = list
        .stats(ctx, measures, Some((key, label)), |select| {
            join_for(select, by)
        })
        .await?;
    Ok(rows
        .into_iter()
        .map(|row| ParkGroup {
            key: row.key.clone().unwrap_or_else(|| "none".to_owned()),
            label: row
                .label
                .clone()
                .unwrap_or_else(|| "No operator recorded".to_owned()),
            count: row.count(0),
            area_sqft: row.value(1),
            tenant_count: row.count(2),
        })
        .collect())
}

/// Joins the table the group key lives in, if it is not the park's own.
fn join_for(select: &mut SelectStatement, by: ParkGroupBy) {
    match by {
        ParkGroupBy::City | ParkGroupBy::Province => select.join(
            JoinType::LeftJoin,
            city::Entity,
            Expr::col((city::Entity, city::Column::Id))
                .equals((park::Entity, park::Column::CityId)),
        ),
        ParkGroupBy::Operator => select.join(
            JoinType::LeftJoin,
            organization::Entity,
            Expr::col((organization::Entity, organization::Column::Id))
                .equals((park::Entity, park::Column::OperatorId)),
        ),
        ParkGroupBy::Status | ParkGroupBy::Kind => select,
    };
}

//! Parks as the API shows them: the park, its connection with aggregates
//! and groups, and `parkStats`.

use async_graphql::{Context, SimpleObject};
use entity::{city, city_coordinate, organization, park};
use tokio::sync::OnceCell;

use super::inputs::ParkGroupBy;
use super::record::{ParkKind, ParkStatus};
use super::service::{self, Figures, Measure};
use crate::domains::cities::City;
use crate::domains::city_coordinates::{CoordinatesOfCity, GeoPoint, LocationBasis, distance_km};
use crate::domains::claims::{self, Claim, ClaimProperty, ClaimRank, ClaimRow};
use crate::domains::firms::{FirmFilter, FirmOrder};
use crate::domains::organizations::Organization;
use crate::domains::park_claims::ClaimsOfPark;
use crate::domains::projects::{Project, ProjectsOfPark};
use crate::domains::sources::{Source, SourcesOf};
use crate::domains::tenancies::{
    TenancyConnection, TenancyStatus, TenantFilter, tenant_columns, tenants_of_park, window,
};
use crate::error::AppResult;
use crate::graphql::enums::to_db;
use crate::graphql::kit::connection::Connection;
use crate::graphql::kit::loader::{PageLoader, children, loader};
use crate::graphql::loaders::{LoaderSet, Served};
use crate::store::Db;
use crate::store::filter::col;
use crate::store::listing::StatRow;

/// A software technology park, IT park or technology park.
#[derive(Clone, Debug)]
pub struct Park(pub park::Model);

crate::object! {
    /// A software technology park, IT park or technology park.
    impl Park {
        node "Park";

        /// Stable public key, e.g. `karachi-it-park`; partners use it in imports.
        field slug: &str;

        /// The park's name as its sources give it.
        field name: &str;

        /// What kind of park this is.
        enum kind: ParkKind;

        /// Where the park stands; `UNKNOWN` when the sources support no status.
        enum status: ParkStatus;

        /// The city the park is in.
        ref city: City from city_id in city::Entity;

        /// Who runs the park (PSEB, a university, a company...); null when unknown.
        ref operator: Option<Organization> from operator_id in organization::Entity;

        /// Covered (built or planned) floor area in square feet; null when unknown.
        field area_sqft: Option<i64>;

        /// The year the park opened to tenants; null when unknown or not yet open.
        field opened_year: Option<i32>;

        /// The park's point on the map: its own (`basis` `SITE`) where a page
        /// gives one (`locationSourceUrl`), else its city's; null when
        /// neither has one.
        async fn location(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<GeoPoint>> {
            Ok(self.point(ctx).await?.map(GeoPoint))
        }

        /// The page that gives the park's own point; null when the park takes
        /// its city's.
        async fn location_source_url(&self) -> Option<&str> {
            self.0.location_url.as_deref()
        }

        /// Kilometres from this point to the park's `location` (great
        /// circle); null when the park has none.
        async fn distance_km(
            &self,
            ctx: &Context<'_>,
            #[graphql(desc = "Degrees north.")] latitude: f64,
            #[graphql(desc = "Degrees east.")] longitude: f64,
        ) -> async_graphql::Result<Option<f64>> {
            let to = self.point(ctx).await?.map(|p| (p.latitude, p.longitude));
            Ok(to.map(|to| distance_km((latitude, longitude), to)))
        }

        /// Firms renting space here, each edge with the terms of its tenancy.
        /// Filter and order by the firm, and filter by the tenancy's status;
        /// default order is by tenancy id.
        list fn tenants(&self, ctx, filter: FirmFilter, order_by: FirmOrder, args,
            status: Option<Vec<TenancyStatus>> = "Only tenancies in one of these statuses (see `Tenancy.status`).")
            -> TenancyConnection {
            let wanted = tenant_columns(ctx);
            let statuses = status.map(|statuses| (statuses, window(ctx)));
            let filter = TenantFilter { firm: filter, statuses };
            let tenants = tenants_of_park(self.0.id, filter, order_by, &args, wanted)?;
            Ok(TenancyConnection(Connection::new(tenants, ctx)))
        }

        /// Large development projects that build or extend this park.
        children projects: Vec<Project> of ProjectsOfPark;

        /// Every value stated for its disputed properties (status, opening,
        /// area, cost, tenants, seats), newest first, each with its page,
        /// speaker and rank. The typed fields (`status`, `openedYear`,
        /// `areaSqft`) show the PREFERRED ones. A park that a project builds
        /// has its figures as the project's claims too.
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
                `YYYY-MM-DD`), newest first.")]
            as_of: Option<String>,
        ) -> async_graphql::Result<Vec<Claim>> {
            claims::select(self.claims_of(ctx).await?, properties, ranks, as_of)
        }

        /// True when two claims that are not DEPRECATED give a property
        /// different values.
        async fn has_conflicts(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
            Ok(claims::has_conflicts(&self.claims_of(ctx).await?))
        }

        /// Where the facts about this park come from, with as-of dates.
        children sources: Vec<Source> of SourcesOf<park::Model>;

        /// Caveats, conflicts between sources, and history, as free text.
        field notes: Option<&str>;

        stamp;
    }
}

impl Park {
    async fn claims_of(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<ClaimRow>> {
        let rows = children::<ClaimsOfPark>(ctx, self.0.id).await?;
        Ok(rows.into_iter().map(ClaimRow::from).collect())
    }

    async fn point(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Option<city_coordinate::Model>> {
        if let (Some(latitude), Some(longitude)) = (self.0.latitude, self.0.longitude) {
            let basis = to_db(LocationBasis::Site).to_owned();
            let own = city_coordinate::Model {
                latitude,
                longitude,
                basis,
                ..Default::default()
            };
            return Ok(Some(own));
        }
        let points = children::<CoordinatesOfCity>(ctx, self.0.city_id).await?;
        Ok(points.into_iter().next())
    }
}

impl Served for park::Model {
    const BY_ID: bool = true;
    const SOURCED: bool = true;
    const NODE: Option<&'static str> = Some("Park");
    const SEARCHED: bool = true;

    fn loaders(set: &mut LoaderSet<'_>) {
        set.uncached(PageLoader::<park::Model>::new);
    }
}

crate::connection!(
    /// A page of parks. `aggregate` and `groups` are computed in SQL over every
    /// park the filter matches, not just this page.
    ParkConnection, ParkEdge, Park, park::Model,
    {
        /// Count, sum, average, minimum and maximum of the numeric fields over
        /// every matching park.
        async fn aggregate(&self, ctx: &Context<'_>) -> async_graphql::Result<ParkAggregate> {
            Ok(self.0.summary(ctx).await?)
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

crate::aggregate! {
    /// Summary figures over every park a filter matches.
    ParkAggregate, ParkNumbers ("park", "parks") {
        /// Covered area, square feet.
        area_sqft = col(park::Column::AreaSqft),
        /// Opening year.
        opened_year = col(park::Column::OpenedYear),
    }
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

/// The parks of `list` grouped by `by`.
async fn groups(
    list: &Connection<park::Model>,
    ctx: &Context<'_>,
    by: ParkGroupBy,
) -> AppResult<Vec<ParkGroup>> {
    let rows = figures_of(list, ctx, &Measure::GROUP, Some(by)).await?;
    Ok(rows.into_iter().map(group).collect())
}

/// `measures` over the parks of `list`, grouped by `by`: for every park (no
/// filter) from the totals kept on write, else over the matching parks.
async fn figures_of(
    list: &Connection<park::Model>,
    ctx: &Context<'_>,
    measures: &[Measure],
    by: Option<ParkGroupBy>,
) -> AppResult<Vec<StatRow>> {
    if list.covers_all() {
        let db = loader::<Db>(ctx)?;
        return Ok(service::totals(measures, by).fetch(db).await?);
    }
    let over_parks = measures.iter().map(|m| m.over_parks()).collect();
    let join = |select: &mut _| by.into_iter().for_each(|by| service::join_for(select, by));
    list.stats(ctx, over_parks, by.map(service::group_key), join)
        .await
}

/// A group's row as a [`ParkGroup`].
fn group(row: StatRow) -> ParkGroup {
    ParkGroup {
        key: row.key.clone().unwrap_or_else(|| "none".to_owned()),
        label: (row.label.clone()).unwrap_or_else(|| "No operator recorded".to_owned()),
        count: row.count(0),
        area_sqft: row.value(1),
        tenant_count: row.count(2),
    }
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
        let shown = Figures {
            area: look.field("totalAreaSqft").exists(),
            tenants: look.field("tenantCount").exists(),
        };
        let figures = OnceCell::new();
        Self {
            list,
            shown,
            figures,
        }
    }

    async fn figures(&self, ctx: &Context<'_>) -> AppResult<&StatRow> {
        self.figures
            .get_or_try_init(|| async {
                let measures = self.shown.measures();
                let rows = figures_of(&self.list, ctx, &measures, None).await?;
                Ok(rows.into_iter().next().unwrap_or_default())
            })
            .await
    }
}

crate::object! {
    /// Aggregates over the parks that match a filter.
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
}

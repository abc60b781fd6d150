use async_graphql::{Context, Enum, ID, Object};
use entity::{city, organization, park};

use crate::domains::cities::City;
use crate::domains::firms::{FirmFilter, FirmOrder};
use crate::domains::organizations::Organization;
use crate::domains::projects::{Project, ProjectsOfPark};
use crate::domains::sources::Source;
use crate::domains::tenancies::TenancyConnection;
use crate::graphql::kit::connection::Connection;
use crate::graphql::kit::loader::PageLoader;
use crate::graphql::loaders::{LoaderSet, Served};
use crate::store::listing::PageArgs;

/// What kind of park this is.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum ParkKind {
    /// A Software Technology Park (STP), most run by or with PSEB.
    SoftwareTechnologyPark,
    /// A large purpose-built IT park (Karachi IT Park, Islamabad IT Park).
    ItPark,
    /// A science or technology park, often university-led.
    TechnologyPark,
}

/// Where a park or project stands.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum ParkStatus {
    /// Announced or agreed, not yet being built.
    Planned,
    /// Being built.
    UnderConstruction,
    /// Open and hosting firms.
    Operational,
    /// No longer operating.
    Closed,
    /// The sources do not support any status.
    Unknown,
}

/// A software technology park, IT park or technology park.
#[derive(Clone, Debug)]
pub struct Park(pub park::Model);

/// A software technology park, IT park or technology park.
#[Object]
impl Park {
    /// Opaque global ID (Relay `Node`).
    pub async fn id(&self) -> ID {
        crate::graphql::node::global_id("Park", self.0.id)
    }

    /// Stable public key, e.g. `karachi-it-park`; partners use it in imports.
    async fn slug(&self) -> &str {
        &self.0.slug
    }

    /// The park's name as its sources give it.
    async fn name(&self) -> &str {
        &self.0.name
    }

    /// What kind of park this is.
    async fn kind(&self) -> async_graphql::Result<ParkKind> {
        Ok(crate::graphql::enums::from_db(&self.0.kind)?)
    }

    /// Where the park stands; `UNKNOWN` when the sources support no status.
    async fn status(&self) -> async_graphql::Result<ParkStatus> {
        Ok(crate::graphql::enums::from_db(&self.0.status)?)
    }

    /// The city the park is in.
    async fn city(&self, ctx: &Context<'_>) -> async_graphql::Result<City> {
        Ok(City(
            crate::graphql::kit::loader::required::<city::Entity>(ctx, self.0.city_id).await?,
        ))
    }

    /// Who runs the park (PSEB, a university, a company...); null when unknown.
    async fn operator(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Organization>> {
        let Some(id) = self.0.operator_id else {
            return Ok(None);
        };
        Ok(
            crate::graphql::kit::loader::by_id::<organization::Entity>(ctx, id)
                .await?
                .map(Organization),
        )
    }

    /// Covered (built or planned) floor area in square feet; null when unknown.
    async fn area_sqft(&self) -> Option<i64> {
        self.0.area_sqft
    }

    /// The year the park opened to tenants; null when unknown or not yet open.
    async fn opened_year(&self) -> Option<i32> {
        self.0.opened_year
    }

    /// Firms renting space here, each edge with the terms of its tenancy.
    /// Filter and order by the firm; default order is by tenancy id.
    async fn tenants(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only records matching this filter.")] filter: Option<FirmFilter>,
        #[graphql(
            desc = "Sort keys, most significant first; ties are broken by id. Default: by id."
        )]
        order_by: Option<Vec<FirmOrder>>,
        #[graphql(
            desc = "At most this many records from the start, or after `after` (0 to 100; default 20)."
        )]
        first: Option<i32>,
        #[graphql(desc = "Only records after this cursor (from `endCursor` or an edge).")]
        after: Option<String>,
        #[graphql(
            desc = "At most this many records from the end, or before `before` (0 to 100); not with `first`."
        )]
        last: Option<i32>,
        #[graphql(desc = "Only records before this cursor (from `startCursor` or an edge).")]
        before: Option<String>,
    ) -> async_graphql::Result<TenancyConnection> {
        let args = PageArgs::new(first, after, last, before);
        let wanted = crate::domains::tenancies::tenant_columns(ctx);
        let tenants =
            crate::domains::tenancies::tenants_of_park(self.0.id, filter, order_by, &args, wanted)?;
        Ok(TenancyConnection(Connection::new(tenants, ctx)))
    }

    /// Large development projects that build or extend this park.
    async fn projects(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Project>> {
        let rows = crate::graphql::kit::loader::children::<ProjectsOfPark>(ctx, self.0.id).await?;
        Ok(rows.into_iter().map(Project).collect())
    }

    /// Where the facts about this park come from, with as-of dates.
    async fn sources(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Source>> {
        crate::domains::sources::of::<entity::park::Model>(ctx, self.0.id).await
    }

    /// Caveats, conflicts between sources, and history, as free text.
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

impl Served for entity::park::Model {
    const BY_ID: bool = true;
    const SOURCED: bool = true;

    fn loaders(set: &mut LoaderSet<'_>) {
        set.uncached(PageLoader::<park::Model>::new);
    }
}

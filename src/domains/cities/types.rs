use async_graphql::{Context, Enum, ID, Object};
use entity::city;
use sea_orm::sea_query::Expr;

use crate::connection;
use crate::domains::parks::{ParkConnection, ParkFilter, ParkOrder};
use crate::domains::projects::{ProjectConnection, ProjectFilter, ProjectOrder};
use crate::domains::sources::Source;
use crate::graphql::loaders::Served;
use crate::store::listing::{PageArgs, Scope};

/// A province or territory of Pakistan.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum Province {
    /// Punjab.
    Punjab,
    /// Sindh.
    Sindh,
    /// Khyber Pakhtunkhwa.
    KhyberPakhtunkhwa,
    /// Balochistan.
    Balochistan,
    /// Islamabad Capital Territory.
    IslamabadCapitalTerritory,
    /// Gilgit-Baltistan.
    GilgitBaltistan,
    /// Azad Jammu and Kashmir.
    AzadJammuAndKashmir,
}

/// A city or district that has parks or projects.
#[derive(Clone, Debug)]
pub struct City(pub city::Model);

/// A city or district that has parks or projects.
#[Object]
impl City {
    /// Opaque global ID (Relay `Node`).
    pub async fn id(&self) -> ID {
        crate::graphql::node::global_id("City", self.0.id)
    }

    /// Stable public key, e.g. `karachi`.
    async fn slug(&self) -> &str {
        &self.0.slug
    }

    /// The city's name as commonly written in English.
    async fn name(&self) -> &str {
        &self.0.name
    }

    /// The province or territory the city is in.
    async fn province(&self) -> async_graphql::Result<Province> {
        Ok(crate::graphql::enums::from_db(&self.0.province)?)
    }

    /// Parks in this city. Same arguments as the root `parks`; default order is by id.
    async fn parks(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only records matching this filter.")] filter: Option<ParkFilter>,
        #[graphql(
            desc = "Sort keys, most significant first; ties are broken by id. Default: by id."
        )]
        order_by: Option<Vec<ParkOrder>>,
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
    ) -> async_graphql::Result<ParkConnection> {
        let scope = Scope::Child {
            column: Expr::col((entity::park::Entity, entity::park::Column::CityId)),
            id: self.0.id,
        };
        let args = PageArgs::new(first, after, last, before);
        Ok(crate::domains::parks::connection(
            ctx, filter, order_by, &args, scope,
        )?)
    }

    /// Development projects in this city. Same arguments as the root `projects`.
    async fn projects(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only records matching this filter.")] filter: Option<ProjectFilter>,
        #[graphql(
            desc = "Sort keys, most significant first; ties are broken by id. Default: by id."
        )]
        order_by: Option<Vec<ProjectOrder>>,
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
    ) -> async_graphql::Result<ProjectConnection> {
        let scope = Scope::Child {
            column: Expr::col((entity::project::Entity, entity::project::Column::CityId)),
            id: self.0.id,
        };
        let args = PageArgs::new(first, after, last, before);
        Ok(crate::domains::projects::connection(
            ctx, filter, order_by, &args, scope,
        )?)
    }

    /// Where the city's listing comes from (e.g. a ministry's list of STP locations).
    async fn sources(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Source>> {
        crate::domains::sources::of::<entity::city::Model>(ctx, self.0.id).await
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

connection!(
    /// A page of cities.
    CityConnection, CityEdge, City, city::Model, {}
);

impl Served for entity::city::Model {
    const BY_ID: bool = true;
    const SOURCED: bool = true;
}

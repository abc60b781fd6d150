use async_graphql::{Context, Object};

use super::connection::{ParkConnection, ParkStats, connection};
use super::inputs::{ParkFilter, ParkOrder};
use super::service;
use super::types::Park;
use crate::domains::projects::ProjectsOfPark;
use crate::domains::sources::SourcesOf;
use crate::graphql::kit::connection::Connection;
use crate::graphql::kit::prefetch::{by_slug, join_children};
use crate::graphql::kit::shape::{nests_children, selects};
use crate::store::listing::{PageArgs, Scope};
use crate::store::prefetch::Join;
use entity::park;

/// Root fields for parks.
#[derive(Default)]
pub struct ParkQuery;

/// Root fields for parks.
#[Object]
impl ParkQuery {
    /// The park with this slug; null when there is none.
    async fn park(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "The record's slug, its stable public key (as in `slug` fields).",
            validator(custom = "crate::graphql::kit::filters::NoNul")
        )]
        slug: String,
    ) -> async_graphql::Result<Option<Park>> {
        Ok(by_slug::<park::Model>(ctx, &slug, &lookup_joins(ctx))
            .await?
            .map(Park))
    }

    /// Parks, filtered, sorted and paged. Default order is by id.
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
        let args = PageArgs::new(first, after, last, before);
        Ok(connection(ctx, filter, order_by, &args, Scope::Root)?)
    }

    /// Aggregates over the parks that match the filter (all parks without one).
    async fn park_stats(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only parks matching this filter; all parks without one.")] filter: Option<
            ParkFilter,
        >,
    ) -> async_graphql::Result<ParkStats> {
        let list = service::listing(filter, None, &PageArgs::default(), Scope::Root)?;
        Ok(ParkStats::new(Connection::new(list, ctx), ctx))
    }
}

/// What a park lookup reads in its statement: its city and operator when
/// selected, and its projects and sources where lookups nest lists (see
/// [`nests_children`]).
fn lookup_joins(ctx: &Context<'_>) -> Vec<Join> {
    let mut joins = super::connection::joins(|field| selects(ctx, field));
    if nests_children(ctx) {
        let id = park::Column::Id;
        if selects(ctx, "projects") {
            joins.push(join_children::<ProjectsOfPark>("park_projects", id));
        }
        if selects(ctx, "sources") {
            joins.push(join_children::<SourcesOf<park::Model>>("park_sources", id));
        }
    }
    joins
}

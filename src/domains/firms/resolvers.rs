use async_graphql::{Context, Object};

use super::inputs::{FirmFilter, FirmOrder};
use super::service;
use super::types::{Firm, FirmConnection};
use crate::domains::sources::SourcesOf;
use crate::domains::tenancies::TenanciesOfFirm;
use crate::graphql::kit::connection::Connection;
use crate::graphql::kit::prefetch::{by_slug, join_children};
use crate::graphql::kit::shape::{nests_children, selects};
use crate::store::listing::PageArgs;
use crate::store::prefetch::Join;
use entity::firm;

/// Root fields for firms.
#[derive(Default)]
pub struct FirmQuery;

/// Root fields for firms.
#[Object]
impl FirmQuery {
    /// The firm with this slug; null when there is none.
    async fn firm(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "The record's slug, its stable public key (as in `slug` fields).",
            validator(custom = "crate::graphql::kit::filters::NoNul")
        )]
        slug: String,
    ) -> async_graphql::Result<Option<Firm>> {
        Ok(by_slug::<firm::Model>(ctx, &slug, &lookup_joins(ctx))
            .await?
            .map(Firm))
    }

    /// Firms, filtered, sorted and paged. Default order is by id.
    async fn firms(
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
    ) -> async_graphql::Result<FirmConnection> {
        let args = PageArgs::new(first, after, last, before);
        let listing = service::listing(filter, order_by, &args)?;
        Ok(FirmConnection(Connection::new(listing, ctx)))
    }
}

/// What a firm lookup reads in its statement: its tenancies (with their
/// parks) and sources, where lookups nest lists (see [`nests_children`]).
fn lookup_joins(ctx: &Context<'_>) -> Vec<Join> {
    let mut joins = Vec::new();
    if nests_children(ctx) {
        let id = firm::Column::Id;
        if selects(ctx, "tenancies") {
            joins.push(join_children::<TenanciesOfFirm>("firm_tenancies", id));
        }
        if selects(ctx, "sources") {
            joins.push(join_children::<SourcesOf<firm::Model>>("firm_sources", id));
        }
    }
    joins
}

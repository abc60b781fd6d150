use async_graphql::{Context, Object};

use super::inputs::{OrganizationFilter, OrganizationOrder};
use super::service;
use super::types::{Organization, OrganizationConnection};
use crate::domains::projects::PartnersOfOrganization;
use crate::domains::sources::SourcesOf;
use crate::graphql::kit::connection::Connection;
use crate::graphql::kit::prefetch::{by_slug, join_children};
use crate::graphql::kit::shape::{nests_children, selects};
use crate::store::listing::PageArgs;
use crate::store::prefetch::Join;
use entity::organization;

/// Root fields for organizations.
#[derive(Default)]
pub struct OrganizationQuery;

/// Root fields for organizations.
#[Object]
impl OrganizationQuery {
    /// The organization with this slug; null when there is none.
    async fn organization(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "The record's slug, its stable public key (as in `slug` fields).",
            validator(custom = "crate::graphql::kit::filters::NoNul")
        )]
        slug: String,
    ) -> async_graphql::Result<Option<Organization>> {
        Ok(
            by_slug::<organization::Model>(ctx, &slug, &lookup_joins(ctx))
                .await?
                .map(Organization),
        )
    }

    /// Organizations, filtered and paged. Default order is by id.
    async fn organizations(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only records matching this filter.")] filter: Option<OrganizationFilter>,
        #[graphql(
            desc = "Sort keys, most significant first; ties are broken by id. Default: by id."
        )]
        order_by: Option<Vec<OrganizationOrder>>,
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
    ) -> async_graphql::Result<OrganizationConnection> {
        let args = PageArgs::new(first, after, last, before);
        let listing = service::listing(filter, order_by, &args)?;
        Ok(OrganizationConnection(Connection::new(listing, ctx)))
    }
}

/// What an organization lookup reads in its statement: its project roles
/// (with their projects) and sources, where lookups nest lists (see
/// [`nests_children`]).
fn lookup_joins(ctx: &Context<'_>) -> Vec<Join> {
    let mut joins = Vec::new();
    if nests_children(ctx) {
        let id = organization::Column::Id;
        if selects(ctx, "projects") {
            joins.push(join_children::<PartnersOfOrganization>(
                "organization_projects",
                id,
            ));
        }
        if selects(ctx, "sources") {
            let sources = join_children::<SourcesOf<organization::Model>>;
            joins.push(sources("organization_sources", id));
        }
    }
    joins
}

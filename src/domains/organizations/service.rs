use async_graphql::Context;
use entity::organization;
use sea_orm::sea_query::Condition;

use super::inputs::{OrganizationFilter, OrganizationOrder};
use crate::domains::projects::PartnersOfOrganization;
use crate::domains::sources::SourcesOf;
use crate::error::AppResult;
use crate::store::listing::{Listing, PageArgs, Scope, entity_listing};
use crate::store::prefetch::{Join, find_one, nests_children, selects};

/// The organization with this slug, with its project roles (and their
/// projects) and sources where lookups nest them (see [`nests_children`]).
pub async fn by_slug(ctx: &Context<'_>, slug: &str) -> AppResult<Option<organization::Model>> {
    let mut joins = Vec::new();
    if nests_children(ctx) {
        let id = organization::Column::Id;
        if selects(ctx, "projects") {
            joins.push(Join::children::<PartnersOfOrganization>(
                "organization_projects",
                id,
            ));
        }
        if selects(ctx, "sources") {
            joins.push(Join::children::<SourcesOf<entity::organization::Model>>(
                "organization_sources",
                id,
            ));
        }
    }
    find_one::<organization::Entity>(ctx, organization::Column::Slug, slug, &joins).await
}

/// A page of organizations matching `filter`.
pub fn listing(
    filter: Option<OrganizationFilter>,
    order_by: Option<Vec<OrganizationOrder>>,
    args: &PageArgs,
) -> AppResult<Listing<organization::Model>> {
    let condition = filter.map(|f| f.condition()).unwrap_or_else(Condition::all);
    let keys = order_by
        .unwrap_or_default()
        .iter()
        .map(OrganizationOrder::key)
        .collect();
    entity_listing::<organization::Entity>(condition, keys, args, Scope::Root)
}

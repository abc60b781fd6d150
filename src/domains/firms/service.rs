use async_graphql::Context;
use entity::firm;
use sea_orm::sea_query::Condition;

use super::inputs::{FirmFilter, FirmOrder};
use crate::domains::sources::SourcesOf;
use crate::domains::tenancies::TenanciesOfFirm;
use crate::error::AppResult;
use crate::store::listing::{Listing, PageArgs, Scope, entity_listing};
use crate::store::prefetch::{Join, find_one, nests_children, selects};

/// The firm with this slug, with its tenancies (and their parks) and
/// sources where lookups nest them (see [`nests_children`]).
pub async fn by_slug(ctx: &Context<'_>, slug: &str) -> AppResult<Option<firm::Model>> {
    let mut joins = Vec::new();
    if nests_children(ctx) {
        let id = firm::Column::Id;
        if selects(ctx, "tenancies") {
            joins.push(Join::children::<TenanciesOfFirm>("firm_tenancies", id));
        }
        if selects(ctx, "sources") {
            joins.push(Join::children::<SourcesOf<entity::firm::Model>>(
                "firm_sources",
                id,
            ));
        }
    }
    find_one::<firm::Entity>(ctx, firm::Column::Slug, slug, &joins).await
}

/// A page of firms matching `filter`.
pub fn listing(
    filter: Option<FirmFilter>,
    order_by: Option<Vec<FirmOrder>>,
    args: &PageArgs,
) -> AppResult<Listing<firm::Model>> {
    let condition = filter.map(|f| f.condition()).unwrap_or_else(Condition::all);
    let keys = order_by
        .unwrap_or_default()
        .iter()
        .map(FirmOrder::key)
        .collect();
    entity_listing::<firm::Entity>(condition, keys, args, Scope::Root)
}

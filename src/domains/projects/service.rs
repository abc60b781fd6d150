use async_graphql::Context;
use entity::{city, park, project};
use sea_orm::sea_query::Condition;

use super::connection::ProjectConnection;
use super::inputs::{ProjectFilter, ProjectOrder};
use super::loaders::{MilestonesOfProject, PartnersOfProject};
use crate::domains::sources::SourcesOf;
use crate::error::AppResult;
use crate::store::listing::{PageArgs, Scope, entity_listing};
use crate::store::prefetch::{Join, find_one, nests_children, selects, selects_in_nodes};

/// A project connection, for the root and for `city.projects`. Reads each
/// project's city and park with the page when the query selects them.
pub fn connection(
    ctx: &Context<'_>,
    filter: Option<ProjectFilter>,
    order_by: Option<Vec<ProjectOrder>>,
    args: &PageArgs,
    scope: Scope,
) -> AppResult<ProjectConnection> {
    let condition = filter.map(|f| f.condition()).unwrap_or_else(Condition::all);
    let keys = order_by
        .unwrap_or_default()
        .iter()
        .map(ProjectOrder::key)
        .collect();
    let joins = joins(|field| selects_in_nodes(ctx, field));
    let listing = entity_listing::<project::Entity>(condition, keys, args, scope)?;
    Ok(ProjectConnection(listing.join(joins).shaped(ctx)))
}

/// The project with this slug, with its city and park when selected, and
/// its partners, milestones and sources too where lookups nest them
/// (see [`nests_children`]).
pub async fn by_slug(ctx: &Context<'_>, slug: &str) -> AppResult<Option<project::Model>> {
    let mut joins = joins(|field| selects(ctx, field));
    if nests_children(ctx) {
        let id = project::Column::Id;
        if selects(ctx, "partners") {
            joins.push(Join::children::<PartnersOfProject>("project_partners", id));
        }
        if selects(ctx, "milestones") || selects(ctx, "progress") {
            joins.push(Join::children::<MilestonesOfProject>(
                "project_milestones",
                id,
            ));
        }
        if selects(ctx, "sources") {
            joins.push(Join::children::<SourcesOf<entity::project::Model>>(
                "project_sources",
                id,
            ));
        }
    }
    find_one::<project::Entity>(ctx, project::Column::Slug, slug, &joins).await
}

/// The to-one relations of a project that `selected` asks for.
fn joins(selected: impl Fn(&str) -> bool) -> Vec<Join> {
    let mut joins = Vec::new();
    if selected("city") {
        joins.push(Join::to::<city::Entity>(
            "project_city",
            project::Column::CityId,
        ));
    }
    if selected("park") {
        joins.push(Join::to::<park::Entity>(
            "project_park",
            project::Column::ParkId,
        ));
    }
    joins
}

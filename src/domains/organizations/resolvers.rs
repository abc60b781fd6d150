//! The root fields and mutations for organizations.

use async_graphql::Context;
use entity::organization;

use super::inputs::{
    CreateOrganizationInput, OrganizationFilter, OrganizationOrder, UpdateOrganizationInput,
};
use super::types::{Organization, OrganizationConnection};
use super::write;
use crate::domains::partners::PartnersOfOrganization;
use crate::domains::sources::SourcesOf;
use crate::graphql::kit::connection::Connection;
use crate::graphql::kit::prefetch::{by_slug, join_children};
use crate::graphql::kit::shape::{nests_children, selects};
use crate::store::listing::{Scope, list};
use crate::store::prefetch::Join;

/// Root fields for organizations.
#[derive(Default)]
pub struct OrganizationQuery;

crate::object! {
    /// Root fields for organizations.
    impl OrganizationQuery {
        /// The organization with this slug; null when there is none.
        lookup fn organization(&self, ctx, slug) -> Organization {
            let found = by_slug::<organization::Model>(ctx, &slug, &lookup_joins(ctx)).await?;
            Ok(found.map(Organization))
        }

        /// Organizations, filtered and paged. Default order is by id.
        list fn organizations(&self, ctx, filter: OrganizationFilter, order_by: OrganizationOrder, args) -> OrganizationConnection {
            let listing = list(filter, order_by, &args, Scope::Root)?;
            Ok(OrganizationConnection(Connection::new(listing, ctx)))
        }
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

/// Writes to organizations (admin keys only).
#[derive(Default)]
pub struct OrganizationMutation;

crate::object! {
    /// Writes to organizations (admin keys only).
    impl OrganizationMutation {
        /// Creates an organization. Needs an `admin` key.
        write fn create_organization(input: CreateOrganizationInput = "The new organization.")
            -> Organization by Admin, retry "createOrganization" => write::create;

        /// Changes an organization. `version` must equal its current version,
        /// else CONFLICT and nothing changes. Needs an `admin` key.
        write fn update_organization(
            slug: String = "The organization's slug.",
            version: i32 = "The version you last read (`Organization.version`).",
            input: UpdateOrganizationInput = "The changes.",
        ) -> Organization by Admin, retry "updateOrganization" => write::update;

        /// Deletes an organization. CONFLICT while it operates parks, partners in
        /// projects or has API keys bound to it (there is no cascade: reassign
        /// or delete those first). Needs an `admin` key.
        delete fn delete_organization(
            slug: String = "The organization's slug.",
            version: i32 = "The version you last read (`Organization.version`).",
        ) by Admin, retry "deleteOrganization" => write::delete;
    }
}

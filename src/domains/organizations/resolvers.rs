//! The root fields and mutations for organizations.

use async_graphql::Context;
use entity::organization;

use super::inputs::{
    CreateOrganizationInput, OrganizationFilter, OrganizationOrder, UpdateOrganizationInput,
};
use super::types::{Organization, OrganizationConnection};
use super::{service, write};
use crate::auth::KeyScope;
use crate::domains::partners::PartnersOfOrganization;
use crate::domains::sources::SourcesOf;
use crate::graphql::kit::connection::Connection;
use crate::graphql::kit::mutation;
use crate::graphql::kit::prefetch::{by_slug, join_children};
use crate::graphql::kit::shape::{nests_children, selects};
use crate::store::listing::Scope;
use crate::store::prefetch::Join;
use crate::writes::idempotency;

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
            let listing = service::listing(filter, order_by, &args, Scope::Root)?;
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
        async fn create_organization(
            &self,
            ctx: &Context<'_>,
            #[graphql(desc = "The new organization.")] input: CreateOrganizationInput,
            #[graphql(
                desc = "Retrying with the same key and input returns the first result and writes nothing."
            )]
            idempotency_key: Option<String>,
        ) -> async_graphql::Result<Organization> {
            let key = idempotency(idempotency_key, "createOrganization", &input)?;
            let written = mutation::write(ctx, KeyScope::Admin, key, |w| {
                Box::pin(write::create(w, input))
            });
            Ok(Organization(written.await?))
        }

        /// Changes an organization. `version` must equal its current version,
        /// else CONFLICT and nothing changes. Needs an `admin` key.
        async fn update_organization(
            &self,
            ctx: &Context<'_>,
            #[graphql(desc = "The organization's slug.")] slug: String,
            #[graphql(desc = "The version you last read (`Organization.version`).")] version: i32,
            #[graphql(desc = "The changes.")] input: UpdateOrganizationInput,
            #[graphql(
                desc = "Retrying with the same key and input returns the first result and writes nothing."
            )]
            idempotency_key: Option<String>,
        ) -> async_graphql::Result<Organization> {
            let args = (&slug, version, &input);
            let key = idempotency(idempotency_key, "updateOrganization", &args)?;
            let written = mutation::write(ctx, KeyScope::Admin, key, |w| {
                Box::pin(write::update(w, slug, version, input))
            });
            Ok(Organization(written.await?))
        }

        /// Deletes an organization. CONFLICT while it operates parks, partners in
        /// projects or has API keys bound to it (there is no cascade: reassign
        /// or delete those first). Needs an `admin` key.
        async fn delete_organization(
            &self,
            ctx: &Context<'_>,
            #[graphql(desc = "The organization's slug.")] slug: String,
            #[graphql(desc = "The version you last read (`Organization.version`).")] version: i32,
        ) -> async_graphql::Result<bool> {
            mutation::delete(ctx, KeyScope::Admin, |w| {
                Box::pin(write::delete(w, slug, version))
            })
            .await
        }
    }
}

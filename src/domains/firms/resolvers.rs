//! The root fields and mutations for firms.

use async_graphql::Context;
use entity::firm;

use super::inputs::{CreateFirmInput, FirmFilter, FirmOrder, UpdateFirmInput};
use super::types::{Firm, FirmConnection};
use super::{service, write};
use crate::auth::KeyScope;
use crate::domains::sources::SourcesOf;
use crate::domains::tenancies::TenanciesOfFirm;
use crate::graphql::kit::connection::Connection;
use crate::graphql::kit::mutation;
use crate::graphql::kit::prefetch::{by_slug, join_children};
use crate::graphql::kit::shape::{nests_children, selects};
use crate::store::listing::Scope;
use crate::store::prefetch::Join;
use crate::writes::idempotency;

/// Root fields for firms.
#[derive(Default)]
pub struct FirmQuery;

crate::object! {
    /// Root fields for firms.
    impl FirmQuery {
        /// The firm with this slug; null when there is none.
        lookup fn firm(&self, ctx, slug) -> Firm {
            Ok(by_slug::<firm::Model>(ctx, &slug, &lookup_joins(ctx)).await?.map(Firm))
        }

        /// Firms, filtered, sorted and paged. Default order is by id.
        list fn firms(&self, ctx, filter: FirmFilter, order_by: FirmOrder, args) -> FirmConnection {
            let listing = service::listing(filter, order_by, &args, Scope::Root)?;
            Ok(FirmConnection(Connection::new(listing, ctx)))
        }
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

/// Writes to firms.
#[derive(Default)]
pub struct FirmMutation;

crate::object! {
    /// Writes to firms.
    impl FirmMutation {
        /// Creates a firm. Needs a `write` key (keys bound to an organization may
        /// create firms, to add them as tenants, but not change existing ones).
        async fn create_firm(
            &self,
            ctx: &Context<'_>,
            #[graphql(desc = "The new firm.")] input: CreateFirmInput,
            #[graphql(
                desc = "Retrying with the same key and input returns the first result and writes nothing."
            )]
            idempotency_key: Option<String>,
        ) -> async_graphql::Result<Firm> {
            let key = idempotency(idempotency_key, "createFirm", &input)?;
            let written = mutation::write(ctx, KeyScope::Write, key, |w| {
                Box::pin(write::create(w, input))
            });
            Ok(Firm(written.await?))
        }

        /// Changes a firm. `version` must equal the firm's current version, else
        /// CONFLICT and nothing changes.
        async fn update_firm(
            &self,
            ctx: &Context<'_>,
            #[graphql(desc = "The firm's slug.")] slug: String,
            #[graphql(desc = "The version you last read (`Firm.version`).")] version: i32,
            #[graphql(desc = "The changes.")] input: UpdateFirmInput,
            #[graphql(
                desc = "Retrying with the same key and input returns the first result and writes nothing."
            )]
            idempotency_key: Option<String>,
        ) -> async_graphql::Result<Firm> {
            let key = idempotency(idempotency_key, "updateFirm", &(&slug, version, &input))?;
            let written = mutation::write(ctx, KeyScope::Write, key, |w| {
                Box::pin(write::update(w, slug, version, input))
            });
            Ok(Firm(written.await?))
        }

        /// Deletes a firm. With tenancies it is CONFLICT unless `cascade` is true,
        /// which deletes them too.
        async fn delete_firm(
            &self,
            ctx: &Context<'_>,
            #[graphql(desc = "The firm's slug.")] slug: String,
            #[graphql(desc = "The version you last read (`Firm.version`).")] version: i32,
            #[graphql(desc = "Also delete its tenancies.", default_with = "Some(false)")]
            cascade: Option<bool>,
        ) -> async_graphql::Result<bool> {
            let cascade = cascade.unwrap_or(false);
            mutation::delete(ctx, KeyScope::Write, |w| {
                Box::pin(write::delete(w, slug, version, cascade))
            })
            .await
        }
    }
}

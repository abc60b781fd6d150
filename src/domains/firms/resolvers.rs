//! The root fields and mutations for firms.

use async_graphql::Context;
use entity::firm;

use super::inputs::{CreateFirmInput, FirmFilter, FirmOrder, UpdateFirmInput};
use super::types::{Firm, FirmConnection};
use super::write;
use crate::domains::sources::SourcesOf;
use crate::domains::tenancies::TenanciesOfFirm;
use crate::graphql::kit::connection::Connection;
use crate::graphql::kit::prefetch::{by_slug, join_children};
use crate::graphql::kit::shape::{nests_children, selects};
use crate::store::listing::{Scope, list};
use crate::store::prefetch::Join;

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
            let listing = list(filter, order_by, &args, Scope::Root)?;
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
        write fn create_firm(input: CreateFirmInput = "The new firm.")
            -> Firm by Write, retry "createFirm" => write::create;

        /// Changes a firm. `version` must equal the firm's current version, else
        /// CONFLICT and nothing changes.
        write fn update_firm(
            slug: String = "The firm's slug.",
            version: i32 = "The version you last read (`Firm.version`).",
            input: UpdateFirmInput = "The changes.",
        ) -> Firm by Write, retry "updateFirm" => write::update;

        /// Deletes a firm. With tenancies it is CONFLICT unless `cascade` is true,
        /// which deletes them too.
        delete fn delete_firm(
            slug: String = "The firm's slug.",
            version: i32 = "The version you last read (`Firm.version`).",
            cascade: Option<bool> = "Also delete its tenancies." default "Some(false)",
        ) by Write, retry "deleteFirm" => write::delete;
    }
}

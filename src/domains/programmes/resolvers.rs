//! The root fields for programmes.

use entity::programme;

use super::inputs::{ProgrammeFilter, ProgrammeOrder};
use super::types::{Programme, ProgrammeConnection};
use crate::graphql::kit::connection::Connection;
use crate::graphql::kit::prefetch::by_slug;
use crate::store::listing::{Scope, list};

/// Root fields for programmes.
#[derive(Default)]
pub struct ProgrammeQuery;

crate::object! {
    /// Root fields for programmes.
    impl ProgrammeQuery {
        /// The programme with this slug; null when there is none.
        lookup fn programme(&self, ctx, slug) -> Programme {
            let found = by_slug::<programme::Model>(ctx, &slug, &[]).await?;
            Ok(found.map(Programme))
        }

        /// Programmes, filtered and paged. Default order is by id.
        list fn programmes(&self, ctx, filter: ProgrammeFilter, order_by: ProgrammeOrder, args) -> ProgrammeConnection {
            let listing = list(filter, order_by, &args, Scope::Root)?;
            Ok(ProgrammeConnection(Connection::new(listing, ctx)))
        }
    }
}

//! The root fields for source documents.

use super::inputs::{SourceDocumentFilter, SourceDocumentOrder};
use super::types::{SourceDocument, SourceDocumentConnection};
use crate::graphql::kit::connection::Connection;
use crate::store::listing::{Scope, list};

/// Root fields for source documents.
#[derive(Default)]
pub struct SourceDocumentQuery;

crate::object! {
    /// Root fields for source documents.
    impl SourceDocumentQuery {
        /// The document at this URL; null when nothing cites it.
        async fn source_document(
            &self,
            ctx: &async_graphql::Context<'_>,
            #[graphql(desc = "Its URL, exactly as cited.")] url: String,
        ) -> async_graphql::Result<Option<SourceDocument>> {
            super::types::find(ctx, &url).await
        }

        /// Every document the data cites, filtered and paged. Default order
        /// is by id.
        list fn source_documents(&self, ctx, filter: SourceDocumentFilter, order_by: SourceDocumentOrder, args) -> SourceDocumentConnection {
            let listing = list(filter, order_by, &args, Scope::Root)?;
            Ok(SourceDocumentConnection(Connection::new(listing, ctx)))
        }
    }
}

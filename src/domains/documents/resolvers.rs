//! The root fields for source documents.

use super::inputs::{SourceDocumentFilter, SourceDocumentOrder, UpdateSourceDocumentInput};
use super::types::{SourceDocument, SourceDocumentConnection};
use super::write;
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

/// Writes to source documents (admin keys only).
#[derive(Default)]
pub struct SourceDocumentMutation;

crate::object! {
    /// Writes to source documents (admin keys only).
    impl SourceDocumentMutation {
        /// Corrects what is known of a cited page: its title, publisher,
        /// kind, notes and its own publication date (whose precision follows
        /// the date's form; null when unknown). `version` must equal its
        /// current version, else CONFLICT and nothing changes. A page is
        /// shared by every record citing it, so this needs an `admin` key.
        write fn update_source_document(
            url: String = "Its URL, exactly as cited.",
            version: i32 = "The version you last read (`SourceDocument.version`).",
            input: UpdateSourceDocumentInput = "The changes.",
        ) -> SourceDocument by Admin, retry "updateSourceDocument" => write::update;
    }
}

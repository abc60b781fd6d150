//! Source documents as the API shows them, and the loader that reads them
//! by URL (the key citations, claims and sightings name them by).

use std::collections::HashMap;
use std::sync::Arc;

use async_graphql::Context;
use async_graphql::dataloader::{DataLoader, Loader};
use entity::source_document::{self, Column, Entity, Model};
use sea_orm::{ColumnTrait, DbErr, EntityTrait, QueryFilter, QueryTrait};

use super::record::{DatePrecision, SourceKind};
use crate::error::AppError;
use crate::graphql::kit::loader::loader;
use crate::graphql::loaders::{LoaderSet, Served};
use crate::store::Db;
use crate::store::rows::Reader;

/// A page or document the data cites, stored once, with its own
/// publication date.
#[derive(Clone, Debug)]
pub struct SourceDocument(pub source_document::Model);

crate::object! {
    /// A page or document the data cites, stored once, with its own
    /// publication date.
    impl SourceDocument {
        /// Its URL (http or https), the key citations name it by.
        field url: &str;

        /// Its title or headline, when known.
        field title: Option<&str>;

        /// Who published it (the outlet, agency or body), when known.
        field publisher: Option<&str>;

        /// What kind of document it is.
        enum kind: SourceKind;

        /// When it was published (ISO-8601, as precise as the document
        /// shows: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`); null when unknown. Not
        /// the date its facts hold as of: each citation, claim or sighting
        /// keeps that.
        field published_on: Option<&str>;

        /// How precise `publishedOn` is; `UNKNOWN` when no date is known.
        enum published_precision: DatePrecision;

        /// What is known about it that its fields do not say (a mirror, a
        /// copy of another outlet's report); null when nothing.
        field notes: Option<&str>;

        stamp;
    }
}

crate::connection!(
    /// A page of source documents.
    SourceDocumentConnection, SourceDocumentEdge, SourceDocument, source_document::Model, {}
);

/// Loads source documents by URL.
pub struct DocumentsByUrl(Db);

impl Loader<String> for DocumentsByUrl {
    type Value = Model;
    type Error = Arc<DbErr>;

    async fn load(&self, urls: &[String]) -> Result<HashMap<String, Model>, Self::Error> {
        let select = Entity::find()
            .filter(Column::Url.is_in(urls.iter().cloned()))
            .into_query();
        let rows = self.0.select_all(&select).await?;
        let mut reader = Reader::<Model>::new("");
        let mut found = HashMap::with_capacity(rows.len());
        for row in &rows {
            let model = reader.read(row)?;
            found.insert(model.url.clone(), model);
        }
        Ok(found)
    }
}

/// The document at `url`, if any, batched with its siblings' requests.
pub async fn find(ctx: &Context<'_>, url: &str) -> async_graphql::Result<Option<SourceDocument>> {
    let loader = loader::<DataLoader<DocumentsByUrl>>(ctx)?;
    let found = loader
        .load_one(url.to_owned())
        .await
        .map_err(AppError::from)?;
    Ok(found.map(SourceDocument))
}

/// The document a citation, claim or sighting names: every cited URL has
/// one (seed, import and writes make sure of it).
pub async fn document(ctx: &Context<'_>, url: &str) -> async_graphql::Result<SourceDocument> {
    let found = find(ctx, url).await?;
    found.ok_or_else(|| crate::error::internal(format!("no document for {url}")))
}

impl Served for source_document::Model {
    fn loaders(set: &mut LoaderSet<'_>) {
        set.uncached(DocumentsByUrl);
    }
}

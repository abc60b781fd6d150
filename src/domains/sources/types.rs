//! Sources as the API shows them, and the loader key that reads a record's
//! sources.

use std::marker::PhantomData;

use async_graphql::Context;
use entity::source::{self, Column, Entity, Model};
use sea_orm::ColumnTrait;
use sea_orm::sea_query::Condition;

use crate::domains::documents::{SourceDocument, document};
use crate::graphql::kit::loader::children;
use crate::graphql::loaders::Served;
use crate::records::Record;
use crate::store::prefetch::ChildOf;

/// A citation: a page that supports a record or a figure, as of a date.
#[derive(Clone, Debug)]
pub struct Source(pub source::Model);

crate::object! {
    /// A citation: a page that supports a record or a figure, as of a date.
    impl Source {
        /// The cited page's URL (its `document`'s key).
        field url: &str;

        /// The cited page: its publisher, kind and own publication date.
        async fn document(&self, ctx: &Context<'_>) -> async_graphql::Result<SourceDocument> {
            document(ctx, &self.0.url).await
        }

        /// The page's title, when known.
        #[graphql(deprecation = "Use `document { title }`: a title belongs to the page, not to each citation of it.")]
        async fn title(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<String>> {
            Ok(document(ctx, &self.0.url).await?.0.title)
        }

        /// The date the cited facts hold as of (ISO-8601; `YYYY` or `YYYY-MM`
        /// when no exact day is given); not the page's publication date,
        /// which is `document.publishedOn`.
        field as_of: Option<&str>;

        /// The page's words for what it supports here, short; null when none
        /// was kept.
        field quote: Option<&str>;
    }
}

impl Served for source::Model {}

/// The sources of record `record_id` of `R`, in the order they were recorded.
pub async fn of<R: Record>(
    ctx: &Context<'_>,
    record_id: i32,
) -> async_graphql::Result<Vec<Source>> {
    let rows = children::<SourcesOf<R>>(ctx, record_id).await?;
    Ok(rows.into_iter().map(Source).collect())
}

/// The citations of records of `R`: the sources whose `record_type` is `R`'s.
pub struct SourcesOf<R>(PhantomData<fn() -> R>);

impl<R: Record> ChildOf for SourcesOf<R> {
    type Entity = Entity;
    fn parent_column() -> Column {
        Column::RecordId
    }
    fn parent_of(model: &Model) -> i32 {
        model.record_id
    }
    fn scope() -> Condition {
        Condition::all().add(Column::RecordType.eq(R::TYPE))
    }
}

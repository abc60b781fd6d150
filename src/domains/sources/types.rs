//! Sources as the API shows them, and the loader key that reads a record's
//! sources.

use std::marker::PhantomData;

use async_graphql::Context;
use entity::source::{self, Column, Entity, Model};
use sea_orm::ColumnTrait;
use sea_orm::sea_query::Condition;

use crate::graphql::kit::loader::children;
use crate::graphql::loaders::Served;
use crate::records::Record;
use crate::store::prefetch::ChildOf;

/// Where a record or a figure comes from.
#[derive(Clone, Debug)]
pub struct Source(pub source::Model);

crate::object! {
    /// Where a record or a figure comes from.
    impl Source {
        /// A URL, or the title of a printed document when there is no URL.
        field url: &str;

        /// The document's title, when known.
        field title: Option<&str>;

        /// The date the source's facts hold as of (ISO-8601; `YYYY` or `YYYY-MM`
        /// when the source gives no exact day).
        field as_of: Option<&str>;
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

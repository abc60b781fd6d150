//! What clients send about source documents: the filter and sort keys of
//! `sourceDocuments`.

use entity::source_document::{Column, Entity};

use super::record::{DatePrecision, SourceKind};
use crate::graphql::kit::filters::{StringFilter, one_of};
use crate::store::filter::{Text, col};

crate::entity_filter! {
    /// Which source documents to include. All given fields must match;
    /// combine with `and`, `or`, `not`.
    SourceDocumentFilter on Entity {
        /// On the URL.
        url: StringFilter => |f| f.condition(&Text::plain(col(Column::Url))),
        /// On the publisher.
        publisher: StringFilter => |f| f.condition(&Text::plain(col(Column::Publisher))),
        /// Of one of these kinds.
        kind: Vec<SourceKind> => |k| one_of(col(Column::Kind), k),
        /// With a publication date of one of these precisions (`[UNKNOWN]`:
        /// those whose date is not known).
        published_precision: Vec<DatePrecision> => |p| one_of(col(Column::PublishedPrecision), p),
        /// On the publication date as written (`{ startsWith: "2025" }`: 2025,
        /// whatever the precision).
        published_on: StringFilter => |f| f.condition(&Text::plain(col(Column::PublishedOn))),
    }
}

crate::entity_order! {
    /// One sort key for source documents; ties are broken by id.
    SourceDocumentOrder by
    /// Fields source documents can be sorted by.
    SourceDocumentOrderField {
        /// By publication date as written (a year sorts before its months);
        /// unknown dates last.
        PublishedOn => optional Text ("published_on", col(Column::PublishedOn)),
    }
}

/// Changes to a source document. Left out, a field keeps its value.
#[derive(async_graphql::InputObject, Clone, Debug)]
pub struct UpdateSourceDocumentInput {
    /// Its title (null: none).
    pub title: async_graphql::MaybeUndefined<String>,
    /// Who published it (null: not known).
    pub publisher: async_graphql::MaybeUndefined<String>,
    /// What kind of document it is (cannot be null).
    pub kind: async_graphql::MaybeUndefined<SourceKind>,
    /// Its own publication date, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as
    /// precise as the page shows it (null: not known); the precision
    /// follows the form.
    pub published_on: async_graphql::MaybeUndefined<String>,
    /// What the fields do not say (null: nothing).
    pub notes: async_graphql::MaybeUndefined<String>,
}

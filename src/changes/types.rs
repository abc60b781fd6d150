use std::sync::Arc;

use async_graphql::{ComplexObject, Context, Enum, InputObject, Object, SimpleObject};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use entity::change;

use super::log::head;
use crate::error::{AppError, AppResult};
use crate::graphql::kit::connection::PageInfo;
use crate::store::Db;

/// What a write did to a record.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum ChangeOperation {
    /// The record was created.
    Create,
    /// Some of its fields changed (only those are in `before`/`after`).
    Update,
    /// The record was deleted.
    Delete,
}

/// One write to one record, as the change log holds it.
#[derive(Clone)]
pub struct Change {
    /// The log entry.
    pub row: Arc<change::Model>,
    /// Whether the reader may see who wrote it (admin keys only).
    pub shows_actor: bool,
}

/// One write to one record, as the change log holds it.
#[Object]
impl Change {
    /// Position in the feed; pass it as `after` to resume after this change.
    async fn cursor(&self) -> String {
        encode(self.row.id)
    }

    /// The record type, as in the dataset files and `sources.recordType`
    /// (`park`, `firm`, `tenancy`, `project_claim`, `source`...; one per
    /// file of the dataset, named as its rows are).
    #[graphql(name = "type")]
    async fn record_type(&self) -> &str {
        &self.row.record_type
    }

    /// The record's public key: its slug, or for records without one the
    /// key columns joined by `|` (a tenancy: `park|firm|since`; a milestone:
    /// `project|title`; an indicator: `key|period`, then its place when it
    /// has one; a source: `type|key|url`).
    async fn slug(&self) -> &str {
        &self.row.record_key
    }

    /// What the write did.
    async fn operation(&self) -> ChangeOperation {
        match self.row.operation.as_str() {
            "CREATE" => ChangeOperation::Create,
            "DELETE" => ChangeOperation::Delete,
            _ => ChangeOperation::Update,
        }
    }

    /// JSON object of the changed fields before the write, named as in the
    /// dataset files (`area_sqft`, `city_slug`); null for a creation. For an
    /// update, only the fields that changed.
    async fn before(&self) -> Option<&str> {
        self.row.before.as_deref()
    }

    /// JSON object of the changed fields after the write; null for a deletion.
    /// For a creation, every field.
    async fn after(&self) -> Option<&str> {
        self.row.after.as_deref()
    }

    /// The name of the API key that wrote it (never the key), or `cli`;
    /// shown to admin keys only, null for every other reader.
    async fn actor(&self) -> Option<&str> {
        self.row.actor.as_deref().filter(|_| self.shows_actor)
    }

    /// When the write committed (RFC 3339, UTC).
    async fn at(&self) -> &str {
        &self.row.at
    }

    /// The record's version after the write (its last, for a deletion), as
    /// a mutation answered it: match your acknowledged writes to the feed
    /// by type, key and version. Null for changes logged before versions
    /// were kept.
    async fn version(&self) -> Option<i32> {
        self.row.version
    }
}

/// Which changes to include; all given fields must match.
#[derive(InputObject, Clone, Debug, Default)]
pub struct ChangeFilter {
    /// Only these record types (see `Change.type`); at most 100.
    #[graphql(validator(max_items = 100))]
    pub types: Option<Vec<String>>,
    /// Only records with these keys (see `Change.slug`); at most 1,000.
    #[graphql(validator(max_items = 1000))]
    pub slugs: Option<Vec<String>>,
}

impl ChangeFilter {
    /// True when `change` passes the filter.
    pub fn matches(&self, change: &change::Model) -> bool {
        self.types
            .as_ref()
            .is_none_or(|t| t.contains(&change.record_type))
            && self
                .slugs
                .as_ref()
                .is_none_or(|s| s.contains(&change.record_key))
    }
}

/// One change with its cursor.
#[derive(SimpleObject)]
pub struct ChangeEdge {
    /// Pass as `after` to resume after this change.
    pub cursor: String,
    /// The change.
    pub node: Change,
}

/// A page of the change log, oldest first.
#[derive(SimpleObject)]
#[graphql(complex)]
pub struct ChangeConnection {
    /// The changes with their cursors.
    pub edges: Vec<ChangeEdge>,
    /// The changes.
    pub nodes: Vec<Change>,
    /// `endCursor` is where to resume: the last change's cursor, or the
    /// `after` given when the page is empty. `hasNextPage` says whether more
    /// changes were already committed.
    pub page_info: PageInfo,
}

#[ComplexObject]
impl ChangeConnection {
    /// The cursor of the latest change in the whole log, whatever the page
    /// and filter: pass it as `after` to follow only what comes next (ask
    /// `changes(first: 0) { headCursor }`). Null while the log is empty. An
    /// export records it too (`feed_cursor.txt`).
    async fn head_cursor(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<String>> {
        let db = ctx.data_unchecked::<Db>();
        Ok(head(&db.conn).await.map_err(AppError::from)?.map(encode))
    }
}

/// The cursor of change `id`.
pub fn encode(id: i32) -> String {
    URL_SAFE_NO_PAD.encode(format!("change:{id}"))
}

/// The change id a cursor points at.
pub fn decode(cursor: &str) -> AppResult<i32> {
    URL_SAFE_NO_PAD
        .decode(cursor)
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .and_then(|text| text.strip_prefix("change:")?.parse().ok())
        .ok_or_else(|| {
            AppError::bad_input(
                "after",
                "not a change cursor (use `Change.cursor` or `endCursor`)",
            )
        })
}

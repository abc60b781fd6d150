use std::sync::Arc;

use async_graphql::{Context, ErrorExtensions as _, Object, Subscription};
use entity::change::{Column, Entity};
use futures::Stream;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use tokio::sync::broadcast::error::RecvError;

use super::hub::Hub;
use super::log::trimmed_through;
use super::types::{Change, ChangeConnection, ChangeEdge, ChangeFilter, decode, encode};
use crate::auth::{KeyScope, viewer};
use crate::error::{AppError, AppResult};
use crate::graphql::kit::connection::PageInfo;
use crate::store::Db;

// Sync clients page through large logs; a bigger page than other lists allow.
const MAX_FIRST: i32 = 1_000;

/// Root fields for the change feed.
#[derive(Default)]
pub struct ChangeQuery;

/// Root fields for the change feed.
#[Object]
impl ChangeQuery {
    /// The ordered log of every write, for incremental sync: start without
    /// `after`, then pass the last `endCursor` to get only what came since.
    /// No change is skipped or repeated. A cursor stays valid unless the
    /// server keeps the log for a limited time and removed changes after
    /// it: then CURSOR_EXPIRED, and the client re-syncs from an export.
    async fn changes(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only changes after this cursor (`Change.cursor` or `endCursor`).")]
        after: Option<String>,
        #[graphql(
            desc = "At most this many changes (0 to 1,000; default 100).",
            default_with = "Some(100)"
        )]
        first: Option<i32>,
        #[graphql(desc = "Only changes matching this filter.")] filter: Option<ChangeFilter>,
    ) -> async_graphql::Result<ChangeConnection> {
        let shows_actor = audience(ctx).await?;
        let db = ctx.data_unchecked::<Db>();
        let filter = filter.unwrap_or_default();
        Ok(page(db, after, first.unwrap_or(100), filter, shows_actor).await?)
    }
}

/// Who may read the feed: with `PARKGRAPH_FEED_REQUIRES_KEY`, only callers
/// with a key.
#[derive(Clone, Copy, Debug, Default)]
pub struct FeedAccess {
    /// Whether a caller without a key is refused.
    pub requires_key: bool,
}

/// Whether the caller may read the feed (UNAUTHENTICATED when a key is
/// required and none was sent), and may see who wrote each change.
async fn audience(ctx: &Context<'_>) -> AppResult<bool> {
    let requires_key = ctx.data_opt::<FeedAccess>().is_some_and(|f| f.requires_key);
    match viewer(ctx).await? {
        Some(actor) => Ok(actor.require(KeyScope::Admin).is_ok()),
        None if requires_key => Err(AppError::Unauthenticated(
            "the change feed needs an API key on this server: send `Authorization: Bearer KEY` \
             (over WebSocket, as connection_init's payload {\"authorization\": \"Bearer KEY\"})"
                .to_owned(),
        )),
        None => Ok(false),
    }
}

async fn page(
    db: &Db,
    after: Option<String>,
    first: i32,
    filter: ChangeFilter,
    shows_actor: bool,
) -> AppResult<ChangeConnection> {
    if !(0..=MAX_FIRST).contains(&first) {
        return Err(AppError::bad_input(
            "first",
            format!("must be between 0 and {MAX_FIRST}"),
        ));
    }
    let after_id = after.as_deref().map(decode).transpose()?.unwrap_or(0);
    if first > 0 {
        let trimmed = trimmed_through(&db.conn).await?;
        if after_id < trimmed {
            return Err(AppError::CursorExpired(format!(
                "the changes after this cursor up to {} were removed (the log keeps \
                 PARKGRAPH_CHANGE_LOG_DAYS days); re-sync from an export (exportDataset or \
                 `parkgraph export`) and follow the feed from its feedCursor",
                encode(trimmed)
            )));
        }
    }
    let mut query = Entity::find().filter(Column::Id.gt(after_id));
    if let Some(types) = &filter.types {
        query = query.filter(Column::RecordType.is_in(types.clone()));
    }
    if let Some(slugs) = &filter.slugs {
        query = query.filter(Column::RecordKey.is_in(slugs.clone()));
    }
    let mut rows = query
        .order_by_asc(Column::Id)
        .limit(first as u64 + 1)
        .all(&db.conn)
        .await?;
    let has_next_page = rows.len() > first as usize;
    rows.truncate(first as usize);
    let nodes: Vec<Change> = rows
        .into_iter()
        .map(|row| Change {
            row: Arc::new(row),
            shows_actor,
        })
        .collect();
    let edges: Vec<ChangeEdge> = nodes
        .iter()
        .map(|c| ChangeEdge {
            cursor: encode(c.row.id),
            node: c.clone(),
        })
        .collect();
    let page_info = PageInfo {
        has_next_page,
        has_previous_page: after_id > 0,
        start_cursor: edges.first().map(|e| e.cursor.clone()),
        end_cursor: edges.last().map(|e| e.cursor.clone()).or(after),
    };
    Ok(ChangeConnection {
        edges,
        nodes,
        page_info,
    })
}

/// Live updates.
#[derive(Default)]
pub struct ChangeSubscription;

/// Live updates.
#[Subscription]
impl ChangeSubscription {
    /// Every write as it commits, on whichever replica it happened. A
    /// subscriber that falls more than 4,096 changes behind gets one
    /// SERVICE_UNAVAILABLE error and should catch up with `Query.changes`.
    async fn changes(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only changes matching this filter.")] filter: Option<ChangeFilter>,
    ) -> async_graphql::Result<impl Stream<Item = async_graphql::Result<Change>> + use<>> {
        let shows_actor = audience(ctx).await?;
        let receiver = ctx.data_unchecked::<Hub>().subscribe();
        let filter = filter.unwrap_or_default();
        Ok(futures::stream::unfold(
            (receiver, filter),
            move |(mut receiver, filter)| async move {
                loop {
                    match receiver.recv().await {
                        Ok(row) if filter.matches(&row) => {
                            let change = Change { row, shows_actor };
                            return Some((Ok(change), (receiver, filter)));
                        }
                        Ok(_) => continue,
                        Err(RecvError::Lagged(missed)) => {
                            let err = async_graphql::Error::new(format!(
                            "this subscriber fell {missed} changes behind; resume with Query.changes(after: the last cursor received)"
                        ))
                        .extend_with(|_, e| e.set("code", "SERVICE_UNAVAILABLE"));
                            return Some((Err(err), (receiver, filter)));
                        }
                        Err(RecvError::Closed) => return None,
                    }
                }
            },
        ))
    }
}

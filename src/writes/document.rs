//! A mutation document's writes as one: every mutation field of an operation
//! runs in one transaction, in document order; if any fails, none is written
//! and the change feed hears of none of them.
//!
//! The first field that writes opens the [`Write`] (taking the write lock)
//! and the document's end commits or rolls it back. While it is open, the
//! request's reads join it (see [`crate::store::Ongoing`]), so each field's
//! answer shows what the document wrote so far.
//!
//! Retries are answered here too: a field (or a whole document) sent again
//! with its idempotency key gets the JSON of its first answer, kept when the
//! first document committed.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use async_graphql::{Name, Response, ServerError, Value};
use futures::future::BoxFuture;
use sea_orm::{ConnectionTrait, Statement};
use tokio::sync::Mutex;

use super::{Idempotency, Write};
use crate::auth::{Actor, KeyScope};
use crate::changes::Hub;
use crate::error::{AppError, AppResult};
use crate::store::{Db, Ongoing, OngoingRead};

/// The write of one mutation document, shared by its fields.
#[derive(Default)]
pub struct DocumentWrite {
    // Set while `state.write` holds an open transaction; reads check it
    // before taking the lock, so queries pay one atomic load.
    open: AtomicBool,
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    write: Option<Write>,
    hub: Option<Hub>,
    failed: Option<String>,
    // Fields run for the first time under a key: their answers are kept.
    first: Vec<(String, Idempotency)>,
    // Fields answered from a key's first run: (field, its JSON).
    replayed: Vec<(String, String)>,
    // The whole document's key, when it came with one.
    document_key: Option<Idempotency>,
}

/// One mutation field's part of its document.
pub struct Step<'a> {
    /// Its response key (alias or name).
    pub field: &'a str,
    /// What the caller's key must allow.
    pub scope: KeyScope,
    /// The field's idempotency key, if it has one.
    pub key: Option<Idempotency>,
}

/// A write body: the record id to remember for a retry (0 for none) and the answer.
pub type Body<T> =
    Box<dyn for<'w> FnOnce(&'w mut Write) -> BoxFuture<'w, AppResult<(i32, T)>> + Send>;

/// What stands in for a replayed answer while the document runs (its JSON
/// replaces it at the end), given the first run's record id.
pub type StandIn<T> =
    Box<dyn for<'w> FnOnce(&'w mut Write, i32) -> BoxFuture<'w, AppResult<T>> + Send>;

impl std::fmt::Debug for DocumentWrite {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let open = self.open.load(Ordering::Relaxed);
        f.debug_struct("DocumentWrite")
            .field("open", &open)
            .finish()
    }
}

impl DocumentWrite {
    /// A document's write, not yet open.
    pub fn new() -> Arc<Self> {
        Arc::default()
    }

    /// Opens the write for a document sent with an idempotency `key`, by
    /// `actor`: the `data` of its first run when this is a retry, else None
    /// (the document runs, and its `data` is kept when it commits).
    pub async fn open_keyed(
        &self,
        db: &Db,
        actor: &Actor,
        key: Idempotency,
    ) -> AppResult<Option<Value>> {
        let mut state = self.state.lock().await;
        let write = Write::begin(db, actor).await?;
        match key.replayed(write.txn(), actor).await {
            Ok(Some(replay)) => {
                write.rollback().await.ok();
                Ok(Some(parse(replay.response.as_deref())))
            }
            Ok(None) => {
                state.write = Some(write);
                state.document_key = Some(key);
                self.open.store(true, Ordering::Release);
                Ok(None)
            }
            Err(err) => {
                write.rollback().await.ok();
                Err(err)
            }
        }
    }

    /// Runs one mutation field in the document's write, opening it for the
    /// caller on first use (`authenticate` names the caller then; later
    /// fields need the same key to have their scope). A retry under the
    /// step's key runs `stand_in` instead of `body`. After a field failed,
    /// the rest are not run.
    pub async fn run<T>(
        &self,
        db: &Db,
        hub: &Hub,
        step: Step<'_>,
        authenticate: impl Future<Output = AppResult<Actor>>,
        body: Body<T>,
        stand_in: StandIn<T>,
    ) -> AppResult<T> {
        let mut guard = self.state.lock().await;
        let state = &mut *guard;
        if let Some(failed) = &state.failed {
            return Err(AppError::NotRun(format!(
                "not run: `{failed}` failed earlier in this document, and a document's \
                 mutations are written together or not at all"
            )));
        }
        state.hub.get_or_insert_with(|| hub.clone());
        let result = async {
            let write = match &mut state.write {
                Some(write) => {
                    write.actor().require(step.scope)?;
                    write
                }
                open @ None => {
                    let actor = authenticate.await?;
                    let write = Write::begin(db, &actor).await?;
                    self.open.store(true, Ordering::Release);
                    open.insert(write)
                }
            };
            let Some(key) = step.key else {
                return Ok(body(write).await?.1);
            };
            if let Some(replay) = key.replayed(write.txn(), write.actor()).await? {
                if let Some(json) = replay.response {
                    state.replayed.push((step.field.to_owned(), json));
                }
                return stand_in(write, replay.record_id).await;
            }
            let (id, answer) = body(write).await?;
            key.remember(write.txn(), write.actor(), id, &write.now(), None)
                .await?;
            state.first.push((step.field.to_owned(), key));
            Ok(answer)
        }
        .await;
        if result.is_err() {
            state.failed = Some(step.field.to_owned());
        }
        result
    }

    /// Ends the document: puts the first answers of replayed fields in place,
    /// then commits its write (keeping the answers of keyed fields) when the
    /// response has no error, else rolls it back and answers `data: null`.
    pub async fn finish(&self, response: &mut Response) {
        self.open.store(false, Ordering::Release);
        let mut state = self.state.lock().await;
        for (field, json) in std::mem::take(&mut state.replayed) {
            replace(response, &field, parse(Some(&json)));
        }
        let failed = !response.errors.is_empty() || state.failed.is_some();
        let Some(write) = state.write.take() else {
            if failed {
                response.data = Value::Null;
            }
            return;
        };
        if failed {
            // Explicitly: a dropped transaction's ROLLBACK is only sent when
            // its connection is next used, and until then PostgreSQL keeps
            // holding the write lock.
            write.rollback().await.ok();
            response.data = Value::Null;
            return;
        }
        let hub = state.hub.take();
        let kept = keep(&write, &mut state, &response.data).await;
        let committed = match kept {
            Ok(()) => write.commit(hub.as_ref()).await,
            Err(err) => {
                write.rollback().await.ok();
                Err(err)
            }
        };
        if let Err(err) = committed {
            response.data = Value::Null;
            response.errors.push(server_error(err));
        }
    }
}

/// Stores the answers a retry will get: each keyed field's, and the whole
/// document's `data` under its own key.
async fn keep(write: &Write, state: &mut State, data: &Value) -> AppResult<()> {
    let (txn, actor) = (write.txn(), write.actor());
    for (field, key) in std::mem::take(&mut state.first) {
        let answer = match data {
            Value::Object(fields) => fields.get(field.as_str()).cloned(),
            _ => None,
        };
        let json = serde_json::to_string(&answer.unwrap_or(Value::Null));
        key.respond(txn, actor, json.map_err(internal)?).await?;
    }
    if let Some(key) = state.document_key.take() {
        let json = serde_json::to_string(data).map_err(internal)?;
        key.remember(txn, actor, 0, &write.now(), Some(json))
            .await?;
    }
    Ok(())
}

/// Puts `value` as the answer of `field`, dropping the errors its stand-in
/// raised (a record deleted since its first answer has nothing to resolve).
fn replace(response: &mut Response, field: &str, value: Value) {
    response.errors.retain(
        |e| !matches!(e.path.first(), Some(async_graphql::PathSegment::Field(f)) if f == field),
    );
    if let Value::Object(fields) = &mut response.data {
        fields.insert(Name::new(field), value);
    } else if response.errors.is_empty() {
        let mut fields = async_graphql::indexmap::IndexMap::new();
        fields.insert(Name::new(field), value);
        response.data = Value::Object(fields);
    }
}

/// A kept answer; null when it was kept before answers were (the record as
/// it is now answers then, see [`Step`]).
fn parse(json: Option<&str>) -> Value {
    json.and_then(|json| serde_json::from_str(json).ok())
        .unwrap_or(Value::Null)
}

fn internal(err: serde_json::Error) -> AppError {
    AppError::Internal(err.into())
}

impl Ongoing for DocumentWrite {
    fn all<'a>(&'a self, statement: &'a Statement) -> Option<OngoingRead<'a>> {
        if !self.open.load(Ordering::Acquire) {
            return None;
        }
        Some(Box::pin(async move {
            let state = self.state.lock().await;
            let write = state.write.as_ref()?;
            Some(write.txn().query_all_raw(statement.clone()).await)
        }))
    }
}

/// `err` as a request-level GraphQL error with its code.
fn server_error(err: AppError) -> ServerError {
    use async_graphql::ErrorExtensions as _;
    err.extend().into_server_error(Default::default())
}

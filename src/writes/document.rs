//! A mutation document's writes as one: every mutation field of an operation
//! runs in one transaction, in document order; if any fails, none is written
//! and the change feed hears of none of them.
//!
//! The first field that writes opens the [`Write`] (taking the write lock)
//! and the document's end commits or rolls it back. While it is open, the
//! request's reads join it (see [`crate::store::Ongoing`]), so each field's
//! answer shows what the document wrote so far.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use async_graphql::{Response, ServerError, Value};
use futures::future::BoxFuture;
use sea_orm::{ConnectionTrait, Statement};
use tokio::sync::Mutex;

use super::Write;
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

impl std::fmt::Debug for DocumentWrite {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let open = self.open.load(Ordering::Relaxed);
        f.debug_struct("DocumentWrite")
            .field("open", &open)
            .finish()
    }
}

#[derive(Default)]
struct State {
    write: Option<(Write, Hub)>,
    failed: Option<String>,
}

impl DocumentWrite {
    /// A document's write, not yet open.
    pub fn new() -> Arc<Self> {
        Arc::default()
    }

    /// Runs the mutation field answering as `field` (its alias or name) in
    /// the document's write, opening it for the caller on first use:
    /// `authenticate` names the caller then, and later fields need the same
    /// key to have `scope`. After a field failed, the rest are not run.
    pub async fn run<T>(
        &self,
        db: &Db,
        hub: &Hub,
        field: &str,
        scope: KeyScope,
        authenticate: impl Future<Output = AppResult<Actor>>,
        body: impl for<'w> FnOnce(&'w mut Write) -> BoxFuture<'w, AppResult<T>>,
    ) -> AppResult<T> {
        let mut state = self.state.lock().await;
        if let Some(failed) = &state.failed {
            return Err(AppError::NotRun(format!(
                "not run: `{failed}` failed earlier in this document, and a document's \
                 mutations are written together or not at all"
            )));
        }
        let result = async {
            let write = match &mut state.write {
                Some((write, _)) => {
                    write.actor().require(scope)?;
                    write
                }
                open @ None => {
                    let actor = authenticate.await?;
                    let write = Write::begin(db, &actor).await?;
                    self.open.store(true, Ordering::Release);
                    &mut open.insert((write, hub.clone())).0
                }
            };
            body(write).await
        }
        .await;
        if result.is_err() {
            state.failed = Some(field.to_owned());
        }
        result
    }

    /// Ends the document: commits its write when the response has no error,
    /// else rolls it back and answers `data: null`.
    pub async fn finish(&self, response: &mut Response) {
        self.open.store(false, Ordering::Release);
        let mut state = self.state.lock().await;
        let failed = !response.errors.is_empty() || state.failed.is_some();
        let Some((write, hub)) = state.write.take() else {
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
        if let Err(err) = write.commit(Some(&hub)).await {
            response.data = Value::Null;
            response.errors.push(server_error(err));
        }
    }
}

impl Ongoing for DocumentWrite {
    fn all<'a>(&'a self, statement: &'a Statement) -> Option<OngoingRead<'a>> {
        if !self.open.load(Ordering::Acquire) {
            return None;
        }
        Some(Box::pin(async move {
            let state = self.state.lock().await;
            let (write, _) = state.write.as_ref()?;
            Some(write.txn().query_all_raw(statement.clone()).await)
        }))
    }
}

/// `err` as a request-level GraphQL error with its code.
fn server_error(err: AppError) -> ServerError {
    use async_graphql::ErrorExtensions as _;
    err.extend().into_server_error(Default::default())
}

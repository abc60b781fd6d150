//! How every write runs: one transaction that holds the write lock, checks the
//! caller's idempotency key, changes rows, appends to the change log, and on
//! commit wakes the change feed (and, on PostgreSQL, every other replica).

pub mod document;
pub mod figures;
mod idempotency;
pub mod lookup;
pub mod rows;
pub mod sources;
pub mod validate;

use std::fmt::Debug;

use entity::change;
use sea_orm::{ConnectionTrait, DatabaseTransaction, DbBackend, EntityTrait, Statement};
use tokio::sync::OwnedMutexGuard;

pub use document::DocumentWrite;
pub use idempotency::{Idempotency, Replay, sweep as sweep_idempotency_keys};

use crate::auth::Actor;
use crate::changes::{CHANNEL, Hub};
use crate::error::AppResult;
use crate::records::{Fields, Record, diff, key_of};
use crate::store::Db;

/// One write in progress. Dropped without [`Write::commit`], it rolls back.
pub struct Write {
    txn: DatabaseTransaction,
    actor: Actor,
    now: String,
    changes: Vec<change::ActiveModel>,
    _serial: OwnedMutexGuard<()>,
}

impl Write {
    /// Begins a write for `actor`, waiting for any other write to finish.
    pub async fn begin(db: &Db, actor: &Actor) -> AppResult<Self> {
        let serial = db.queue_write().await?;
        let txn = db.begin_write().await?;
        Ok(Self {
            txn,
            actor: actor.clone(),
            now: crate::clock::now(),
            changes: Vec::new(),
            _serial: serial,
        })
    }

    /// The transaction every statement of this write runs in.
    pub fn txn(&self) -> &DatabaseTransaction {
        &self.txn
    }

    /// Who is writing.
    pub fn actor(&self) -> &Actor {
        &self.actor
    }

    /// The write's timestamp (`updated_at` of every row it touches).
    pub fn now(&self) -> String {
        self.now.clone()
    }

    fn log(
        &mut self,
        kind: &str,
        key: String,
        operation: &str,
        before: Option<Fields>,
        after: Option<Fields>,
        version: i32,
    ) {
        let json = |f: Option<Fields>| f.map(|f| serde_json::Value::Object(f).to_string());
        self.changes.push(change::ActiveModel {
            record_type: sea_orm::ActiveValue::Set(kind.to_owned()),
            record_key: sea_orm::ActiveValue::Set(key),
            operation: sea_orm::ActiveValue::Set(operation.to_owned()),
            before: sea_orm::ActiveValue::Set(json(before)),
            after: sea_orm::ActiveValue::Set(json(after)),
            actor: sea_orm::ActiveValue::Set(Some(self.actor.name.clone())),
            at: sea_orm::ActiveValue::Set(self.now.clone()),
            version: sea_orm::ActiveValue::Set(Some(version)),
            ..Default::default()
        });
    }

    /// Logs a created `R` with all its fields, at `version`.
    pub fn created<R: Record>(&mut self, after: Fields, version: i32) {
        self.log(
            R::TYPE,
            key_of::<R>(&after),
            "CREATE",
            None,
            Some(after),
            version,
        );
    }

    /// Logs the fields of an `R` that changed, which is at `version` after
    /// the change; false (and nothing logged) when none did.
    pub fn updated<R: Record>(&mut self, before: &Fields, after: &Fields, version: i32) -> bool {
        match diff(before, after) {
            Some((old, new)) => {
                let key = key_of::<R>(before);
                self.log(R::TYPE, key, "UPDATE", Some(old), Some(new), version);
                true
            }
            None => false,
        }
    }

    /// Logs a deleted `R` with all its former fields, at its last `version`.
    pub fn deleted<R: Record>(&mut self, before: Fields, version: i32) {
        self.log(
            R::TYPE,
            key_of::<R>(&before),
            "DELETE",
            Some(before),
            None,
            version,
        );
    }

    /// How many changes this write has logged so far.
    pub fn change_count(&self) -> usize {
        self.changes.len()
    }

    /// Appends the change log and commits; then wakes local subscribers. On
    /// PostgreSQL the NOTIFY is part of the transaction, so other replicas
    /// hear of it exactly when it commits.
    pub async fn commit(self, hub: Option<&Hub>) -> AppResult<()> {
        let Self { txn, changes, .. } = self;
        let wrote = !changes.is_empty();
        for chunk in changes.chunks(2_000) {
            change::Entity::insert_many(chunk.to_vec())
                .exec_without_returning(&txn)
                .await?;
        }
        if wrote && txn.get_database_backend() == DbBackend::Postgres {
            let notify = format!("SELECT pg_notify('{CHANNEL}', '')");
            txn.execute_raw(Statement::from_string(DbBackend::Postgres, notify))
                .await?;
        }
        txn.commit().await?;
        if let (true, Some(hub)) = (wrote, hub) {
            hub.wake();
        }
        Ok(())
    }

    /// Ends the write without changing anything.
    pub async fn rollback(self) -> AppResult<()> {
        self.txn.rollback().await?;
        Ok(())
    }
}

/// The idempotency key of a mutation, fingerprinted with its arguments.
pub fn idempotency(
    key: Option<String>,
    operation: &'static str,
    args: &impl Debug,
) -> AppResult<Option<Idempotency>> {
    key.map(|key| Idempotency::new(key, operation, args))
        .transpose()
}

/// The database and change hub a mutation resolver writes through.
pub fn handles<'c>(ctx: &'c async_graphql::Context<'_>) -> (&'c Db, &'c Hub) {
    (ctx.data_unchecked::<Db>(), ctx.data_unchecked::<Hub>())
}

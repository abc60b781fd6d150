//! Safe retries: a mutation (or a whole document) sent again with the same
//! idempotency key and the same input answers with the first response, byte
//! for byte, and writes nothing. Keys are kept per API key and swept once
//! older than the configured time.

use std::fmt::Debug;

use entity::idempotency_key::{ActiveModel, Column, Entity};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveValue::Set, ColumnTrait, DatabaseTransaction, EntityTrait, QueryFilter};
use sha2::{Digest, Sha256};

use crate::auth::Actor;
use crate::error::{AppError, AppResult};
use crate::store::Db;

/// What the first request with a key did.
#[derive(Debug)]
pub struct Replay {
    /// The record it answered with (0 for none).
    pub record_id: i32,
    /// Its answer's JSON; None for keys stored before answers were kept.
    pub response: Option<String>,
}

/// A client-chosen key for one logical write, with a fingerprint of its arguments.
#[derive(Debug)]
pub struct Idempotency {
    key: String,
    operation: &'static str,
    fingerprint: String,
}

impl Idempotency {
    /// Checks the key (1 to 200 printable characters) and fingerprints `args`.
    pub fn new(key: String, operation: &'static str, args: &impl Debug) -> AppResult<Self> {
        if key.is_empty() || key.len() > 200 || key.chars().any(char::is_control) {
            return Err(AppError::bad_input(
                "idempotencyKey",
                "must be 1 to 200 printable characters",
            ));
        }
        // Debug output is a complete, deterministic rendering of the inputs.
        let fingerprint = format!("{:x}", Sha256::digest(format!("{operation}{args:?}")));
        Ok(Self {
            key,
            operation,
            fingerprint,
        })
    }

    /// What the first request with this key did; CONFLICT when the key was
    /// used for a different operation or different arguments.
    pub async fn replayed(
        &self,
        txn: &DatabaseTransaction,
        actor: &Actor,
    ) -> AppResult<Option<Replay>> {
        let found = Entity::find()
            .filter(Column::ApiKeyId.eq(actor.key_id))
            .filter(Column::Key.eq(&self.key))
            .one(txn)
            .await?;
        match found {
            None => Ok(None),
            Some(row)
                if row.operation == self.operation && row.request_hash == self.fingerprint =>
            {
                Ok(Some(Replay {
                    record_id: row.record_id,
                    response: row.response,
                }))
            }
            Some(row) => Err(AppError::Conflict(format!(
                "idempotency key {:?} was already used for a different {} request; use a new key for a new write",
                self.key, row.operation
            ))),
        }
    }

    /// Stores the result of the first request: the record it answered with
    /// and, when already known, its response.
    pub async fn remember(
        &self,
        txn: &DatabaseTransaction,
        actor: &Actor,
        record_id: i32,
        now: &str,
        response: Option<String>,
    ) -> AppResult<()> {
        let row = ActiveModel {
            api_key_id: Set(actor.key_id),
            key: Set(self.key.clone()),
            operation: Set(self.operation.to_owned()),
            request_hash: Set(self.fingerprint.clone()),
            record_id: Set(record_id),
            created_at: Set(now.to_owned()),
            response: Set(response),
            ..Default::default()
        };
        Entity::insert(row).exec_without_returning(txn).await?;
        Ok(())
    }

    /// Stores the first request's response, once the document has it.
    pub async fn respond(
        &self,
        txn: &DatabaseTransaction,
        actor: &Actor,
        response: String,
    ) -> AppResult<()> {
        Entity::update_many()
            .col_expr(Column::Response, Expr::value(response))
            .filter(Column::ApiKeyId.eq(actor.key_id))
            .filter(Column::Key.eq(&self.key))
            .exec(txn)
            .await?;
        Ok(())
    }
}

/// Forgets every idempotency key stored before `cutoff` (an RFC 3339 UTC
/// time, as [`crate::clock::now`] writes them); returns how many.
pub async fn sweep(db: &Db, cutoff: &str) -> AppResult<u64> {
    let _queued = db.queue_write().await?;
    let txn = db.begin_write().await?;
    let swept = Entity::delete_many()
        .filter(Column::CreatedAt.lt(cutoff))
        .exec(&txn)
        .await?;
    txn.commit().await?;
    Ok(swept.rows_affected)
}

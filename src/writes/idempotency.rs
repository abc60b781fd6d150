//! Safe retries: a mutation sent again with the same idempotency key and the
//! same arguments answers with the first result and writes nothing.

use std::fmt::Debug;

use entity::idempotency_key::{ActiveModel, Column, Entity};
use sea_orm::{ActiveValue::Set, ColumnTrait, DatabaseTransaction, EntityTrait, QueryFilter};
use sha2::{Digest, Sha256};

use crate::auth::Actor;
use crate::error::{AppError, AppResult};

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

    /// The record id the first request with this key produced; CONFLICT when
    /// the key was used for a different operation or different arguments.
    pub async fn replayed(
        &self,
        txn: &DatabaseTransaction,
        actor: &Actor,
    ) -> AppResult<Option<i32>> {
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
                Ok(Some(row.record_id))
            }
            Some(row) => Err(AppError::Conflict(format!(
                "idempotency key {:?} was already used for a different {} request; use a new key for a new write",
                self.key, row.operation
            ))),
        }
    }

    /// Stores the result of the first request.
    pub async fn remember(
        &self,
        txn: &DatabaseTransaction,
        actor: &Actor,
        record_id: i32,
        now: &str,
    ) -> AppResult<()> {
        let row = ActiveModel {
            api_key_id: Set(actor.key_id),
            key: Set(self.key.clone()),
            operation: Set(self.operation.to_owned()),
            request_hash: Set(self.fingerprint.clone()),
            record_id: Set(record_id),
            created_at: Set(now.to_owned()),
            ..Default::default()
        };
        Entity::insert(row).exec_without_returning(txn).await?;
        Ok(())
    }
}

//! `idempotency_key` rows. The first result of a retried mutation, per API key.
//!
//! Hand-kept in the shape sea-orm-cli generates; API types live in the server crate.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "idempotency_key")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub api_key_id: i32,
    pub key: String,
    pub operation: String,
    pub request_hash: String,
    /// The record the first request answered with (0 when it answered with
    /// none: a deletion's, an import's, a whole document's).
    pub record_id: i32,
    pub created_at: String,
    /// The first response's JSON (the field's answer, or a whole document's
    /// `data`), replayed byte for byte; null for keys stored before it was kept.
    pub response: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

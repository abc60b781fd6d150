//! `api_key` rows. A partner's credential: only its SHA-256 hash is stored.
//!
//! Hand-kept in the shape sea-orm-cli generates; API types live in the server crate.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "api_key")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub name: String,
    pub scope: String,
    pub organization_id: Option<i32>,
    #[sea_orm(unique)]
    pub hash: String,
    pub prefix: String,
    pub created_at: String,
    pub revoked_at: Option<String>,
    /// How the key is bound to its trusted documents (`key_document`):
    /// `ENFORCE`, `ROLLOUT`, or null when it is not.
    pub documents: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

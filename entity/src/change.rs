//! `change` rows. The append-only log of every write, in commit order.
//!
//! Hand-kept in the shape sea-orm-cli generates; API types live in the server crate.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "change")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub record_type: String,
    pub record_key: String,
    pub operation: String,
    pub before: Option<String>,
    pub after: Option<String>,
    pub actor: Option<String>,
    pub at: String,
    /// The record's version after the write (its last, for a deletion);
    /// null for changes logged before versions were kept.
    pub version: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

//! `indicator` rows. A national figure for a period.
//!
//! Hand-kept in the shape sea-orm-cli generates; API types live in the server crate.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, Default, PartialEq, DeriveEntityModel, serde::Deserialize)]
#[sea_orm(table_name = "indicator")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub key: String,
    pub period: String,
    pub value: f64,
    pub unit: String,
    pub notes: Option<String>,
    pub version: i32,
    pub updated_at: String,
    /// `key` folded by [`crate::fold`]; kept by this model's `before_save`.
    #[serde(default)]
    pub key_folded: String,
    /// `period` folded by [`crate::fold`]; kept by this model's `before_save`.
    #[serde(default)]
    pub period_folded: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

crate::keeps_folded!(key => key_folded, period => period_folded);

//! `indicator` rows. A national figure (an observation) for a period: its
//! period and unit as structured columns, its approximation and rank, and
//! the province, city or project it is about, if any.
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
    pub period_kind: String,
    pub period_start: Option<String>,
    pub period_end: Option<String>,
    pub fiscal_year: Option<i32>,
    pub unit_kind: String,
    pub currency: Option<String>,
    pub approximation: String,
    pub rank: String,
    pub rank_reason: Option<String>,
    pub province: Option<String>,
    pub city_id: Option<i32>,
    pub project_id: Option<i32>,
    pub programme_id: Option<i32>,
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

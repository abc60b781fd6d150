//! `project` rows. A large development project that builds or extends a park.
//!
//! Hand-kept in the shape sea-orm-cli generates; API types live in the server crate.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, Default, PartialEq, DeriveEntityModel, serde::Deserialize)]
#[sea_orm(table_name = "project")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub slug: String,
    pub name: String,
    pub status: String,
    pub city_id: i32,
    pub park_id: Option<i32>,
    pub cost_usd: Option<f64>,
    pub area_sqft: Option<i64>,
    pub target_year: Option<i32>,
    pub jobs_target: Option<i32>,
    pub exports_target_usd: Option<f64>,
    pub notes: Option<String>,
    pub version: i32,
    pub updated_at: String,
    /// `name` folded by [`crate::fold`]; kept by this model's `before_save`.
    #[serde(default)]
    pub name_folded: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

crate::keeps_folded!(name => name_folded);

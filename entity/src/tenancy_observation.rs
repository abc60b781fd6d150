//! `tenancy_observation` rows. A dated sighting of a firm in a park, with the
//! page that reports it.
//!
//! Hand-kept in the shape sea-orm-cli generates; API types live in the server crate.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, Default, PartialEq, DeriveEntityModel, serde::Deserialize)]
#[sea_orm(table_name = "tenancy_observation")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub park_id: i32,
    pub firm_id: i32,
    pub kind: String,
    pub observed_on: String,
    pub area_sqft: Option<i64>,
    pub source_url: String,
    pub quote: Option<String>,
    pub version: i32,
    pub updated_at: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

//! `tenancy` rows. A firm renting space in a park over a period.
//!
//! Hand-kept in the shape sea-orm-cli generates; API types live in the server crate.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, Default, PartialEq, DeriveEntityModel, serde::Deserialize)]
#[sea_orm(table_name = "tenancy")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub park_id: i32,
    pub firm_id: i32,
    pub area_sqft: Option<i64>,
    pub since: Option<String>,
    pub until: Option<String>,
    pub version: i32,
    pub updated_at: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

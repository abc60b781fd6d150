//! `project_claim` rows. One value stated for one property of a project, by
//! a page, with its date, rank and reason.
//!
//! Hand-kept in the shape sea-orm-cli generates; API types live in the server crate.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, Default, PartialEq, DeriveEntityModel, serde::Deserialize)]
#[sea_orm(table_name = "project_claim")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub project_id: i32,
    pub property: String,
    pub value_number: Option<f64>,
    pub value_date: Option<String>,
    pub unit: Option<String>,
    pub approximation: String,
    pub basis: Option<String>,
    pub as_of: String,
    pub rank: String,
    pub rank_reason: Option<String>,
    pub source_url: String,
    pub quote: Option<String>,
    pub version: i32,
    pub updated_at: String,
    pub stated_by: Option<String>,
    pub stated_by_id: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

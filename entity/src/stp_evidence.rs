//! `stp_evidence` rows. What one page says about Software Technology Parks
//! in a city: that it is among the places of the 43 STPs, that PSEB manages
//! STPs there, that one is planned, and how many, when the page counts them.
//!
//! Hand-kept in the shape sea-orm-cli generates; API types live in the server crate.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, Default, PartialEq, DeriveEntityModel, serde::Deserialize)]
#[sea_orm(table_name = "stp_evidence")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub city_id: i32,
    pub kind: String,
    pub stp_count: Option<i64>,
    pub as_of: String,
    pub source_url: String,
    pub quote: Option<String>,
    pub version: i32,
    pub updated_at: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

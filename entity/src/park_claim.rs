//! `park_claim` rows. One value stated for one property of a park (its
//! status, the day it opened, its area, tenants or seats), by a page, with
//! its date, rank and reason.
//!
//! Hand-kept in the shape sea-orm-cli generates; API types live in the server crate.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, Default, PartialEq, DeriveEntityModel, serde::Deserialize)]
#[sea_orm(table_name = "park_claim")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub park_id: i32,
    pub property: String,
    pub value_number: Option<f64>,
    pub value_date: Option<String>,
    pub value_text: Option<String>,
    pub unit: Option<String>,
    pub approximation: String,
    pub basis: Option<String>,
    pub as_of: String,
    pub rank: String,
    pub rank_reason: Option<String>,
    pub source_url: String,
    pub quote: Option<String>,
    pub stated_by: Option<String>,
    pub stated_by_id: Option<i32>,
    pub version: i32,
    pub updated_at: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

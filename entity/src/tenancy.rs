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
    /// The earliest date it was seen (derived from its sightings).
    pub first_seen: Option<String>,
    /// The latest date it was seen present (derived).
    pub last_seen: Option<String>,
    /// When it ended: its `until`, else the first end event after it was
    /// last seen present (derived).
    pub ended_on: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

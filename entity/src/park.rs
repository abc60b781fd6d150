//! `park` rows. A software technology park, IT park or technology park.
//!
//! Hand-kept in the shape sea-orm-cli generates; API types live in the server crate.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, Default, PartialEq, DeriveEntityModel, serde::Deserialize)]
#[sea_orm(table_name = "park")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub slug: String,
    pub name: String,
    pub kind: String,
    pub status: String,
    pub city_id: i32,
    pub operator_id: Option<i32>,
    pub area_sqft: Option<i64>,
    pub opened_year: Option<i32>,
    pub notes: Option<String>,
    pub version: i32,
    pub updated_at: String,
    /// `name` folded by [`crate::fold`]; kept by this model's `before_save`.
    #[serde(default)]
    pub name_folded: String,
    /// The park's own point, degrees north; null when it takes its city's.
    pub latitude: Option<f64>,
    /// The park's own point, degrees east.
    pub longitude: Option<f64>,
    /// The page that gives the park's own point.
    pub location_url: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

crate::keeps_folded!(name => name_folded);

//! `city` rows. A city with a province.
//!
//! Hand-kept in the shape sea-orm-cli generates; API types live in the server crate.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, Default, PartialEq, DeriveEntityModel, serde::Deserialize)]
#[sea_orm(table_name = "city")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub slug: String,
    pub name: String,
    pub province: String,
    pub version: i32,
    pub updated_at: String,
    /// `name` folded by [`crate::fold`]; kept by this model's `before_save`.
    #[serde(default)]
    pub name_folded: String,
    /// The district (another city row) this town lies in, if recorded.
    pub district_id: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

crate::keeps_folded!(name => name_folded);

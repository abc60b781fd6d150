//! `programme_centre` rows. One centre of a programme, where a page gives
//! its place: its city, the institution hosting it, when it opened.
//!
//! Hand-kept in the shape sea-orm-cli generates; API types live in the server crate.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, Default, PartialEq, DeriveEntityModel, serde::Deserialize)]
#[sea_orm(table_name = "programme_centre")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub programme_id: i32,
    pub name: String,
    pub city_id: i32,
    pub host: Option<String>,
    pub run_by: Option<String>,
    pub opened_on: Option<String>,
    pub workstations: Option<i64>,
    pub women_only: Option<bool>,
    pub version: i32,
    pub updated_at: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

//! `source_document` rows. A page or document, stored once per URL, with
//! its own publication date (and that date's precision), publisher and
//! kind. Citations (`source` rows), claims and sightings name it by URL.
//!
//! Hand-kept in the shape sea-orm-cli generates; API types live in the server crate.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, Default, PartialEq, DeriveEntityModel, serde::Deserialize)]
#[sea_orm(table_name = "source_document")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub url: String,
    pub title: Option<String>,
    pub publisher: Option<String>,
    pub kind: String,
    pub published_on: Option<String>,
    pub published_precision: String,
    pub notes: Option<String>,
    pub version: i32,
    pub updated_at: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

//! `source` rows. A citation: a record (by record_type, record_id) cites a
//! `source_document` (by its URL), as of a date, with the page's words.
//!
//! Hand-kept in the shape sea-orm-cli generates; API types live in the server crate.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, Default, PartialEq, DeriveEntityModel, serde::Deserialize)]
#[sea_orm(table_name = "source")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub record_type: String,
    pub record_id: i32,
    pub url: String,
    pub as_of: Option<String>,
    pub quote: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

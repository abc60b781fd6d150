//! A town can lie in a district the data also holds as a city (Mingora in
//! Swat): `city.district_id`. No FOREIGN KEY: a town and its district are
//! rows of one table, written in an order the import file decides (the
//! import checks the reference by key instead); cities are not deleted by
//! the API.

use sea_orm_migration::prelude::*;

use crate::helpers::{add_column, drop_column, optional_id};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        add_column(manager, "city", optional_id("district_id")).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_column(manager, "city", "district_id").await
    }
}

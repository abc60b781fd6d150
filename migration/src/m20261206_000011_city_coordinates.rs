//! Places: `city_coordinate` holds each city's point on the map (from
//! GeoNames), one per city; a park takes its city's.

use sea_orm_migration::prelude::*;

use crate::helpers::{create_record_table, drop_table, fk, record_table, unique};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let column = |name: &str| ColumnDef::new(Alias::new(name));
        let mut table = record_table("city_coordinate");
        table
            .col(column("city_id").integer().not_null())
            .col(column("latitude").double().not_null())
            .col(column("longitude").double().not_null())
            .col(column("geonames_id").big_integer())
            .col(column("geonames_name").text())
            .col(column("basis").string().not_null())
            .foreign_key(&mut fk("city_coordinate", "city_id", "city"));
        create_record_table(manager, table).await?;
        manager
            .create_index(unique("city_coordinate", &["city_id"]))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_table(manager, "city_coordinate").await
    }
}

//! Places: `city_coordinate` holds each city's point on the map (from
//! GeoNames), one per city; a park takes its city's.

use sea_orm_migration::prelude::*;

use crate::helpers::{bookkeeping, fk, id, unique};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let column = |name: &str| ColumnDef::new(Alias::new(name));
        let mut table = Table::create();
        table
            .table(Alias::new("city_coordinate"))
            .if_not_exists()
            .col(id())
            .col(column("city_id").integer().not_null())
            .col(column("latitude").double().not_null())
            .col(column("longitude").double().not_null())
            .col(column("geonames_id").big_integer())
            .col(column("geonames_name").text())
            .col(column("basis").string().not_null())
            .foreign_key(&mut fk("city_coordinate", "city_id", "city"));
        manager
            .create_table(bookkeeping(&mut table).to_owned())
            .await?;
        manager
            .create_index(unique("city_coordinate", &["city_id"]))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(
                Table::drop()
                    .table(Alias::new("city_coordinate"))
                    .to_owned(),
            )
            .await
    }
}

//! A park's own point, when a page gives one: `park.latitude`,
//! `park.longitude` and `park.location_url` (the page). Without one a park
//! takes its city's point, as before.

use sea_orm_migration::prelude::*;

use crate::helpers::{add_column, drop_column};

#[derive(DeriveMigrationName)]
pub struct Migration;

const COLUMNS: [&str; 3] = ["latitude", "longitude", "location_url"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for name in COLUMNS {
            let mut column = ColumnDef::new(Alias::new(name));
            if name == "location_url" {
                column.text();
            } else {
                column.double();
            }
            add_column(manager, "park", column).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for name in COLUMNS.iter().rev() {
            drop_column(manager, "park", name).await?;
        }
        Ok(())
    }
}

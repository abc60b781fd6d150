//! Tenancies from sightings: `tenancy_observation` holds dated observations
//! of a firm in a park (listed as a tenant, moved in, moved out, an eviction
//! notice, the premises destroyed), each with the page that reports it; a
//! tenancy keeps what follows from them (`first_seen`, `last_seen`,
//! `ended_on`), so its status can be filtered on in SQL.
//!
//! Dates are partial ISO-8601 texts compared as bytes (`bytewise_text`).

use sea_orm::DbBackend;
use sea_orm_migration::prelude::*;

use crate::helpers::{
    bytewise_text, create_indexes, create_record_table, drop_table, fk, index_with_id, record_table,
};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The columns a tenancy gains, derived from its sightings.
const DERIVED: [&str; 3] = ["first_seen", "last_seen", "ended_on"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let postgres = manager.get_database_backend() == DbBackend::Postgres;
        let date = |name: &str| bytewise_text(postgres, name);
        let mut table = record_table("tenancy_observation");
        table
            .col(ColumnDef::new(Alias::new("park_id")).integer().not_null())
            .col(ColumnDef::new(Alias::new("firm_id")).integer().not_null())
            .col(ColumnDef::new(Alias::new("kind")).string().not_null())
            .col(date("observed_on").not_null())
            .col(ColumnDef::new(Alias::new("area_sqft")).big_integer())
            .col(ColumnDef::new(Alias::new("source_url")).text().not_null())
            .col(ColumnDef::new(Alias::new("quote")).text())
            .foreign_key(&mut fk("tenancy_observation", "park_id", "park"))
            .foreign_key(&mut fk("tenancy_observation", "firm_id", "firm"));
        create_record_table(manager, table).await?;
        create_indexes(
            manager,
            vec![
                index_with_id("tenancy_observation", &["park_id", "firm_id"]),
                index_with_id("tenancy_observation", &["firm_id"]),
            ],
        )
        .await?;
        for column in DERIVED {
            manager
                .alter_table(
                    Table::alter()
                        .table(Alias::new("tenancy"))
                        .add_column(date(column))
                        .to_owned(),
                )
                .await?;
        }
        // Before sightings, a tenancy's own dates were all there was.
        manager
            .get_connection()
            .execute_unprepared(
                "UPDATE tenancy SET first_seen = since, last_seen = since, ended_on = until",
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in DERIVED {
            manager
                .alter_table(
                    Table::alter()
                        .table(Alias::new("tenancy"))
                        .drop_column(Alias::new(column))
                        .to_owned(),
                )
                .await?;
        }
        drop_table(manager, "tenancy_observation").await
    }
}

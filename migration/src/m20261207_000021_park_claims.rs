//! Park claims: every value stated for a disputed property of a park (its
//! status, opening, area, tenants, seats, cost), each with its page, date,
//! speaker and rank; at most one PREFERRED per park and property, which the
//! database keeps, as for projects.

use sea_orm::DbBackend;
use sea_orm_migration::prelude::*;

use crate::helpers::{
    bytewise_text, create_indexes, create_record_table, drop_table, fk, index_with_id, record_table,
};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let postgres = manager.get_database_backend() == DbBackend::Postgres;
        let column = |name: &str| ColumnDef::new(Alias::new(name));
        let date = |name: &str| bytewise_text(postgres, name);
        let mut table = record_table("park_claim");
        table
            .col(column("park_id").integer().not_null())
            .col(column("property").string().not_null())
            .col(column("value_number").double())
            .col(date("value_date"))
            .col(column("value_text").string())
            .col(column("unit").string())
            .col(column("approximation").string().not_null())
            .col(column("basis").text())
            .col(date("as_of").not_null())
            .col(column("rank").string().not_null())
            .col(column("rank_reason").string())
            .col(column("source_url").text().not_null())
            .col(column("quote").text())
            .col(column("stated_by").text())
            .col(column("stated_by_id").integer())
            .foreign_key(&mut fk("park_claim", "park_id", "park"))
            .foreign_key(&mut fk("park_claim", "stated_by_id", "organization"));
        create_record_table(manager, table).await?;
        create_indexes(manager, vec![index_with_id("park_claim", &["park_id"])]).await?;
        manager
            .get_connection()
            .execute_unprepared(
                "CREATE UNIQUE INDEX IF NOT EXISTS ux_park_claim_preferred \
                 ON park_claim (park_id, property) WHERE rank = 'PREFERRED'",
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_table(manager, "park_claim").await
    }
}

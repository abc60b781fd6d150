//! Claims: every value stated for a disputed property of a project (cost,
//! deadlines, targets, progress), each with its page, date and rank; at
//! most one PREFERRED per project and property, which the database keeps.

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
        let mut table = record_table("project_claim");
        table
            .col(column("project_id").integer().not_null())
            .col(column("property").string().not_null())
            .col(column("value_number").double())
            .col(date("value_date"))
            .col(column("unit").string())
            .col(column("approximation").string().not_null())
            .col(column("basis").text())
            .col(date("as_of").not_null())
            .col(column("rank").string().not_null())
            .col(column("rank_reason").string())
            .col(column("source_url").text().not_null())
            .col(column("quote").text())
            .foreign_key(&mut fk("project_claim", "project_id", "project"));
        create_record_table(manager, table).await?;
        create_indexes(
            manager,
            vec![index_with_id("project_claim", &["project_id"])],
        )
        .await?;
        // Both backends take a partial unique index.
        manager
            .get_connection()
            .execute_unprepared(
                "CREATE UNIQUE INDEX IF NOT EXISTS ux_project_claim_preferred \
                 ON project_claim (project_id, property) WHERE rank = 'PREFERRED'",
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_table(manager, "project_claim").await
    }
}

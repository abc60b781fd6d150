//! City-level evidence of Software Technology Parks: what each page says
//! about STPs in a city (among the 43, managed by PSEB, planned...), with
//! the count where it gives one.

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
        let mut table = record_table("stp_evidence");
        table
            .col(column("city_id").integer().not_null())
            .col(column("kind").string().not_null())
            .col(column("stp_count").big_integer())
            .col(bytewise_text(postgres, "as_of").not_null())
            .col(column("source_url").text().not_null())
            .col(column("quote").text())
            .foreign_key(&mut fk("stp_evidence", "city_id", "city"));
        create_record_table(manager, table).await?;
        create_indexes(manager, vec![index_with_id("stp_evidence", &["city_id"])]).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_table(manager, "stp_evidence").await
    }
}

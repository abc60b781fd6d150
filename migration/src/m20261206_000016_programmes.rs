//! Programmes that run centres (e-Rozgaar), as records of their own: the
//! programme with the organization that runs it, its centres with their
//! city, and national figures about a programme (`indicator.programme_id`).

use sea_orm::DbBackend;
use sea_orm_migration::prelude::*;

use crate::helpers::{
    add_reference, bytewise_text, create_indexes, create_record_table, drop_column, drop_table, fk,
    index_with_id, record_table, unique,
};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let postgres = manager.get_database_backend() == DbBackend::Postgres;
        let column = |name: &str| ColumnDef::new(Alias::new(name));
        let mut programme = record_table("programme");
        programme
            .col(column("slug").string().not_null())
            .col(column("name").text().not_null())
            .col(column("operator_id").integer().not_null())
            .col(bytewise_text(postgres, "launched_on"))
            .col(column("notes").text())
            .foreign_key(&mut fk("programme", "operator_id", "organization"));
        create_record_table(manager, programme).await?;
        let mut centre = record_table("programme_centre");
        centre
            .col(column("programme_id").integer().not_null())
            .col(column("name").text().not_null())
            .col(column("city_id").integer().not_null())
            .col(column("host").text())
            .col(column("run_by").text())
            .col(bytewise_text(postgres, "opened_on"))
            .col(column("workstations").big_integer())
            .col(column("women_only").boolean())
            .foreign_key(&mut fk("programme_centre", "programme_id", "programme"))
            .foreign_key(&mut fk("programme_centre", "city_id", "city"));
        create_record_table(manager, centre).await?;
        create_indexes(
            manager,
            vec![
                unique("programme", &["slug"]),
                index_with_id("programme_centre", &["programme_id"]),
                index_with_id("programme_centre", &["city_id"]),
            ],
        )
        .await?;
        add_reference(manager, "indicator", "programme_id", "programme").await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_column(manager, "indicator", "programme_id").await?;
        for table in ["programme_centre", "programme"] {
            drop_table(manager, table).await?;
        }
        Ok(())
    }
}

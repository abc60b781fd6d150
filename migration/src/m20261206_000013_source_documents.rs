//! Sources as documents: each cited page stored once, with its own
//! publication date and that date's precision, publisher and kind, apart
//! from the as-of date of the facts that cite it. A citation keeps its
//! page's URL (the document's key) and gains the page's words (`quote`);
//! its `title` moves to the document.

use sea_orm::DbBackend;
use sea_orm_migration::prelude::*;

use crate::helpers::{
    add_column, bytewise_text, create_indexes, create_record_table, drop_column, drop_table,
    index_with_id, record_table, unique,
};

#[derive(DeriveMigrationName)]
pub struct Migration;

// Every URL already cited becomes a document whose date is not known yet;
// a fresh database has none (the seed brings its documents).
const BACKFILL: &str = "INSERT INTO source_document \
     (url, title, kind, published_precision, version, updated_at) \
     SELECT url, MAX(title), 'OTHER', 'UNKNOWN', 1, '2026-12-06T00:00:00Z' FROM ( \
       SELECT url, title FROM source \
       UNION ALL SELECT source_url, NULL FROM project_claim \
       UNION ALL SELECT source_url, NULL FROM tenancy_observation \
     ) cited GROUP BY url";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let postgres = manager.get_database_backend() == DbBackend::Postgres;
        let column = |name: &str| ColumnDef::new(Alias::new(name));
        let mut table = record_table("source_document");
        table
            .col(column("url").text().not_null())
            .col(column("title").text())
            .col(column("publisher").text())
            .col(column("kind").string().not_null())
            .col(bytewise_text(postgres, "published_on"))
            .col(column("published_precision").string().not_null())
            .col(column("notes").text());
        create_record_table(manager, table).await?;
        create_indexes(
            manager,
            vec![
                unique("source_document", &["url"]),
                index_with_id("source_document", &["published_on"]),
            ],
        )
        .await?;
        let db = manager.get_connection();
        db.execute_unprepared(BACKFILL).await?;
        add_column(manager, "source", column("quote").text().to_owned()).await?;
        drop_column(manager, "source", "title").await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let title = ColumnDef::new(Alias::new("title")).text().to_owned();
        add_column(manager, "source", title).await?;
        drop_column(manager, "source", "quote").await?;
        drop_table(manager, "source_document").await
    }
}

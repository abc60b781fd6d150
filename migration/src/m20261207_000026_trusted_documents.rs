//! A partner's key may be bound to a manifest of operations (trusted
//! documents): `api_key.documents` says how (`ENFORCE`: only those run;
//! `ROLLOUT`: others run and are logged; null: not bound), and
//! `key_document` holds them, by the SHA-256 of each document.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{integer, pk_auto, string, string_null, text};

use crate::helpers::{add_column, drop_column, drop_table, fk, unique};

#[derive(DeriveIden)]
enum KeyDocument {
    Table,
    Id,
    ApiKeyId,
    Sha256,
    Name,
    Document,
}

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut mode = ColumnDef::new(Alias::new("documents"));
        mode.string().null();
        add_column(manager, "api_key", mode).await?;
        let table = Table::create()
            .table(KeyDocument::Table)
            .if_not_exists()
            .col(pk_auto(KeyDocument::Id))
            .col(integer(KeyDocument::ApiKeyId))
            .col(string(KeyDocument::Sha256))
            .col(string_null(KeyDocument::Name))
            .col(text(KeyDocument::Document))
            .foreign_key(&mut fk("key_document", "api_key_id", "api_key"))
            .to_owned();
        manager.create_table(table).await?;
        manager
            .create_index(unique("key_document", &["api_key_id", "sha256"]))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_table(manager, "key_document").await?;
        drop_column(manager, "api_key", "documents").await
    }
}

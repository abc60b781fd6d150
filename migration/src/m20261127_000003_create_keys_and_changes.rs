//! What partner writes need: API keys, the change log every write appends to,
//! and the remembered results of idempotent retries.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use crate::helpers::{create_indexes, fk, index_with_id, unique};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ApiKey {
    Table,
    Id,
    Name,
    // `read`, `write` or `admin`.
    Scope,
    // Set for keys that may only change what this organization owns.
    OrganizationId,
    // SHA-256 of the key, hex. The key itself is shown once and never stored:
    // keys are 256 random bits, so a fast hash is enough (no password stretching).
    Hash,
    // The key's first characters, so operators can tell keys apart in `keys list`.
    Prefix,
    CreatedAt,
    RevokedAt,
}

#[derive(DeriveIden)]
enum Change {
    Table,
    // AUTOINCREMENT on SQLite, a sequence on PostgreSQL; writes take a lock
    // before appending, so ids are also commit order and the feed never skips.
    Id,
    RecordType,
    // The record's public key: its slug, or `park|firm|since` style keys for
    // records that have no slug.
    RecordKey,
    Operation,
    // JSON objects of the changed fields, in the import/export column names.
    Before,
    After,
    Actor,
    At,
}

#[derive(DeriveIden)]
enum IdempotencyKey {
    Table,
    Id,
    ApiKeyId,
    Key,
    Operation,
    RequestHash,
    RecordId,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ApiKey::Table)
                    .if_not_exists()
                    .col(pk_auto(ApiKey::Id))
                    .col(string_uniq(ApiKey::Name))
                    .col(string(ApiKey::Scope))
                    .col(integer_null(ApiKey::OrganizationId))
                    .col(string_uniq(ApiKey::Hash))
                    .col(string(ApiKey::Prefix))
                    .col(string(ApiKey::CreatedAt))
                    .col(string_null(ApiKey::RevokedAt))
                    .foreign_key(&mut fk("api_key", "organization_id", "organization"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Change::Table)
                    .if_not_exists()
                    .col(pk_auto(Change::Id))
                    .col(string(Change::RecordType))
                    .col(string(Change::RecordKey))
                    .col(string(Change::Operation))
                    .col(text_null(Change::Before))
                    .col(text_null(Change::After))
                    .col(string_null(Change::Actor))
                    .col(string(Change::At))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(IdempotencyKey::Table)
                    .if_not_exists()
                    .col(pk_auto(IdempotencyKey::Id))
                    .col(integer(IdempotencyKey::ApiKeyId))
                    .col(string(IdempotencyKey::Key))
                    .col(string(IdempotencyKey::Operation))
                    .col(string(IdempotencyKey::RequestHash))
                    .col(integer(IdempotencyKey::RecordId))
                    .col(string(IdempotencyKey::CreatedAt))
                    .foreign_key(&mut fk("idempotency_key", "api_key_id", "api_key"))
                    .to_owned(),
            )
            .await?;
        create_indexes(
            manager,
            vec![
                index_with_id("change", &["record_type"]),
                index_with_id("change", &["record_key"]),
                unique("idempotency_key", &["api_key_id", "key"]),
            ],
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in ["idempotency_key", "change", "api_key"] {
            manager
                .drop_table(Table::drop().table(Alias::new(table)).to_owned())
                .await?;
        }
        Ok(())
    }
}

//! A retried mutation answers with its first response, byte for byte: the
//! JSON of that answer is kept with its idempotency key (`response`, null for
//! keys stored before, which replay the record as it is now), and keys are
//! swept by age (`ix_idempotency_key_created_at`).

use sea_orm_migration::prelude::*;

use crate::helpers::{add_column, drop_column};

const INDEX: &str = "ix_idempotency_key_created_at";

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut response = ColumnDef::new(Alias::new("response"));
        response.text().null();
        add_column(manager, "idempotency_key", response).await?;
        let index = Index::create()
            .name(INDEX)
            .table(Alias::new("idempotency_key"))
            .col(Alias::new("created_at"))
            .if_not_exists()
            .to_owned();
        manager.create_index(index).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let index = Index::drop()
            .name(INDEX)
            .table(Alias::new("idempotency_key"))
            .to_owned();
        manager.drop_index(index).await?;
        drop_column(manager, "idempotency_key", "response").await
    }
}

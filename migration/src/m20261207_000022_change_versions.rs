//! Each change carries the record's version after the write (its last, for
//! a deletion), so a client can match the writes it made to the feed:
//! `change.version`, null for the changes logged before.

use sea_orm_migration::prelude::*;

use crate::helpers::{add_column, drop_column, optional_id};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        add_column(manager, "change", optional_id("version")).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_column(manager, "change", "version").await
    }
}

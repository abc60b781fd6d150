//! The change log may be kept for a limited time: `change_log_trim` holds,
//! in its one row, the id through which old changes were removed, so that a
//! cursor from before it answers CURSOR_EXPIRED rather than skipping them.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{integer, pk_auto, string_null};

use crate::helpers::drop_table;

#[derive(DeriveIden)]
enum ChangeLogTrim {
    Table,
    Id,
    TrimmedThrough,
    TrimmedAt,
}

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let table = Table::create()
            .table(ChangeLogTrim::Table)
            .if_not_exists()
            .col(pk_auto(ChangeLogTrim::Id))
            .col(integer(ChangeLogTrim::TrimmedThrough))
            .col(string_null(ChangeLogTrim::TrimmedAt))
            .to_owned();
        manager.create_table(table).await?;
        let row = Query::insert()
            .into_table(ChangeLogTrim::Table)
            .columns([ChangeLogTrim::Id, ChangeLogTrim::TrimmedThrough])
            .values_panic([1.into(), 0.into()])
            .to_owned();
        manager.exec_stmt(row).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_table(manager, "change_log_trim").await
    }
}

//! Who stated a claim: `project_claim.stated_by`, the speaker as the page
//! names them (the Prime Minister, the contractor), and
//! `project_claim.stated_by_id`, the organization when it is one the data
//! holds.

use sea_orm_migration::prelude::*;

use crate::helpers::{add_column, add_reference, drop_column};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut stated_by = ColumnDef::new(Alias::new("stated_by"));
        stated_by.text();
        add_column(manager, "project_claim", stated_by).await?;
        add_reference(manager, "project_claim", "stated_by_id", "organization").await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_column(manager, "project_claim", "stated_by_id").await?;
        drop_column(manager, "project_claim", "stated_by").await
    }
}

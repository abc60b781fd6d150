//! Projects with their partners and milestones, national indicators, and the
//! sources that can be attached to any record.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use crate::helpers::{bookkeeping, create_indexes, fk, index_with_id, unique};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Project {
    Table,
    Id,
    Slug,
    Name,
    Status,
    CityId,
    // The park this project builds, once it exists as a park row.
    ParkId,
    CostUsd,
    AreaSqft,
    TargetYear,
    JobsTarget,
    ExportsTargetUsd,
    Notes,
}

#[derive(DeriveIden)]
enum ProjectPartner {
    Table,
    Id,
    ProjectId,
    OrganizationId,
    // Free text ("financier", "academic partner"...): the sources use many roles.
    Role,
}

#[derive(DeriveIden)]
enum Milestone {
    Table,
    Id,
    ProjectId,
    Title,
    Due,
    Reached,
}

#[derive(DeriveIden)]
enum Indicator {
    Table,
    Id,
    Key,
    Period,
    Value,
    Unit,
    Notes,
}

#[derive(DeriveIden)]
enum Source {
    Table,
    Id,
    // Which table the cited record lives in (`park`, `firm`...), and its id there.
    // Polymorphic on purpose: any record can carry citations, so no foreign key.
    RecordType,
    RecordId,
    Url,
    Title,
    AsOf,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                bookkeeping(
                    Table::create()
                        .table(Project::Table)
                        .if_not_exists()
                        .col(pk_auto(Project::Id))
                        .col(string(Project::Slug))
                        .col(string(Project::Name))
                        .col(string(Project::Status))
                        .col(integer(Project::CityId))
                        .col(integer_null(Project::ParkId))
                        .col(double_null(Project::CostUsd))
                        .col(big_integer_null(Project::AreaSqft))
                        .col(integer_null(Project::TargetYear))
                        .col(integer_null(Project::JobsTarget))
                        .col(double_null(Project::ExportsTargetUsd))
                        .col(text_null(Project::Notes))
                        .foreign_key(&mut fk("project", "city_id", "city"))
                        .foreign_key(&mut fk("project", "park_id", "park")),
                )
                .to_owned(),
            )
            .await?;
        manager
            .create_table(
                bookkeeping(
                    Table::create()
                        .table(ProjectPartner::Table)
                        .if_not_exists()
                        .col(pk_auto(ProjectPartner::Id))
                        .col(integer(ProjectPartner::ProjectId))
                        .col(integer(ProjectPartner::OrganizationId))
                        .col(string(ProjectPartner::Role))
                        .foreign_key(&mut fk("project_partner", "project_id", "project"))
                        .foreign_key(&mut fk(
                            "project_partner",
                            "organization_id",
                            "organization",
                        )),
                )
                .to_owned(),
            )
            .await?;
        manager
            .create_table(
                bookkeeping(
                    Table::create()
                        .table(Milestone::Table)
                        .if_not_exists()
                        .col(pk_auto(Milestone::Id))
                        .col(integer(Milestone::ProjectId))
                        .col(string(Milestone::Title))
                        .col(string_null(Milestone::Due))
                        .col(string_null(Milestone::Reached))
                        .foreign_key(&mut fk("milestone", "project_id", "project")),
                )
                .to_owned(),
            )
            .await?;
        manager
            .create_table(
                bookkeeping(
                    Table::create()
                        .table(Indicator::Table)
                        .if_not_exists()
                        .col(pk_auto(Indicator::Id))
                        .col(string(Indicator::Key))
                        .col(string(Indicator::Period))
                        .col(double(Indicator::Value))
                        .col(string(Indicator::Unit))
                        .col(text_null(Indicator::Notes)),
                )
                .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Source::Table)
                    .if_not_exists()
                    .col(pk_auto(Source::Id))
                    .col(string(Source::RecordType))
                    .col(integer(Source::RecordId))
                    .col(text(Source::Url))
                    .col(text_null(Source::Title))
                    .col(string_null(Source::AsOf))
                    .to_owned(),
            )
            .await?;
        create_indexes(
            manager,
            vec![
                unique("project", &["slug"]),
                index_with_id("project", &["name"]),
                index_with_id("project", &["cost_usd"]),
                index_with_id("project", &["target_year"]),
                index_with_id("project", &["jobs_target"]),
                index_with_id("project", &["city_id"]),
                index_with_id("project", &["park_id"]),
                index_with_id("project_partner", &["project_id"]),
                index_with_id("project_partner", &["organization_id"]),
                index_with_id("milestone", &["project_id"]),
                unique("indicator", &["key", "period"]),
                index_with_id("source", &["record_type", "record_id"]),
            ],
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            "source",
            "indicator",
            "milestone",
            "project_partner",
            "project",
        ] {
            manager
                .drop_table(Table::drop().table(Alias::new(table)).to_owned())
                .await?;
        }
        Ok(())
    }
}

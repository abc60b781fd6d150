//! Cities, organizations, parks, firms and the tenancies between firms and parks.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use crate::helpers::{bookkeeping, create_indexes, fk, index_with_id, unique};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum City {
    Table,
    Id,
    Slug,
    Name,
    // One of the Province enum's values, e.g. `SINDH`.
    Province,
}

#[derive(DeriveIden)]
enum Organization {
    Table,
    Id,
    Slug,
    Name,
    Kind,
}

#[derive(DeriveIden)]
enum Park {
    Table,
    Id,
    Slug,
    Name,
    Kind,
    // `UNKNOWN` where the sources support no status (e.g. a building lost to fire).
    Status,
    CityId,
    OperatorId,
    AreaSqft,
    OpenedYear,
    Notes,
}

#[derive(DeriveIden)]
enum Firm {
    Table,
    Id,
    Slug,
    Name,
    Sector,
    Employees,
}

#[derive(DeriveIden)]
enum Tenancy {
    Table,
    Id,
    ParkId,
    FirmId,
    AreaSqft,
    // ISO-8601 dates, possibly reduced precision (`2017`, `2017-09`); null = unknown.
    Since,
    Until,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                bookkeeping(
                    Table::create()
                        .table(City::Table)
                        .if_not_exists()
                        .col(pk_auto(City::Id))
                        .col(string(City::Slug))
                        .col(string(City::Name))
                        .col(string(City::Province)),
                )
                .to_owned(),
            )
            .await?;
        manager
            .create_table(
                bookkeeping(
                    Table::create()
                        .table(Organization::Table)
                        .if_not_exists()
                        .col(pk_auto(Organization::Id))
                        .col(string(Organization::Slug))
                        .col(string(Organization::Name))
                        .col(string(Organization::Kind)),
                )
                .to_owned(),
            )
            .await?;
        manager
            .create_table(
                bookkeeping(
                    Table::create()
                        .table(Park::Table)
                        .if_not_exists()
                        .col(pk_auto(Park::Id))
                        .col(string(Park::Slug))
                        .col(string(Park::Name))
                        .col(string(Park::Kind))
                        .col(string(Park::Status))
                        .col(integer(Park::CityId))
                        .col(integer_null(Park::OperatorId))
                        .col(big_integer_null(Park::AreaSqft))
                        .col(integer_null(Park::OpenedYear))
                        .col(text_null(Park::Notes))
                        .foreign_key(&mut fk("park", "city_id", "city"))
                        .foreign_key(&mut fk("park", "operator_id", "organization")),
                )
                .to_owned(),
            )
            .await?;
        manager
            .create_table(
                bookkeeping(
                    Table::create()
                        .table(Firm::Table)
                        .if_not_exists()
                        .col(pk_auto(Firm::Id))
                        .col(string(Firm::Slug))
                        .col(string(Firm::Name))
                        .col(string_null(Firm::Sector))
                        .col(integer_null(Firm::Employees)),
                )
                .to_owned(),
            )
            .await?;
        manager
            .create_table(
                bookkeeping(
                    Table::create()
                        .table(Tenancy::Table)
                        .if_not_exists()
                        .col(pk_auto(Tenancy::Id))
                        .col(integer(Tenancy::ParkId))
                        .col(integer(Tenancy::FirmId))
                        .col(big_integer_null(Tenancy::AreaSqft))
                        .col(string_null(Tenancy::Since))
                        .col(string_null(Tenancy::Until))
                        .foreign_key(&mut fk("tenancy", "park_id", "park"))
                        .foreign_key(&mut fk("tenancy", "firm_id", "firm")),
                )
                .to_owned(),
            )
            .await?;
        create_indexes(
            manager,
            vec![
                unique("city", &["slug"]),
                index_with_id("city", &["name"]),
                unique("organization", &["slug"]),
                index_with_id("organization", &["name"]),
                unique("park", &["slug"]),
                index_with_id("park", &["name"]),
                index_with_id("park", &["area_sqft"]),
                index_with_id("park", &["opened_year"]),
                index_with_id("park", &["city_id"]),
                index_with_id("park", &["operator_id"]),
                unique("firm", &["slug"]),
                index_with_id("firm", &["name"]),
                index_with_id("firm", &["employees"]),
                index_with_id("tenancy", &["park_id"]),
                index_with_id("tenancy", &["firm_id"]),
            ],
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in ["tenancy", "firm", "park", "organization", "city"] {
            manager
                .drop_table(Table::drop().table(Alias::new(table)).to_owned())
                .await?;
        }
        Ok(())
    }
}

//! Indicators as observations: a period as a kind with start and end dates
//! (and Pakistan's fiscal year, July to June, named by the year it ends),
//! a unit as a kind and currency, the approximation ("over", "about") and a
//! rank as columns, and the province, city or project a figure is about as
//! relations. The old `period` and `unit` strings stay.
//!
//! Rows already there keep `UNSPECIFIED` periods and `NORMAL` rank until an
//! import of `indicators.csv` fills them in: a period cannot be parsed here
//! from free text without guessing.

use sea_orm::DbBackend;
use sea_orm_migration::prelude::*;

use crate::helpers::{add_column, add_reference, bytewise_text, drop_column};

#[derive(DeriveMigrationName)]
pub struct Migration;

const TEXT: &[&str] = &["currency", "rank_reason", "province"];

/// The rows a figure may be about, each an optional id with its FOREIGN KEY.
const ABOUT: &[(&str, &str)] = &[("city_id", "city"), ("project_id", "project")];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let postgres = manager.get_database_backend() == DbBackend::Postgres;
        let column = |name: &str| ColumnDef::new(Alias::new(name));
        let mut columns = vec![
            column("period_kind")
                .string()
                .not_null()
                .default("UNSPECIFIED")
                .to_owned(),
            bytewise_text(postgres, "period_start"),
            bytewise_text(postgres, "period_end"),
            column("fiscal_year").integer().to_owned(),
            column("unit_kind")
                .string()
                .not_null()
                .default("COUNT")
                .to_owned(),
            column("approximation")
                .string()
                .not_null()
                .default("EXACT")
                .to_owned(),
            column("rank")
                .string()
                .not_null()
                .default("NORMAL")
                .to_owned(),
        ];
        columns.extend(TEXT.iter().map(|name| column(name).string().to_owned()));
        for def in columns {
            add_column(manager, "indicator", def).await?;
        }
        for (column, target) in ABOUT {
            add_reference(manager, "indicator", column, target).await?;
        }
        let db = manager.get_connection();
        db.execute_unprepared(
            "CREATE INDEX IF NOT EXISTS ix_indicator_period_kind_fiscal_year \
             ON indicator (period_kind, fiscal_year, id)",
        )
        .await?;
        // At most one preferred value per indicator and period.
        db.execute_unprepared(
            "CREATE UNIQUE INDEX IF NOT EXISTS ux_indicator_preferred ON indicator \
             (key, period_kind, COALESCE(period_start, ''), COALESCE(period_end, '')) \
             WHERE rank = 'PREFERRED'",
        )
        .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        db.execute_unprepared("DROP INDEX IF EXISTS ux_indicator_preferred")
            .await?;
        db.execute_unprepared("DROP INDEX IF EXISTS ix_indicator_period_kind_fiscal_year")
            .await?;
        let names = [
            "project_id",
            "city_id",
            "province",
            "rank_reason",
            "currency",
            "rank",
            "approximation",
            "unit_kind",
            "fiscal_year",
            "period_end",
            "period_start",
            "period_kind",
        ];
        for name in names {
            drop_column(manager, "indicator", name).await?;
        }
        Ok(())
    }
}

//! An indicator is known by its key, its period and its place (province,
//! city or project), no longer by a place written into the key
//! (`pseb_registered_it_companies:Punjab`). The unique index on
//! (key, period) becomes one on key, period and place, and so does the
//! index that keeps one preferred value; a key that carried, after a `:`,
//! the place its row also names by reference loses the suffix.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

const PLACE: &str = "COALESCE(province, ''), COALESCE(city_id, 0), COALESCE(project_id, 0)";
const PERIOD: &str = "period_kind, COALESCE(period_start, ''), COALESCE(period_end, '')";

const HAS_PLACE: &str = "(province IS NOT NULL OR city_id IS NOT NULL OR project_id IS NOT NULL)";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let find = match manager.get_database_backend() {
            DatabaseBackend::Postgres => "strpos(key, ':')",
            _ => "instr(key, ':')",
        };
        // Keys are ASCII identifiers, so LOWER is their folded form.
        let stripped = format!("substr(key, 1, {find} - 1)");
        let sql = format!(
            "UPDATE indicator SET key = {stripped}, key_folded = LOWER({stripped}) \
             WHERE {find} > 1 AND {HAS_PLACE}"
        );
        drop_indexes(manager).await?;
        manager.get_connection().execute_unprepared(&sql).await?;
        create_indexes(manager, true).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // Back to a place written into the key, so (key, period) is unique
        // again: the province's name as stored, else the city's or the
        // project's slug.
        let place = "COALESCE(province, (SELECT slug FROM city WHERE city.id = indicator.city_id), \
                     (SELECT slug FROM project WHERE project.id = indicator.project_id))";
        let sql = format!(
            "UPDATE indicator SET key = key || ':' || {place}, \
             key_folded = LOWER(key || ':' || {place}) WHERE {HAS_PLACE}"
        );
        drop_indexes(manager).await?;
        manager.get_connection().execute_unprepared(&sql).await?;
        create_indexes(manager, false).await
    }
}

/// Drops the unique indexes of either side, so keys can be rewritten row
/// by row (SQLite checks a unique index at each row of an UPDATE).
async fn drop_indexes(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    let db = manager.get_connection();
    for index in [
        "ux_indicator_key_period",
        "ux_indicator_key_period_place",
        "ux_indicator_preferred",
    ] {
        db.execute_unprepared(&format!("DROP INDEX IF EXISTS {index}"))
            .await?;
    }
    Ok(())
}

/// Creates the unique indexes: with `place`, on key, period and place;
/// without, on key and period.
async fn create_indexes(manager: &SchemaManager<'_>, place: bool) -> Result<(), DbErr> {
    let db = manager.get_connection();
    let (unique, by_place) = if place {
        (
            format!(
                "CREATE UNIQUE INDEX IF NOT EXISTS ux_indicator_key_period_place ON indicator (key, period, {PLACE})"
            ),
            format!(", {PLACE}"),
        )
    } else {
        (
            "CREATE UNIQUE INDEX IF NOT EXISTS ux_indicator_key_period ON indicator (key, period)"
                .to_owned(),
            String::new(),
        )
    };
    db.execute_unprepared(&unique).await?;
    db.execute_unprepared(&format!(
        "CREATE UNIQUE INDEX IF NOT EXISTS ux_indicator_preferred ON indicator (key, {PERIOD}{by_place}) \
         WHERE rank = 'PREFERRED'"
    ))
    .await?;
    Ok(())
}

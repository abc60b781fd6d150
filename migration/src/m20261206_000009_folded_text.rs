//! Folded copies of the text lists sort by and match against, so that both
//! backends give the same answers: `name_folded` on every named table,
//! `firm.sector_folded`, `indicator.key_folded` and `indicator.period_folded`.
//!
//! Before, names sorted in each database's own collation (SQLite: bytes, so
//! "NED" before "National"; PostgreSQL: the server's locale), and
//! `contains`/`startsWith` lower-cased with LOWER(), which SQLite applies to
//! ASCII alone. The application now folds the text on every write
//! (`entity::fold`), and the databases compare folded texts byte by byte:
//! SQLite's default BINARY collation, PostgreSQL's `"C"`, set on the column.
//!
//! Indexes follow the folded names: `(name_folded, id)` for sorting and
//! prefixes on both backends (it replaces SQLite's `name COLLATE NOCASE` and
//! PostgreSQL's `LOWER(name)` indexes), and the substring indexes of `search`
//! (a `pg_trgm` GIN index; SQLite's FTS5 trigram table, now case-sensitive
//! over text already folded).

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{DbBackend, Statement};

use crate::m20261128_000005_search_indexes as search;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// `(table, text column, folded column, nullable)`.
const FOLDED: [(&str, &str, &str, bool); 8] = [
    ("city", "name", "name_folded", false),
    ("organization", "name", "name_folded", false),
    ("park", "name", "name_folded", false),
    ("firm", "name", "name_folded", false),
    ("firm", "sector", "sector_folded", true),
    ("project", "name", "name_folded", false),
    ("indicator", "key", "key_folded", false),
    ("indicator", "period", "period_folded", false),
];

const NAMED: [&str; 5] = ["city", "park", "firm", "organization", "project"];

// `entity::fold` as it stands at this migration. A migration is history: if
// folding ever changes, a new migration folds the rows again.
fn fold(text: &str) -> String {
    text.to_lowercase()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let backend = manager.get_database_backend();
        let db = manager.get_connection();
        for (table, text, folded, nullable) in FOLDED {
            let collate = if backend == DbBackend::Postgres {
                " COLLATE \"C\""
            } else {
                ""
            };
            let constraint = if nullable { "" } else { " NOT NULL DEFAULT ''" };
            db.execute_unprepared(&format!(
                "ALTER TABLE {table} ADD COLUMN {folded} TEXT{collate}{constraint}"
            ))
            .await?;
            backfill(manager, table, text, folded).await?;
        }
        for table in NAMED {
            db.execute_unprepared(&format!(
                "CREATE INDEX IF NOT EXISTS ix_{table}_name_folded_id ON {table} (name_folded, id)"
            ))
            .await?;
        }
        let old = match backend {
            DbBackend::Postgres => ["lower_name", "name_trgm"].as_slice(),
            _ => ["name_nocase"].as_slice(),
        };
        for table in NAMED {
            for suffix in old {
                db.execute_unprepared(&format!("DROP INDEX IF EXISTS ix_{table}_{suffix}"))
                    .await?;
            }
        }
        for sql in search_indexes(backend, "name_folded") {
            db.execute_unprepared(&sql).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let backend = manager.get_database_backend();
        let db = manager.get_connection();
        for sql in search_indexes(backend, "name") {
            db.execute_unprepared(&sql).await?;
        }
        for table in NAMED {
            let old = match backend {
                DbBackend::Postgres => format!(
                    "CREATE INDEX IF NOT EXISTS ix_{table}_lower_name \
                     ON {table} (LOWER(name) text_pattern_ops)"
                ),
                _ => format!(
                    "CREATE INDEX IF NOT EXISTS ix_{table}_name_nocase \
                     ON {table} (name COLLATE NOCASE)"
                ),
            };
            db.execute_unprepared(&old).await?;
            db.execute_unprepared(&format!("DROP INDEX IF EXISTS ix_{table}_name_folded_id"))
                .await?;
        }
        for (table, _, folded, _) in FOLDED {
            db.execute_unprepared(&format!("ALTER TABLE {table} DROP COLUMN {folded}"))
                .await?;
        }
        Ok(())
    }
}

/// Fills `folded` from `text` in the rows already there: pure-ASCII text in
/// one statement (a bulk-seeded benchmark table holds a million names), the
/// rest row by row through [`fold`].
async fn backfill(
    manager: &SchemaManager<'_>,
    table: &str,
    text: &str,
    folded: &str,
) -> Result<(), DbErr> {
    let backend = manager.get_database_backend();
    let db = manager.get_connection();
    // LOWER() ignores the locale on SQLite only; TRANSLATE() maps A-Z alone.
    let (ascii_fold, only_ascii, not_ascii) = match backend {
        DbBackend::Postgres => (
            format!(
                "TRANSLATE({text}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"
            ),
            format!("{text} !~ '[^ -~]'"),
            format!("{text} ~ '[^ -~]'"),
        ),
        _ => (
            format!("LOWER({text})"),
            format!("{text} NOT GLOB '*[^ -~]*'"),
            format!("{text} GLOB '*[^ -~]*'"),
        ),
    };
    db.execute_unprepared(&format!(
        "UPDATE {table} SET {folded} = {ascii_fold} WHERE {only_ascii}"
    ))
    .await?;
    let rows = db
        .query_all_raw(Statement::from_string(
            backend,
            format!("SELECT id, {text} AS text FROM {table} WHERE {not_ascii}"),
        ))
        .await?;
    for row in rows {
        let id: i32 = row.try_get("", "id")?;
        let value: String = row.try_get("", "text")?;
        let placeholder = if backend == DbBackend::Postgres {
            ["$1", "$2"]
        } else {
            ["?", "?"]
        };
        db.execute_raw(Statement::from_sql_and_values(
            backend,
            format!(
                "UPDATE {table} SET {folded} = {} WHERE id = {}",
                placeholder[0], placeholder[1]
            ),
            [fold(&value).into(), id.into()],
        ))
        .await?;
    }
    Ok(())
}

/// The statements that put `search`'s substring indexes on `column` of
/// every named table, dropping those on the other column first.
fn search_indexes(backend: DbBackend, column: &str) -> Vec<String> {
    let mut statements = Vec::new();
    for table in NAMED {
        match backend {
            DbBackend::Postgres => {
                statements.push(format!("DROP INDEX IF EXISTS ix_{table}_name_trgm"));
                statements.push(format!("DROP INDEX IF EXISTS ix_{table}_name_folded_trgm"));
            }
            _ => statements.extend(search::sqlite_down(table)),
        }
    }
    match backend {
        DbBackend::Postgres if column == "name" => statements.extend(search::postgres_up()),
        DbBackend::Postgres => statements.extend(NAMED.map(|table| {
            format!(
                "CREATE INDEX IF NOT EXISTS ix_{table}_name_folded_trgm \
                 ON {table} USING gin (name_folded gin_trgm_ops)"
            )
        })),
        _ if column == "name" => {
            statements.extend(NAMED.iter().flat_map(|t| search::sqlite_up(t)));
        }
        _ => statements.extend(
            NAMED
                .iter()
                .flat_map(|t| search::sqlite_up_on(t, column, "trigram case_sensitive 1")),
        ),
    }
    statements
}

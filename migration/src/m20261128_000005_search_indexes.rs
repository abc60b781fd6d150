//! Substring indexes for `search`, which matches `LOWER(name) LIKE '%text%'`
//! on every named table. Without them each search read all five tables
//! (Q5 at synthetic scale 10: 1,000,000 firms, 4-6 s).
//!
//! - PostgreSQL: a `pg_trgm` GIN index on `LOWER(name)`, the expression the
//!   query filters on, so the LIKE itself becomes a bitmap index scan. The
//!   index maintains itself on every write.
//! - SQLite: an external-content FTS5 table `{table}_search` with the
//!   `trigram` tokenizer (case-insensitive), filled here and kept in step by
//!   triggers on insert, delete and rename. The search service asks it with
//!   MATCH for candidate ids and keeps the LIKE as the exact test.
//!
//! Neither can narrow a search shorter than three characters (no trigram to
//! look up); those still read every row.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DbBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

const SEARCHED: [&str; 5] = ["park", "firm", "project", "city", "organization"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        let statements = match manager.get_database_backend() {
            DbBackend::Postgres => postgres_up(),
            DbBackend::Sqlite => SEARCHED.iter().flat_map(|t| sqlite_up(t)).collect(),
            _ => Vec::new(),
        };
        for sql in statements {
            db.execute_unprepared(&sql).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        for table in SEARCHED {
            let statements = match manager.get_database_backend() {
                // The extension stays: other objects may have come to use it.
                DbBackend::Postgres => {
                    vec![format!("DROP INDEX IF EXISTS ix_{table}_name_trgm")]
                }
                DbBackend::Sqlite => sqlite_down(table),
                _ => Vec::new(),
            };
            for sql in statements {
                db.execute_unprepared(&sql).await?;
            }
        }
        Ok(())
    }
}

pub(crate) fn postgres_up() -> Vec<String> {
    let mut statements = vec!["CREATE EXTENSION IF NOT EXISTS pg_trgm".to_owned()];
    statements.extend(SEARCHED.map(|table| {
        format!(
            "CREATE INDEX IF NOT EXISTS ix_{table}_name_trgm \
             ON {table} USING gin (LOWER(name) gin_trgm_ops)"
        )
    }));
    statements
}

// `(event, body)` of the triggers that keep `{t}_search` in step with `{t}`.
// An external-content FTS5 table forgets a row only when told the old text.
const TRIGGERS: [(&str, &str); 3] = [
    ("insert", "AFTER INSERT ON {t} BEGIN {add} END"),
    ("delete", "AFTER DELETE ON {t} BEGIN {remove} END"),
    (
        "rename",
        "AFTER UPDATE OF id, {c} ON {t} BEGIN {remove} {add} END",
    ),
];

/// The FTS5 table and triggers that index `table.name`.
pub(crate) fn sqlite_up(table: &str) -> Vec<String> {
    sqlite_up_on(table, "name", "trigram")
}

/// The FTS5 table `{table}_search` over `table.column`, with `tokenize`,
/// the triggers that keep it in step, and its first fill.
pub(crate) fn sqlite_up_on(table: &str, column: &str, tokenize: &str) -> Vec<String> {
    let search = format!("{table}_search");
    let add = format!("INSERT INTO {search} (rowid, {column}) VALUES (new.id, new.{column});");
    let remove = format!(
        "INSERT INTO {search} ({search}, rowid, {column}) VALUES ('delete', old.id, old.{column});"
    );
    let mut statements = vec![format!(
        "CREATE VIRTUAL TABLE IF NOT EXISTS {search} USING fts5 \
         ({column}, content='{table}', content_rowid='id', tokenize='{tokenize}')"
    )];
    statements.extend(TRIGGERS.iter().map(|(event, body)| {
        let body = body
            .replace("{t}", table)
            .replace("{c}", column)
            .replace("{add}", &add)
            .replace("{remove}", &remove);
        format!("CREATE TRIGGER IF NOT EXISTS {search}_{event} {body}")
    }));
    // Index the rows written before this migration.
    statements.push(format!(
        "INSERT INTO {search} ({search}) VALUES ('rebuild')"
    ));
    statements
}

/// Drops `{table}_search` and its triggers.
pub(crate) fn sqlite_down(table: &str) -> Vec<String> {
    let mut drops: Vec<String> = TRIGGERS
        .iter()
        .map(|(event, _)| format!("DROP TRIGGER IF EXISTS {table}_search_{event}"))
        .collect();
    drops.push(format!("DROP TABLE IF EXISTS {table}_search"));
    drops
}

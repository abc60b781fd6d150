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
                DbBackend::Sqlite => {
                    let mut drops: Vec<String> = TRIGGERS
                        .iter()
                        .map(|(event, _)| format!("DROP TRIGGER IF EXISTS {table}_search_{event}"))
                        .collect();
                    drops.push(format!("DROP TABLE IF EXISTS {table}_search"));
                    drops
                }
                _ => Vec::new(),
            };
            for sql in statements {
                db.execute_unprepared(&sql).await?;
            }
        }
        Ok(())
    }
}

fn postgres_up() -> Vec<String> {
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
        "AFTER UPDATE OF id, name ON {t} BEGIN {remove} {add} END",
    ),
];

fn sqlite_up(table: &str) -> Vec<String> {
    let search = format!("{table}_search");
    let add = format!("INSERT INTO {search} (rowid, name) VALUES (new.id, new.name);");
    let remove = format!(
        "INSERT INTO {search} ({search}, rowid, name) VALUES ('delete', old.id, old.name);"
    );
    let mut statements = vec![format!(
        "CREATE VIRTUAL TABLE IF NOT EXISTS {search} USING fts5 \
         (name, content='{table}', content_rowid='id', tokenize='trigram')"
    )];
    statements.extend(TRIGGERS.iter().map(|(event, body)| {
        let body = body
            .replace("{t}", table)
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

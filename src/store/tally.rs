//! What one request's statements did: how many ran, and, when asked, which
//! of the database's tables they named. The response cache keeps an answer
//! only with the tables it was read from, so that a write to any of them
//! retires it.
//!
//! Tables are found in the statement's text, not in how it was built: every
//! statement passes here, whoever wrote it (listings, loaders, search, hand
//! written SQL). An identifier that names a table counts, wherever it stands,
//! so a column that shares a table's name only ever adds a table; a table
//! read without its name in the text is impossible in SQL.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};

use sea_orm::{ConnectionTrait, DbBackend, DbErr, Statement};

use super::Db;

/// The most tables [`Tables`] numbers; a database with more counts every
/// table past them as [`Tables::OTHER`].
const CAPACITY: usize = 127;

/// The database's tables, numbered for a bit set.
#[derive(Debug)]
pub struct Tables {
    index: HashMap<String, u8>,
    names: Vec<String>,
}

impl Tables {
    /// The bit of tables past [`CAPACITY`].
    pub const OTHER: u8 = CAPACITY as u8;

    /// Every table (and view) of `db`'s schema, SQLite's FTS tables and
    /// their shadow tables among them.
    pub async fn load(db: &Db) -> Result<Self, DbErr> {
        let sql = match db.backend() {
            DbBackend::Postgres => {
                "SELECT table_name AS name FROM information_schema.tables \
                 WHERE table_schema = current_schema() ORDER BY table_name"
            }
            _ => "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name",
        };
        let rows = db
            .conn
            .query_all_raw(Statement::from_string(db.backend(), sql))
            .await?;
        let names = rows
            .iter()
            .map(|row| row.try_get::<String>("", "name"))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Self::new(names))
    }

    /// Tables named `names`, numbered in that order.
    pub fn new(names: Vec<String>) -> Self {
        let index = (names.iter().enumerate())
            .map(|(n, name)| (name.clone(), n.min(CAPACITY) as u8))
            .collect();
        Self { index, names }
    }

    /// The table numbered `bit`; None for [`Tables::OTHER`] and beyond.
    pub fn name(&self, bit: u8) -> Option<&str> {
        let bit = usize::from(bit);
        (bit < CAPACITY).then(|| self.names.get(bit).map(String::as_str))?
    }

    /// The tables `sql` names, as a bit set.
    pub fn named(&self, sql: &str) -> u128 {
        let mut found = 0u128;
        let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
        for token in sql.split(|c: char| !(c.is_ascii() && word(c as u8))) {
            if let Some(bit) = self.index.get(token) {
                found |= 1 << bit;
            }
        }
        found
    }
}

/// The statements of one request, counted; with [`Tally::watching`], the
/// tables they named too.
#[derive(Debug, Default)]
pub struct Tally {
    statements: AtomicU64,
    named: [AtomicU64; 2],
    tables: Option<std::sync::Arc<Tables>>,
}

impl Tally {
    /// A tally that also notes the tables of `tables` each statement names.
    pub fn watching(tables: std::sync::Arc<Tables>) -> Self {
        Self {
            tables: Some(tables),
            ..Self::default()
        }
    }

    /// Statements run so far.
    pub fn statements(&self) -> u64 {
        self.statements.load(Ordering::Relaxed)
    }

    /// The tables named so far, as a bit set of [`Tables`] numbers.
    pub fn named(&self) -> u128 {
        let [low, high] = &self.named;
        u128::from(low.load(Ordering::Relaxed)) | u128::from(high.load(Ordering::Relaxed)) << 64
    }

    pub(super) fn ran(&self, sql: &str) {
        self.statements.fetch_add(1, Ordering::Relaxed);
        if let Some(tables) = &self.tables {
            let found = tables.named(sql);
            let [low, high] = &self.named;
            low.fetch_or(found as u64, Ordering::Relaxed);
            high.fetch_or((found >> 64) as u64, Ordering::Relaxed);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tables() -> Tables {
        let names = ["city", "park", "park_search", "tenancy"];
        Tables::new(names.iter().map(|n| n.to_string()).collect())
    }

    #[test]
    fn quoted_and_bare_table_names_count_and_columns_named_after_tables_do_not_hide_any() {
        let tables = tables();
        let sql = r#"SELECT "park"."name", "park"."city_id" FROM "park" JOIN city ON city.id = "park"."city_id""#;
        assert_eq!(tables.named(sql), 0b0011);
        let search = "SELECT rowid FROM park_search WHERE park_search MATCH $1";
        assert_eq!(tables.named(search), 0b0100);
        assert_eq!(tables.named("SELECT 1"), 0);
    }

    #[test]
    fn a_tally_watching_tables_collects_them_over_statements() {
        let tally = Tally::watching(std::sync::Arc::new(tables()));
        tally.ran(r#"SELECT * FROM "park""#);
        tally.ran("SELECT * FROM tenancy WHERE park_id = 1");
        assert_eq!(tally.statements(), 2);
        assert_eq!(tally.named(), 0b1010);
        let plain = Tally::default();
        plain.ran(r#"SELECT * FROM "park""#);
        assert_eq!((plain.statements(), plain.named()), (1, 0));
    }

    #[test]
    fn tables_past_the_capacity_share_one_bit() {
        let names: Vec<String> = (0..200).map(|n| format!("t{n}")).collect();
        let tables = Tables::new(names);
        assert_eq!(
            tables.named("SELECT * FROM t150 JOIN t199"),
            1 << Tables::OTHER
        );
        assert_eq!(tables.name(Tables::OTHER), None);
        assert_eq!(tables.name(3), Some("t3"));
    }
}

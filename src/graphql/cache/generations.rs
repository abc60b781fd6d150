//! What the change log has told this process: for each kind of record, the
//! id of the last change that touched it. A cached answer keeps what was
//! known when its read began; it is served only while every kind it read
//! still has the same last change.
//!
//! Every write appends to the change log in its own transaction, and change
//! ids are handed out in commit order (the write lock), so the log's head
//! is a complete account of what has committed: a replica that reads the
//! head before serving a cached answer knows of every write acknowledged
//! before the request arrived, on any replica. That one indexed read per
//! hit is what makes the cache never stale; a NOTIFY can arrive after the
//! next request does.

use std::sync::Mutex;

use sea_orm::{ConnectionTrait, DbErr, Statement};

use crate::records::Kind;
use crate::records::derived::FOLLOWS;
use crate::store::Db;

const KINDS: usize = Kind::ALL.len();

/// What this process knew of the change log at one moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Seen {
    // Moves when changes were trimmed from the log before this process read
    // them: which kinds they touched is lost, so everything counts as changed.
    epoch: u64,
    last: [i64; KINDS],
}

impl Seen {
    /// True when no kind in `kinds` (a bit per [`Kind`]) changed between
    /// `self` and `now`.
    pub fn same_for(&self, now: &Seen, kinds: u64) -> bool {
        self.epoch == now.epoch
            && (0..KINDS)
                .filter(|k| kinds & (1 << k) != 0)
                .all(|k| self.last[k] == now.last[k])
    }

    fn touch(&mut self, kind: Kind, id: i64) {
        // A change of `kind` is also a change of every kind that keeps
        // columns following from it, and of theirs in turn.
        let mut changed = vec![kind];
        while let Some(kind) = changed.pop() {
            let last = &mut self.last[kind as usize];
            if *last < id {
                *last = id;
                changed.extend(
                    FOLLOWS
                        .iter()
                        .filter(|(_, of)| *of == kind)
                        .map(|(k, _)| *k),
                );
            }
        }
    }
}

#[derive(Debug)]
struct State {
    seen: Seen,
    // The change log's head as far as `seen` accounts for it.
    head: i64,
}

/// The kinds' last changes, as this process has read them from the log.
#[derive(Debug)]
pub struct Generations {
    state: Mutex<State>,
    reading: tokio::sync::Mutex<()>,
}

impl Default for Generations {
    fn default() -> Self {
        Self {
            state: Mutex::new(State {
                seen: Seen {
                    epoch: 0,
                    last: [0; KINDS],
                },
                head: 0,
            }),
            reading: tokio::sync::Mutex::new(()),
        }
    }
}

impl Generations {
    /// What this process knows now, without asking the database. Whatever a
    /// read that starts later sees is at least this recent.
    pub fn known(&self) -> Seen {
        self.lock().seen
    }

    /// What the change log says now: one indexed read of its head and, when
    /// it moved, one read of the kinds its new changes touched (or, when it
    /// went back, a second read of the head to be sure).
    pub async fn now(&self, db: &Db) -> Result<Seen, DbErr> {
        let head = i64::from(crate::changes::head(&db.conn).await?.unwrap_or(0));
        if head == self.lock().head {
            return Ok(self.known());
        }
        let _one_reader = self.reading.lock().await;
        let from = self.lock().head;
        if head < from {
            // Read again: another reader may have moved past the head read above.
            let again = i64::from(crate::changes::head(&db.conn).await?.unwrap_or(0));
            if again < from {
                // Change ids went back (the log emptied, or a database restored under the
                // server): which kinds changed is unknown, so every kind has.
                // The ids to come are counted afresh.
                let mut state = self.lock();
                state.seen.epoch += 1;
                state.seen.last = [0; KINDS];
                state.head = again;
                return Ok(state.seen);
            }
        }
        if head <= from {
            return Ok(self.known());
        }
        let sql = format!(
            "SELECT record_type, MAX(id) AS last FROM change \
             WHERE id > {from} AND id <= {head} GROUP BY record_type"
        );
        let rows = (db.conn)
            .query_all_raw(Statement::from_string(db.backend(), sql))
            .await?;
        let trimmed = i64::from(crate::changes::trimmed_through(&db.conn).await?);
        let mut state = self.lock();
        if trimmed > from {
            state.seen.epoch += 1;
        }
        for row in rows {
            let record_type: String = row.try_get("", "record_type")?;
            let last = i64::from(row.try_get::<i32>("", "last")?);
            match Kind::from_type(&record_type) {
                Some(kind) => state.seen.touch(kind, last),
                None => state.seen.epoch += 1,
            }
        }
        state.head = head;
        Ok(state.seen)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::derived::KEPT_FROM;

    fn bit(kind: Kind) -> u64 {
        1 << kind as usize
    }

    #[test]
    fn a_change_moves_its_kind_and_the_kinds_that_follow_it_and_no_other() {
        let before = Generations::default().known();
        let mut after = before;
        after.touch(Kind::TenancyObservation, 7);
        assert!(!before.same_for(&after, bit(Kind::TenancyObservation)));
        // A tenancy's sightings follow its observations; a park's tenant
        // count follows its tenancies.
        assert!(!before.same_for(&after, bit(Kind::Tenancy)));
        assert!(!before.same_for(&after, bit(Kind::Park)));
        assert!(before.same_for(&after, bit(Kind::City) | bit(Kind::Firm)));
    }

    /// The tables a trigger's SQL writes: after `INSERT INTO`, `DELETE
    /// FROM` and `UPDATE` (not the trigger's own `AFTER UPDATE [OF]`, nor an
    /// upsert's `DO UPDATE`). Tables it only reads do not change.
    fn written(sql: &str) -> Vec<String> {
        let words: Vec<String> = (sql.split(|c: char| c.is_whitespace() || c == '(' || c == ';'))
            .filter(|w| !w.is_empty())
            .map(str::to_ascii_lowercase)
            .collect();
        let mut tables = Vec::new();
        for (i, word) in words.iter().enumerate().skip(1) {
            let before = words[i - 1].as_str();
            let writes = matches!(
                (before, word.as_str()),
                ("insert", "into") | ("delete", "from")
            ) || (word == "update" && !matches!(before, "after" | "before" | "do"));
            if let Some(table) = words.get(i + 1).filter(|_| writes) {
                tables.push(table.clone());
            }
        }
        tables
    }

    /// Every trigger that writes another record's table than its own (not
    /// its own full-text index) makes that record follow its own: otherwise
    /// a cached answer reading the other would outlive the trigger's change.
    /// A table kept from records ([`KEPT_FROM`]) is written only by their
    /// triggers.
    #[tokio::test]
    async fn every_trigger_that_writes_another_records_table_is_declared_as_following() {
        let db = Db::connect("sqlite::memory:", 1).await.unwrap();
        db.migrate().await.unwrap();
        let sql = "SELECT tbl_name, sql FROM sqlite_master WHERE type = 'trigger'";
        let rows = (db.conn)
            .query_all_raw(Statement::from_string(db.backend(), sql))
            .await
            .unwrap();
        assert!(!rows.is_empty());
        let mut undeclared = Vec::new();
        for row in rows {
            let on: String = row.try_get("", "tbl_name").unwrap();
            let own = Kind::from_table(&on).expect("triggers are on records' tables");
            for table in written(&row.try_get::<String>("", "sql").unwrap()) {
                let kept: Vec<Kind> = (KEPT_FROM.iter())
                    .filter(|(t, _)| *t == table)
                    .map(|(_, from)| *from)
                    .collect();
                match Kind::from_table(&table) {
                    Some(other) if other != own && !FOLLOWS.contains(&(other, own)) => {
                        undeclared.push(format!("{table} follows {on}"));
                    }
                    None if !kept.contains(&own) && !table.starts_with(&format!("{on}_search")) => {
                        undeclared.push(format!("{table} is not declared kept from {on}"));
                    }
                    _ => {}
                }
            }
        }
        assert!(undeclared.is_empty(), "{undeclared:?}");
    }

    #[test]
    fn a_triggers_written_tables_are_those_after_insert_update_and_delete() {
        let sql = "CREATE TRIGGER t AFTER UPDATE OF a ON park WHEN x BEGIN \
            INSERT INTO park_city_totals (a) SELECT 1 FROM city WHERE true \
            ON CONFLICT (a) DO UPDATE SET a = 1; UPDATE park SET b = 2; \
            DELETE FROM tenancy WHERE id = (SELECT id FROM firm); END";
        assert_eq!(written(sql), ["park_city_totals", "park", "tenancy"]);
    }

    async fn log(db: &Db, sql: &str) {
        (db.conn)
            .execute_raw(Statement::from_string(db.backend(), sql.to_owned()))
            .await
            .unwrap();
    }

    const PARK_CHANGE: &str = "INSERT INTO change (record_type, record_key, operation, at) \
        VALUES ('park', 'p', 'UPDATE', '2026-12-07T00:00:00Z')";

    /// A change the log records moves its kind; change ids that go back
    /// (a database restored under the server) move every kind, so that no
    /// answer kept before is served after.
    #[tokio::test]
    async fn the_log_moving_forward_or_back_is_seen() {
        let db = Db::connect("sqlite::memory:", 1).await.unwrap();
        db.migrate().await.unwrap();
        let generations = Generations::default();
        let start = generations.now(&db).await.unwrap();
        let all = u64::MAX;

        log(&db, PARK_CHANGE).await;
        let moved = generations.now(&db).await.unwrap();
        assert!(!start.same_for(&moved, bit(Kind::Park)));
        assert!(start.same_for(&moved, bit(Kind::City)));
        assert!(moved.same_for(&generations.now(&db).await.unwrap(), all));

        log(&db, "DELETE FROM change").await;
        log(&db, "DELETE FROM sqlite_sequence WHERE name = 'change'").await;
        let restored = generations.now(&db).await.unwrap();
        assert!(!moved.same_for(&restored, bit(Kind::City)));
        log(&db, PARK_CHANGE).await;
        let after = generations.now(&db).await.unwrap();
        assert!(!restored.same_for(&after, bit(Kind::Park)));
        assert!(restored.same_for(&after, bit(Kind::City)));
    }

    #[test]
    fn a_later_epoch_differs_for_every_kind() {
        let before = Generations::default().known();
        let mut after = before;
        after.epoch += 1;
        assert!(!before.same_for(&after, bit(Kind::City)));
        assert!(before.same_for(&before, u64::MAX));
    }
}

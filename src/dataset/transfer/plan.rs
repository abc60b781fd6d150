//! What an import does to each of its rows (create, update, nothing), and
//! doing it: inserts in large batches, updates with a bumped version, every
//! change logged.

use std::collections::HashMap;

use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DbBackend, EntityTrait, IntoActiveModel, Iterable,
    ModelTrait, Statement,
};

use super::read::Current;
use crate::error::AppResult;
use crate::records::{Dataset, Fields, Kind, Record, Refs, Rows, diff, for_each_record, key_of};
use crate::writes::Write;

// Rows per INSERT: well under SQLite's and PostgreSQL's parameter limits.
const PARAMETERS_PER_STATEMENT: usize = 30_000;

/// One imported row's fate.
pub enum Fate {
    /// Its key is new.
    Create,
    /// Its key exists with other values: these, at this version.
    Update { before: Fields, version: i32 },
    /// Its key exists with the same values.
    Same,
}

/// Which imported rows change, per kind, as (row index, is new).
pub type Touched = HashMap<Kind, Vec<(usize, bool)>>;

/// The fate of every imported row, per kind, in load order.
pub struct Plan(Vec<(Kind, Vec<Fate>)>);

/// The fate of each row of `rows` given the database's rows with their keys.
fn judge<R: Record>(rows: &[R], current: &Current, refs: &Refs) -> (Kind, Vec<Fate>) {
    let none = HashMap::new();
    let existing = current.get(&R::KIND).unwrap_or(&none);
    let fates = rows
        .iter()
        .map(|row| {
            let fields = row.fields(refs);
            match existing.get(&key_of::<R>(&fields)) {
                None => Fate::Create,
                Some(old) if diff(&old.fields, &fields).is_none() => Fate::Same,
                Some(old) => Fate::Update {
                    before: old.fields.clone(),
                    version: old.version,
                },
            }
        })
        .collect();
    (R::KIND, fates)
}

impl Plan {
    /// Compares each imported row of `data` with the database's `current`
    /// rows of the same keys.
    pub fn new(data: &Dataset, current: &Current, refs: &Refs) -> Self {
        let mut fates = Vec::new();
        for_each_record!(E => { fates.push(judge::<E>(data.rows(), current, refs)); });
        Self(fates)
    }

    /// (created, updated, unchanged).
    pub fn counts(&self) -> (usize, usize, usize) {
        let mut counts = (0, 0, 0);
        for fate in self.0.iter().flat_map(|(_, fates)| fates) {
            match fate {
                Fate::Create => counts.0 += 1,
                Fate::Update { .. } => counts.1 += 1,
                Fate::Same => counts.2 += 1,
            }
        }
        counts
    }

    /// The rows that would change.
    pub fn touched(&self) -> Touched {
        self.0
            .iter()
            .map(|(kind, fates)| {
                let rows = fates
                    .iter()
                    .enumerate()
                    .filter_map(|(n, fate)| match fate {
                        Fate::Create => Some((n, true)),
                        Fate::Update { .. } => Some((n, false)),
                        Fate::Same => None,
                    })
                    .collect();
                (*kind, rows)
            })
            .collect()
    }

    /// Writes every change, table by table in load order.
    pub async fn apply(self, w: &mut Write, data: &Dataset, refs: &Refs) -> AppResult<()> {
        let mut fates: HashMap<Kind, Vec<Fate>> = self.0.into_iter().collect();
        for_each_record!(E => {
            let mine = fates.remove(&E::KIND).unwrap_or_default();
            apply::<E, _>(w, refs, Rows::<E>::rows(data), mine).await?;
        });
        if w.txn().get_database_backend() == DbBackend::Postgres {
            advance_sequences(w).await?;
        }
        Ok(())
    }
}

async fn apply<M, E>(w: &mut Write, refs: &Refs, rows: &[M], fates: Vec<Fate>) -> AppResult<()>
where
    M: Record + Clone + IntoActiveModel<E::ActiveModel> + ModelTrait<Entity = E>,
    E: EntityTrait<Model = M>,
    E::ActiveModel: ActiveModelTrait<Entity = E> + Send,
{
    let mut inserts = Vec::new();
    for (row, fate) in rows.iter().zip(fates) {
        match fate {
            Fate::Create => {
                w.created::<M>(row.fields(refs), row.version());
                inserts.push(row.clone().into_active_model().reset_all());
            }
            Fate::Update { before, version } => {
                let mut next = row.clone();
                next.set_version(version + 1);
                w.updated::<M>(&before, &next.fields(refs), version + 1);
                next.into_active_model().reset_all().update(w.txn()).await?;
            }
            Fate::Same => {}
        }
    }
    let chunk = PARAMETERS_PER_STATEMENT / E::Column::iter().count().max(1);
    let mut inserts = inserts.into_iter().peekable();
    while inserts.peek().is_some() {
        let batch: Vec<E::ActiveModel> = inserts.by_ref().take(chunk).collect();
        E::insert_many(batch)
            .exec_without_returning(w.txn())
            .await?;
    }
    Ok(())
}

/// Moves each PostgreSQL sequence past the ids the import chose (never back,
/// so ids of deleted rows are not handed out again).
async fn advance_sequences(w: &Write) -> AppResult<()> {
    for table in Kind::ALL.iter().map(|k| k.table()) {
        let sql = format!(
            "SELECT setval('{table}_id_seq', GREATEST((SELECT COALESCE(MAX(id), 0) FROM {table}), (SELECT last_value FROM {table}_id_seq)))"
        );
        w.txn()
            .execute_raw(Statement::from_string(DbBackend::Postgres, sql))
            .await?;
    }
    Ok(())
}

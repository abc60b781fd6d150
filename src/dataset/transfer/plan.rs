//! What an import does to each of its rows (create, update, nothing), and
//! doing it: inserts in large batches, updates with a bumped version, every
//! change logged.

use std::collections::HashMap;

use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DbBackend, EntityTrait, IntoActiveModel, Iterable,
    ModelTrait, Statement,
};

use super::export::{Row, Snapshot};
use super::merge::Merged;
use super::records::{Fields, Record, Refs, diff, key_of};
use crate::dataset::seed::Dataset;
use crate::error::AppResult;
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

/// Which imported rows change, per file, as (row index, is new).
pub type Touched = HashMap<&'static str, Vec<(usize, bool)>>;

/// The fate of every imported row, per file, in load order.
pub struct Plan(Vec<(&'static str, Vec<Fate>)>);

struct Judge<'a> {
    current: HashMap<&'a str, HashMap<&'a str, &'a Row>>,
    refs: &'a Refs,
    merged: &'a Merged,
}

impl Judge<'_> {
    fn of<R: Record>(&self, file: &'static str, rows: &[R]) -> (&'static str, Vec<Fate>) {
        let existing = &self.current[file];
        let fates = rows[..self.merged.imported(file).min(rows.len())]
            .iter()
            .map(|row| {
                let fields = row.fields(self.refs);
                match existing.get(key_of::<R>(&fields).as_str()) {
                    None => Fate::Create,
                    Some(old) if diff(&old.fields, &fields).is_none() => Fate::Same,
                    Some(old) => Fate::Update {
                        before: old.fields.clone(),
                        version: old.version,
                    },
                }
            })
            .collect();
        (file, fates)
    }
}

impl Plan {
    /// Compares each imported row of `data` with the database's `current` rows.
    pub fn new(data: &Dataset, merged: &Merged, current: &Snapshot, refs: &Refs) -> Self {
        let judge = Judge {
            current: current
                .iter()
                .map(|(file, rows)| (*file, rows.iter().map(|r| (r.key.as_str(), r)).collect()))
                .collect(),
            refs,
            merged,
        };
        Self(vec![
            judge.of("cities.csv", &data.cities),
            judge.of("organizations.csv", &data.organizations),
            judge.of("parks.csv", &data.parks),
            judge.of("firms.csv", &data.firms),
            judge.of("tenancies.csv", &data.tenancies),
            judge.of("projects.csv", &data.projects),
            judge.of("project_partners.csv", &data.partners),
            judge.of("milestones.csv", &data.milestones),
            judge.of("indicators.csv", &data.indicators),
            judge.of("sources.csv", &data.sources),
        ])
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
            .map(|(file, fates)| {
                let rows = fates
                    .iter()
                    .enumerate()
                    .filter_map(|(n, fate)| match fate {
                        Fate::Create => Some((n, true)),
                        Fate::Update { .. } => Some((n, false)),
                        Fate::Same => None,
                    })
                    .collect();
                (*file, rows)
            })
            .collect()
    }

    /// Writes every change, table by table in load order.
    pub async fn apply(self, w: &mut Write, data: &Dataset, refs: &Refs) -> AppResult<()> {
        let mut fates: HashMap<&str, Vec<Fate>> = self.0.into_iter().collect();
        let mut take = |file: &str| fates.remove(file).unwrap_or_default();
        apply(w, refs, &data.cities, take("cities.csv")).await?;
        apply(w, refs, &data.organizations, take("organizations.csv")).await?;
        apply(w, refs, &data.parks, take("parks.csv")).await?;
        apply(w, refs, &data.firms, take("firms.csv")).await?;
        apply(w, refs, &data.tenancies, take("tenancies.csv")).await?;
        apply(w, refs, &data.projects, take("projects.csv")).await?;
        apply(w, refs, &data.partners, take("project_partners.csv")).await?;
        apply(w, refs, &data.milestones, take("milestones.csv")).await?;
        apply(w, refs, &data.indicators, take("indicators.csv")).await?;
        apply(w, refs, &data.sources, take("sources.csv")).await?;
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
                w.created::<M>(row.fields(refs));
                inserts.push(row.clone().into_active_model().reset_all());
            }
            Fate::Update { before, version } => {
                let mut next = row.clone();
                next.set_version(version + 1);
                w.updated::<M>(&before, &next.fields(refs));
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
    for table in crate::dataset::seed::TABLES {
        let sql = format!(
            "SELECT setval('{table}_id_seq', GREATEST((SELECT COALESCE(MAX(id), 0) FROM {table}), (SELECT last_value FROM {table}_id_seq)))"
        );
        w.txn()
            .execute_raw(Statement::from_string(DbBackend::Postgres, sql))
            .await?;
    }
    Ok(())
}

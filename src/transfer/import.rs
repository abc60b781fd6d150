//! All-or-nothing import. Imported rows are matched to the database by their
//! public keys; each file is validated together with the database's other
//! rows (so references may point at either), every problem is reported with
//! the import's own file and line, and nothing is written unless all is well.

use std::collections::{HashMap, HashSet};

use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DbBackend, EntityTrait, IntoActiveModel, Iterable, Statement,
};

use super::export::{Row, csv_line, header_line, snapshot};
use super::files::ImportFile;
use super::records::{Fields, Record, Refs, key_of};
use super::scope::check_scope;
use crate::auth::Actor;
use crate::changes::Hub;
use crate::db::Db;
use crate::error::{AppError, AppResult};
use crate::seed::{Files, Problem, parse_with};
use crate::writes::Write;

/// What an import did, or would do.
#[derive(Debug, Default)]
pub struct Report {
    /// True when nothing was written on purpose.
    pub dry_run: bool,
    /// Rows that did not exist.
    pub created: usize,
    /// Rows that existed with other values.
    pub updated: usize,
    /// Rows that existed with the same values.
    pub unchanged: usize,
    /// Every problem; when any, nothing was written.
    pub problems: Vec<Problem>,
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if !self.problems.is_empty() {
            writeln!(
                f,
                "{} problem(s); nothing was written:",
                self.problems.len()
            )?;
            for p in &self.problems {
                writeln!(f, "  {p}")?;
            }
            return Ok(());
        }
        if self.dry_run {
            write!(
                f,
                "dry run: would create {}, update {} and leave {} unchanged; nothing was written",
                self.created, self.updated, self.unchanged
            )
        } else {
            write!(
                f,
                "created {}, updated {}, left {} unchanged",
                self.created, self.updated, self.unchanged
            )
        }
    }
}

/// One imported row's fate.
enum Fate {
    Create,
    Update { before: Fields, version: i32 },
    Same,
}

/// Imports `files` as `actor` in one transaction (rolled back for `dry_run`).
pub async fn import(
    db: &Db,
    hub: Option<&Hub>,
    actor: &Actor,
    files: Vec<ImportFile>,
    dry_run: bool,
) -> AppResult<Report> {
    let mut report = Report {
        dry_run,
        ..Report::default()
    };
    let mut imported: HashMap<&'static str, ImportFile> = HashMap::new();
    for file in files {
        match file.table() {
            Some(table) if imported.contains_key(table) => report
                .problems
                .push(file.problem(0, "the same table is imported twice")),
            Some(table) => {
                imported.insert(table, file);
            }
            None => report.problems.push(file.problem(
                0,
                "not a dataset file: name it after a table, e.g. parks.csv or parks.json",
            )),
        }
    }
    for file in imported.values_mut() {
        if let Err(problem) = file.to_csv() {
            report.problems.push(problem);
        }
    }
    if !report.problems.is_empty() {
        return Ok(report);
    }
    let mut w = Write::begin(db, actor).await?;
    match merge_and_write(&mut w, &imported, &mut report).await {
        Ok(true) => w.commit(hub).await?,
        Ok(false) => w.rollback().await?,
        Err(err) => {
            w.rollback().await.ok();
            return Err(err);
        }
    }
    Ok(report)
}

/// Validates the import against the database and, unless there are problems
/// or it is a dry run, writes it; true when there is something to commit.
async fn merge_and_write(
    w: &mut Write,
    imported: &HashMap<&'static str, ImportFile>,
    report: &mut Report,
) -> AppResult<bool> {
    let current = snapshot(w.txn()).await?;
    let max_ids: HashMap<&str, i32> = current
        .iter()
        .map(|(file, rows)| (*file, rows.iter().map(|r| r.id).max().unwrap_or(0)))
        .collect();
    let mut merged = Files::new();
    let mut plans: HashMap<&'static str, Vec<i32>> = HashMap::new();
    let mut counts: HashMap<&'static str, usize> = HashMap::new();
    for (file, rows) in &current {
        let by_key: HashMap<&str, &Row> = rows.iter().map(|r| (r.key.as_str(), r)).collect();
        let mut text = String::new();
        let mut plan = Vec::new();
        let mut keys = HashSet::new();
        if let Some(import) = imported.get(file) {
            text.push_str(import.csv());
            if !text.ends_with('\n') {
                text.push('\n');
            }
            let mut fresh = max_ids[file];
            for key in import.keys(file) {
                plan.push(match by_key.get(key.as_str()) {
                    Some(row) => row.id,
                    None => {
                        fresh += 1;
                        fresh
                    }
                });
                keys.insert(key);
            }
            counts.insert(file, plan.len());
        } else {
            text.push_str(&header_line(file));
        }
        for row in rows.iter().filter(|r| !keys.contains(&r.key)) {
            text.push_str(&csv_line(file, &row.fields));
            plan.push(row.id);
        }
        merged.insert((*file).to_owned(), text);
        plans.insert(file, plan);
    }
    let now = w.now();
    let ids = |file: &str, n: usize| plans.get(file).and_then(|p| p.get(n)).copied().unwrap_or(0);
    let data = match parse_with(&merged, &now, &ids) {
        Ok(data) => data,
        Err(problems) => {
            report.problems = problems
                .into_iter()
                .map(|p| match imported.get(p.file.as_str()) {
                    Some(file) => file.locate(p),
                    None => p,
                })
                .collect();
            return Ok(false);
        }
    };
    let mut refs = Refs::default();
    for m in &data.cities {
        refs.insert("city", m.id, m.slug.clone());
    }
    for m in &data.organizations {
        refs.insert("organization", m.id, m.slug.clone());
    }
    for m in &data.parks {
        refs.insert("park", m.id, m.slug.clone());
    }
    for m in &data.firms {
        refs.insert("firm", m.id, m.slug.clone());
    }
    for m in &data.projects {
        refs.insert("project", m.id, m.slug.clone());
    }
    refs.add_composites(&data.milestones, &data.indicators);
    let before: HashMap<&str, HashMap<&str, &Row>> = current
        .iter()
        .map(|(file, rows)| (*file, rows.iter().map(|r| (r.key.as_str(), r)).collect()))
        .collect();
    let count = |file: &str| counts.get(file).copied().unwrap_or(0);
    let fates = Fates {
        before: &before,
        refs: &refs,
    };
    let plan = Plan {
        cities: fates.of(&data.cities[..count("cities.csv")], "cities.csv"),
        organizations: fates.of(
            &data.organizations[..count("organizations.csv")],
            "organizations.csv",
        ),
        parks: fates.of(&data.parks[..count("parks.csv")], "parks.csv"),
        firms: fates.of(&data.firms[..count("firms.csv")], "firms.csv"),
        tenancies: fates.of(&data.tenancies[..count("tenancies.csv")], "tenancies.csv"),
        projects: fates.of(&data.projects[..count("projects.csv")], "projects.csv"),
        partners: fates.of(
            &data.partners[..count("project_partners.csv")],
            "project_partners.csv",
        ),
        milestones: fates.of(
            &data.milestones[..count("milestones.csv")],
            "milestones.csv",
        ),
        indicators: fates.of(
            &data.indicators[..count("indicators.csv")],
            "indicators.csv",
        ),
        sources: fates.of(&data.sources[..count("sources.csv")], "sources.csv"),
    };
    check_scope(w.actor(), &data, &plan.touched(), w.txn()).await?;
    for fate in plan.all() {
        match fate {
            Fate::Create => report.created += 1,
            Fate::Update { .. } => report.updated += 1,
            Fate::Same => report.unchanged += 1,
        }
    }
    if report.dry_run {
        return Ok(false);
    }
    let Plan {
        cities,
        organizations,
        parks,
        firms,
        tenancies,
        projects,
        partners,
        milestones,
        indicators,
        sources,
    } = plan;
    apply(w, &refs, &data.cities, cities, |m, v| {
        m.version = v;
    })
    .await?;
    apply(w, &refs, &data.organizations, organizations, |m, v| {
        m.version = v;
    })
    .await?;
    apply(w, &refs, &data.parks, parks, |m, v| {
        m.version = v;
    })
    .await?;
    apply(w, &refs, &data.firms, firms, |m, v| {
        m.version = v;
    })
    .await?;
    apply(w, &refs, &data.tenancies, tenancies, |m, v| {
        m.version = v;
    })
    .await?;
    apply(w, &refs, &data.projects, projects, |m, v| {
        m.version = v;
    })
    .await?;
    apply(w, &refs, &data.partners, partners, |m, v| {
        m.version = v;
    })
    .await?;
    apply(w, &refs, &data.milestones, milestones, |m, v| {
        m.version = v;
    })
    .await?;
    apply(w, &refs, &data.indicators, indicators, |m, v| {
        m.version = v;
    })
    .await?;
    apply(w, &refs, &data.sources, sources, |_, _| {}).await?;
    if w.txn().get_database_backend() == DbBackend::Postgres {
        for table in [
            "city",
            "organization",
            "park",
            "firm",
            "tenancy",
            "project",
            "project_partner",
            "milestone",
            "indicator",
            "source",
        ] {
            // Move each sequence past the ids the import chose; never back.
            let sql = format!(
                "SELECT setval('{table}_id_seq', GREATEST((SELECT COALESCE(MAX(id), 0) FROM {table}), (SELECT last_value FROM {table}_id_seq)))"
            );
            w.txn()
                .execute_raw(Statement::from_string(DbBackend::Postgres, sql))
                .await?;
        }
    }
    Ok(true)
}

struct Fates<'a> {
    before: &'a HashMap<&'a str, HashMap<&'a str, &'a Row>>,
    refs: &'a Refs,
}

impl Fates<'_> {
    fn of<R: Record>(&self, rows: &[R], file: &str) -> Vec<Fate> {
        let existing = &self.before[file];
        rows.iter()
            .map(|row| {
                let fields = row.fields(self.refs);
                match existing.get(key_of::<R>(&fields).as_str()) {
                    None => Fate::Create,
                    Some(old) if super::records::diff(&old.fields, &fields).is_none() => Fate::Same,
                    Some(old) => Fate::Update {
                        before: old.fields.clone(),
                        version: old.version,
                    },
                }
            })
            .collect()
    }
}

/// The fate of every imported row, per table.
pub(super) struct Plan {
    cities: Vec<Fate>,
    organizations: Vec<Fate>,
    parks: Vec<Fate>,
    firms: Vec<Fate>,
    tenancies: Vec<Fate>,
    projects: Vec<Fate>,
    partners: Vec<Fate>,
    milestones: Vec<Fate>,
    indicators: Vec<Fate>,
    sources: Vec<Fate>,
}

/// Which imported rows would change, per file, as (row index, is new).
pub(super) type Touched = HashMap<&'static str, Vec<(usize, bool)>>;

impl Plan {
    fn all(&self) -> impl Iterator<Item = &Fate> {
        [
            &self.cities,
            &self.organizations,
            &self.parks,
            &self.firms,
            &self.tenancies,
            &self.projects,
            &self.partners,
            &self.milestones,
            &self.indicators,
            &self.sources,
        ]
        .into_iter()
        .flatten()
    }

    fn touched(&self) -> Touched {
        let list = |fates: &[Fate]| -> Vec<(usize, bool)> {
            fates
                .iter()
                .enumerate()
                .filter_map(|(n, f)| match f {
                    Fate::Create => Some((n, true)),
                    Fate::Update { .. } => Some((n, false)),
                    Fate::Same => None,
                })
                .collect()
        };
        HashMap::from([
            ("cities.csv", list(&self.cities)),
            ("organizations.csv", list(&self.organizations)),
            ("parks.csv", list(&self.parks)),
            ("firms.csv", list(&self.firms)),
            ("tenancies.csv", list(&self.tenancies)),
            ("projects.csv", list(&self.projects)),
            ("project_partners.csv", list(&self.partners)),
            ("milestones.csv", list(&self.milestones)),
            ("indicators.csv", list(&self.indicators)),
            ("sources.csv", list(&self.sources)),
        ])
    }
}

// Rows per INSERT: well under SQLite's and PostgreSQL's parameter limits.
const PARAMETERS_PER_STATEMENT: usize = 30_000;

async fn apply<M, E>(
    w: &mut Write,
    refs: &Refs,
    rows: &[M],
    fates: Vec<Fate>,
    set_version: fn(&mut M, i32),
) -> AppResult<()>
where
    M: Record + Clone + IntoActiveModel<E::ActiveModel> + sea_orm::ModelTrait<Entity = E>,
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
                set_version(&mut next, version + 1);
                w.updated::<M>(&before, &next.fields(refs));
                next.into_active_model()
                    .reset_all()
                    .update(w.txn())
                    .await
                    .map_err(AppError::from)?;
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

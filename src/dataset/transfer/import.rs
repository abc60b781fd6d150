//! All-or-nothing import. Imported rows are matched to the database by their
//! public keys; each file is validated together with the database's other
//! rows (so references may point at either), every problem is reported with
//! the import's own file and line, and nothing is written unless all is well.

use std::collections::HashMap;

use super::export::snapshot;
use super::files::ImportFile;
use super::merge::merge;
use super::plan::Plan;
use super::scope::check_scope;
use crate::auth::Actor;
use crate::changes::Hub;
use crate::dataset::seed::parse_with;
use crate::error::AppResult;
use crate::records::{Kind, Problem, Refs};
use crate::store::Db;
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
    let mut imported: HashMap<Kind, ImportFile> = HashMap::new();
    for file in files {
        match file.kind() {
            Some(kind) if imported.contains_key(&kind) => report
                .problems
                .push(file.problem(0, "the same table is imported twice")),
            Some(kind) => {
                imported.insert(kind, file);
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
    imported: &HashMap<Kind, ImportFile>,
    report: &mut Report,
) -> AppResult<bool> {
    let current = snapshot(w.txn()).await?;
    let merged = merge(&current, imported);
    let data = match parse_with(&merged.files, &w.now(), &|file, n| merged.id(file, n)) {
        Ok(data) => data,
        Err(problems) => {
            report.problems = problems
                .into_iter()
                .map(
                    |p| match Kind::from_file(&p.file).and_then(|k| imported.get(&k)) {
                        Some(file) => file.locate(p),
                        None => p,
                    },
                )
                .collect();
            return Ok(false);
        }
    };
    let refs = Refs::of_dataset(&data);
    let plan = Plan::new(&data, &merged, &current, &refs);
    check_scope(w.actor(), &data, &plan.touched(), w.txn()).await?;
    (report.created, report.updated, report.unchanged) = plan.counts();
    if report.dry_run {
        return Ok(false);
    }
    plan.apply(w, &data, &refs).await?;
    Ok(true)
}

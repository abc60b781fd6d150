//! All-or-nothing import. Imported rows are matched to the database by their
//! public keys and their references resolved to rows of the import or of
//! the database (`read`); every problem is reported with the import's own
//! file and line, and nothing is written unless all is well.

use std::collections::HashMap;

use super::files::ImportFile;
use super::plan::Plan;
use super::read::read;
use super::scope::check_scope;
use crate::auth::Actor;
use crate::changes::Hub;
use crate::error::AppResult;
use crate::records::derived::rederive;
use crate::records::{Kind, Problem};
use crate::store::Db;
use crate::writes::Write;
use crate::writes::figures::{refigure, refigure_parks};

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
    let mut w = Write::begin(db, actor).await?;
    match import_in(&mut w, files, dry_run).await {
        Ok(report) if report.wrote() => {
            w.commit(hub).await?;
            Ok(report)
        }
        Ok(report) => {
            w.rollback().await?;
            Ok(report)
        }
        Err(err) => {
            w.rollback().await.ok();
            Err(err)
        }
    }
}

/// Imports `files` as part of `w` (a mutation document's write); with
/// problems or as a dry run it writes nothing.
pub async fn import_in(w: &mut Write, files: Vec<ImportFile>, dry_run: bool) -> AppResult<Report> {
    let (imported, mut report) = match prepare(files, dry_run) {
        Ok(prepared) => prepared,
        Err(report) => return Ok(report),
    };
    read_and_write(w, &imported, &mut report).await?;
    Ok(report)
}

/// The import's files by table, each converted to CSV; or, when a file is
/// unusable, the report of its problems.
fn prepare(
    files: Vec<ImportFile>,
    dry_run: bool,
) -> Result<(HashMap<Kind, ImportFile>, Report), Report> {
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
    if report.problems.is_empty() {
        Ok((imported, report))
    } else {
        Err(report)
    }
}

impl Report {
    /// Whether the import wrote rows (no problems, not a dry run).
    pub fn wrote(&self) -> bool {
        self.problems.is_empty() && !self.dry_run
    }
}

/// Validates the import against the database and, unless there are problems
/// or it is a dry run, writes it.
async fn read_and_write(
    w: &mut Write,
    imported: &HashMap<Kind, ImportFile>,
    report: &mut Report,
) -> AppResult<()> {
    let read = match read(w.txn(), imported, &w.now()).await? {
        Ok(read) => read,
        Err(problems) => {
            report.problems = problems;
            return Ok(());
        }
    };
    let plan = Plan::new(&read.data, &read.current, &read.refs);
    check_scope(w.actor(), &read.data, &plan.touched(), w.txn()).await?;
    (report.created, report.updated, report.unchanged) = plan.counts();
    if report.dry_run {
        return Ok(());
    }
    plan.apply(w, &read.data, &read.refs).await?;
    let tenancies = read.data.tenancies.iter().map(|t| (t.park_id, t.firm_id));
    let seen = (read.data.tenancy_observations.iter()).map(|s| (s.park_id, s.firm_id));
    rederive(w.txn(), &tenancies.chain(seen).collect::<Vec<_>>()).await?;
    let claimed = read.data.project_claims.iter().map(|c| c.project_id);
    let projects = read.data.projects.iter().map(|p| p.id);
    refigure(w, &claimed.chain(projects).collect::<Vec<_>>()).await?;
    let claimed = read.data.park_claims.iter().map(|c| c.park_id);
    let parks = read.data.parks.iter().map(|p| p.id);
    refigure_parks(w, &claimed.chain(parks).collect::<Vec<_>>()).await?;
    Ok(())
}

//! `parkgraph seed`, `import` and `export`: whole datasets in and out.

use std::path::Path;

use super::{FEED_CURSOR, connect};
use crate::config::Config;
use crate::dataset::seed;
use crate::error::AppError;

/// `parkgraph seed`: the shipped, a given or a synthetic dataset, into an empty database.
pub async fn seed_command(
    config: &Config,
    data: Option<std::path::PathBuf>,
    synthetic: bool,
    scale: f64,
) -> anyhow::Result<()> {
    let db = connect(config).await?;
    db.migrate().await?;
    let started = std::time::Instant::now();
    let outcome = if synthetic {
        seed::seed_synthetic(&db, scale).await?
    } else {
        let files = match &data {
            Some(dir) => seed::from_dir(dir)?,
            None => seed::embedded(),
        };
        seed::seed(&db, &files).await?
    };
    tracing::info!(
        elapsed_ms = started.elapsed().as_millis() as u64,
        "seed finished"
    );
    match outcome {
        seed::Outcome::Loaded(rows) => println!("loaded {rows} rows"),
        seed::Outcome::AlreadySeeded => {
            println!("the database already holds data; nothing was written")
        }
    }
    Ok(())
}

/// `parkgraph import`: files matched by key, in one transaction.
pub async fn import_command(
    config: &Config,
    files: &[std::path::PathBuf],
    dry_run: bool,
    json: bool,
) -> anyhow::Result<()> {
    let db = connect(config).await?;
    db.migrate().await?;
    let files = crate::dataset::transfer::read_files(files)?;
    let cli = crate::auth::Actor::cli();
    let report = crate::dataset::transfer::import(&db, None, &cli, files, dry_run).await?;
    if json {
        println!("{}", report_json(&report));
    } else {
        println!("{report}");
    }
    if !report.problems.is_empty() {
        let reason = "the import has problems; nothing was written";
        return Err(AppError::bad_input("files", reason).into());
    }
    Ok(())
}

/// An import's report as JSON, in the shape of the API's `importDataset`.
fn report_json(report: &crate::dataset::transfer::Report) -> serde_json::Value {
    let problem = |p: &crate::records::Problem| serde_json::json!({ "file": p.file, "line": p.line, "column": p.column, "reason": p.reason });
    serde_json::json!({
        "dryRun": report.dry_run,
        "created": report.created,
        "updated": report.updated,
        "unchanged": report.unchanged,
        "problems": report.problems.iter().map(problem).collect::<Vec<_>>(),
    })
}

/// `parkgraph export DIR`: every table, and the feed cursor it was read at.
pub async fn export_command(config: &Config, dir: &Path, json: bool) -> anyhow::Result<()> {
    let db = connect(config).await?;
    db.migrate().await?;
    let exported = crate::dataset::transfer::export_to_dir(&db, dir).await?;
    // Where to follow the change feed from, so the export and the
    // feed together miss nothing and repeat nothing.
    let cursor = exported
        .head
        .map(crate::changes::cursor)
        .unwrap_or_default();
    std::fs::write(dir.join(FEED_CURSOR), format!("{cursor}\n"))?;
    if json {
        let out = serde_json::json!({
            "rows": exported.rows, "dir": dir, "feedCursor": cursor,
        });
        println!("{out}");
    } else {
        println!(
            "exported {} rows to {} at feed cursor {cursor:?} (in {FEED_CURSOR})",
            exported.rows,
            dir.display()
        );
    }
    Ok(())
}

//! The seed loader: reads the dataset's CSV files (shipped inside the binary,
//! or from a folder), validates all of them, and writes everything in one
//! transaction, or nothing.

mod read;
mod synthetic;
mod write;

use std::collections::BTreeMap;
use std::path::Path;

pub use read::{Ids, parse_with};

use crate::records::{Kind, Problem};
use crate::store::Db;

/// File name to contents.
pub type Files = BTreeMap<String, String>;

/// The dataset shipped with the binary (the repository's `data/`).
pub fn embedded() -> Files {
    Kind::ALL
        .iter()
        .map(|kind| (kind.file().to_owned(), kind.embedded().to_owned()))
        .collect()
}

/// Reads the dataset's files from `dir`.
pub fn from_dir(dir: &Path) -> anyhow::Result<Files> {
    let mut files = Files::new();
    for kind in Kind::ALL {
        let path = dir.join(kind.file());
        let text = std::fs::read_to_string(&path)
            .map_err(|err| anyhow::anyhow!("cannot read {}: {err}", path.display()))?;
        files.insert(kind.file().to_owned(), text);
    }
    Ok(files)
}

/// What a seed run did.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The dataset was written: this many rows in all.
    Loaded(usize),
    /// The database already had data; nothing was written.
    AlreadySeeded,
}

/// Why a seed run wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    /// The files have problems; each one is listed.
    #[error("the dataset has {} problem(s):\n{}", .0.len(), .0.iter().map(|p| format!("  {p}")).collect::<Vec<_>>().join("\n"))]
    Invalid(Vec<Problem>),
    /// The database refused the write.
    #[error("writing the dataset failed: {0}")]
    Database(#[from] sea_orm::DbErr),
}

/// Validates `files` and loads them into an empty database in one transaction.
/// A database that already holds data is left alone.
pub async fn seed(db: &Db, files: &Files) -> Result<Outcome, SeedError> {
    let dataset = read::parse(files, &crate::clock::now()).map_err(SeedError::Invalid)?;
    write::write(db, || dataset).await
}

/// Generates the deterministic synthetic dataset at `scale` and loads it into
/// an empty database in one transaction (never mixed with the real dataset).
pub async fn seed_synthetic(db: &Db, scale: f64) -> Result<Outcome, SeedError> {
    write::write(db, || synthetic::generate(scale, &crate::clock::now())).await
}

/// An in-memory SQLite database holding the shipped dataset, for the
/// services' unit tests.
#[cfg(test)]
pub async fn seeded_for_test() -> Db {
    let db = Db::connect("sqlite::memory:", 1)
        .await
        .expect("in-memory SQLite");
    db.migrate().await.expect("the migrations run");
    seed(&db, &embedded())
        .await
        .expect("the shipped dataset loads");
    db
}

//! The seed loader: reads the dataset's CSV files (shipped inside the binary,
//! or from a folder), validates all of them, and writes everything in one
//! transaction, or nothing.

mod read;
mod rows;
mod synthetic;
mod write;

use std::collections::BTreeMap;
use std::path::Path;

pub use read::{Dataset, Ids, parse_with};
pub use rows::Problem;

use crate::store::Db;

/// Each file of the dataset with its exact header, in load order.
pub const HEADERS: [(&str, &[&str]); 10] = [
    ("cities.csv", &["slug", "name", "province"]),
    ("organizations.csv", &["slug", "name", "kind"]),
    (
        "parks.csv",
        &[
            "slug",
            "name",
            "kind",
            "status",
            "city_slug",
            "operator_slug",
            "area_sqft",
            "opened_year",
            "notes",
        ],
    ),
    ("firms.csv", &["slug", "name", "sector", "employees"]),
    (
        "tenancies.csv",
        &["park_slug", "firm_slug", "area_sqft", "since", "until"],
    ),
    (
        "projects.csv",
        &[
            "slug",
            "name",
            "status",
            "city_slug",
            "park_slug",
            "cost_usd",
            "area_sqft",
            "target_year",
            "jobs_target",
            "exports_target_usd",
            "notes",
        ],
    ),
    (
        "project_partners.csv",
        &["project_slug", "organization_slug", "role"],
    ),
    (
        "milestones.csv",
        &["project_slug", "title", "due", "reached"],
    ),
    (
        "indicators.csv",
        &["key", "period", "value", "unit", "notes"],
    ),
    (
        "sources.csv",
        &["record_type", "record_key", "url", "title", "as_of"],
    ),
];

/// Every data table, in load order (parents before children).
pub const TABLES: [&str; 10] = [
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
];

/// File name to contents.
pub type Files = BTreeMap<String, String>;

/// The dataset shipped with the binary (the repository's `data/`).
pub fn embedded() -> Files {
    let texts = [
        include_str!("../../../data/cities.csv"),
        include_str!("../../../data/organizations.csv"),
        include_str!("../../../data/parks.csv"),
        include_str!("../../../data/firms.csv"),
        include_str!("../../../data/tenancies.csv"),
        include_str!("../../../data/projects.csv"),
        include_str!("../../../data/project_partners.csv"),
        include_str!("../../../data/milestones.csv"),
        include_str!("../../../data/indicators.csv"),
        include_str!("../../../data/sources.csv"),
    ];
    HEADERS
        .iter()
        .zip(texts)
        .map(|((name, _), text)| (name.to_string(), text.to_owned()))
        .collect()
}

/// Reads the dataset's files from `dir`.
pub fn from_dir(dir: &Path) -> anyhow::Result<Files> {
    let mut files = Files::new();
    for (name, _) in HEADERS {
        let path = dir.join(name);
        let text = std::fs::read_to_string(&path)
            .map_err(|err| anyhow::anyhow!("cannot read {}: {err}", path.display()))?;
        files.insert(name.to_owned(), text);
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

/// True for `YYYY`, `YYYY-MM` and `YYYY-MM-DD` with a plausible month and day.
pub fn is_partial_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let number = |s: &str, len: usize, range: std::ops::RangeInclusive<u32>| {
        s.len() == len
            && s.chars().all(|c| c.is_ascii_digit())
            && s.parse().is_ok_and(|n| range.contains(&n))
    };
    match parts.as_slice() {
        [y] => number(y, 4, 1000..=9999),
        [y, m] => number(y, 4, 1000..=9999) && number(m, 2, 1..=12),
        [y, m, d] => number(y, 4, 1000..=9999) && number(m, 2, 1..=12) && number(d, 2, 1..=31),
        _ => false,
    }
}

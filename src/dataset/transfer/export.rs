//! Every table as CSV in the dataset layout, rows in id order (so export,
//! import into an empty database, export again gives the same files).

use std::path::Path;

use entity::{
    city, firm, indicator, milestone, organization, park, project, project_partner, source, tenancy,
};
use sea_orm::{ConnectionTrait, DbErr, QueryOrder};

use super::records::{Fields, Record, Refs, cell, key_of};
use crate::dataset::seed::{Files, HEADERS};
use crate::store::Db;

/// One database row in its public shape.
pub struct Row {
    /// Its id.
    pub id: i32,
    /// Its version.
    pub version: i32,
    /// Its public key.
    pub key: String,
    /// Its fields.
    pub fields: Fields,
}

/// Every row of every table, by file name, in id order.
pub type Snapshot = Vec<(&'static str, Vec<Row>)>;

fn headers(file: &str) -> &'static [&'static str] {
    HEADERS
        .iter()
        .find(|(f, _)| *f == file)
        .map(|(_, h)| *h)
        .unwrap_or(&[])
}

async fn table<E, C>(
    conn: &C,
    refs: &Refs,
    version: fn(&E::Model) -> i32,
) -> Result<Vec<Row>, DbErr>
where
    E: crate::graphql::loaders::Table,
    E::Model: Record,
    C: ConnectionTrait,
{
    let rows = E::find().order_by_asc(E::ID).all(conn).await?;
    Ok(rows
        .iter()
        .map(|m| {
            let fields = m.fields(refs);
            Row {
                id: E::id_of(m),
                version: version(m),
                key: key_of::<E::Model>(&fields),
                fields,
            }
        })
        .collect())
}

/// Reads every table.
pub async fn snapshot<C: ConnectionTrait>(conn: &C) -> Result<Snapshot, DbErr> {
    let refs = Refs::load_all(conn).await?;
    Ok(vec![
        (
            "cities.csv",
            table::<city::Entity, _>(conn, &refs, |m| m.version).await?,
        ),
        (
            "organizations.csv",
            table::<organization::Entity, _>(conn, &refs, |m| m.version).await?,
        ),
        (
            "parks.csv",
            table::<park::Entity, _>(conn, &refs, |m| m.version).await?,
        ),
        (
            "firms.csv",
            table::<firm::Entity, _>(conn, &refs, |m| m.version).await?,
        ),
        (
            "tenancies.csv",
            table::<tenancy::Entity, _>(conn, &refs, |m| m.version).await?,
        ),
        (
            "projects.csv",
            table::<project::Entity, _>(conn, &refs, |m| m.version).await?,
        ),
        (
            "project_partners.csv",
            table::<project_partner::Entity, _>(conn, &refs, |m| m.version).await?,
        ),
        (
            "milestones.csv",
            table::<milestone::Entity, _>(conn, &refs, |m| m.version).await?,
        ),
        (
            "indicators.csv",
            table::<indicator::Entity, _>(conn, &refs, |m| m.version).await?,
        ),
        (
            "sources.csv",
            table::<source::Entity, _>(conn, &refs, |_| 1).await?,
        ),
    ])
}

/// One row as a CSV line (with its line break) in `file`'s column order.
pub fn csv_line(file: &str, fields: &Fields) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let cells: Vec<String> = headers(file)
        .iter()
        .map(|h| cell(fields.get(*h).unwrap_or(&serde_json::Value::Null)))
        .collect();
    // Writing to memory cannot fail.
    let _ = writer.write_record(&cells);
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// `file`'s header line.
pub fn header_line(file: &str) -> String {
    format!("{}\n", headers(file).join(","))
}

/// Every table as CSV text, by file name.
pub async fn export<C: ConnectionTrait>(conn: &C) -> Result<Files, DbErr> {
    let mut files = Files::new();
    for (file, rows) in snapshot(conn).await? {
        let mut text = header_line(file);
        for row in rows {
            text.push_str(&csv_line(file, &row.fields));
        }
        files.insert(file.to_owned(), text);
    }
    Ok(files)
}

/// Writes every table into `dir`; the number of rows written.
pub async fn export_to_dir(db: &Db, dir: &Path) -> anyhow::Result<usize> {
    std::fs::create_dir_all(dir)?;
    let mut total = 0;
    for (file, rows) in snapshot(&db.conn).await? {
        total += rows.len();
        let mut text = header_line(file);
        for row in rows {
            text.push_str(&csv_line(file, &row.fields));
        }
        std::fs::write(dir.join(file), text)?;
    }
    Ok(total)
}

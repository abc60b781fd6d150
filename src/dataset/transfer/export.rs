//! Every table as CSV in the dataset layout, rows in id order (so export,
//! import into an empty database, export again gives the same files).

use std::path::Path;

use sea_orm::{ConnectionTrait, DbErr, EntityTrait, QueryOrder};

use crate::dataset::seed::Files;
use crate::records::{Fields, Kind, Record, Refs, cell, for_each_record, key_of};
use crate::store::Db;
use crate::store::table::Table;

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

/// Every row of every table, by kind, in load order and id order.
pub type Snapshot = Vec<(Kind, Vec<Row>)>;

async fn table<R: Record, C: ConnectionTrait>(conn: &C, refs: &Refs) -> Result<Vec<Row>, DbErr> {
    let rows = R::Table::find()
        .order_by_asc(<R::Table as Table>::ID)
        .all(conn)
        .await?;
    Ok(rows
        .iter()
        .map(|m| {
            let fields = m.fields(refs);
            Row {
                id: m.id(),
                version: m.version(),
                key: key_of::<R>(&fields),
                fields,
            }
        })
        .collect())
}

/// Reads every table.
pub async fn snapshot<C: ConnectionTrait>(conn: &C) -> Result<Snapshot, DbErr> {
    let refs = Refs::load_all(conn).await?;
    let mut out = Snapshot::new();
    for_each_record!(E => {
        out.push((E::KIND, table::<E, _>(conn, &refs).await?));
    });
    Ok(out)
}

/// One row as a CSV line (with its line break) in `kind`'s column order.
pub fn csv_line(kind: Kind, fields: &Fields) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let cells: Vec<String> = kind
        .headers()
        .iter()
        .map(|h| cell(fields.get(*h).unwrap_or(&serde_json::Value::Null)))
        .collect();
    // Writing to memory cannot fail.
    let _ = writer.write_record(&cells);
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// `kind`'s header line.
pub fn header_line(kind: Kind) -> String {
    format!("{}\n", kind.headers().join(","))
}

/// Every table as CSV text, by file name.
pub async fn export<C: ConnectionTrait>(conn: &C) -> Result<Files, DbErr> {
    let mut files = Files::new();
    for (kind, rows) in snapshot(conn).await? {
        let mut text = header_line(kind);
        for row in rows {
            text.push_str(&csv_line(kind, &row.fields));
        }
        files.insert(kind.file().to_owned(), text);
    }
    Ok(files)
}

/// Writes every table into `dir`; the number of rows written.
pub async fn export_to_dir(db: &Db, dir: &Path) -> anyhow::Result<usize> {
    std::fs::create_dir_all(dir)?;
    let mut total = 0;
    for (kind, rows) in snapshot(&db.conn).await? {
        total += rows.len();
        let mut text = header_line(kind);
        for row in rows {
            text.push_str(&csv_line(kind, &row.fields));
        }
        std::fs::write(dir.join(kind.file()), text)?;
    }
    Ok(total)
}

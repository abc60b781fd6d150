//! Every table as CSV in the dataset layout, rows in id order (so export,
//! import into an empty database, export again gives the same files); a
//! whole export is one read transaction, and says where the change feed
//! stood when it was taken.

use std::path::Path;

use sea_orm::{
    AccessMode, ConnectionTrait, DatabaseTransaction, DbBackend, DbErr, EntityTrait,
    IsolationLevel, QueryOrder, TransactionTrait,
};

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
    Ok(files(snapshot(conn).await?))
}

/// `tables` as dataset files.
fn files(tables: Snapshot) -> Files {
    let mut files = Files::new();
    for (kind, rows) in tables {
        let mut text = header_line(kind);
        for row in rows {
            text.push_str(&csv_line(kind, &row.fields));
        }
        files.insert(kind.file().to_owned(), text);
    }
    files
}

/// Every table as dataset files, and the feed position they were read at,
/// in one read transaction (see [`snapshot_at_head`]).
pub async fn export_at_head(db: &Db) -> Result<(Files, Option<i32>), DbErr> {
    let (tables, head) = snapshot_at_head(db).await?;
    Ok((files(tables), head))
}

/// What an export to a directory wrote.
pub struct Exported {
    /// Rows written, over every file.
    pub rows: usize,
    /// The id of the latest change when the export was taken (none when
    /// the log is empty): following the feed after it gives every later
    /// write once and none the export holds.
    pub head: Option<i32>,
}

/// A transaction that reads one consistent state of the database: repeatable
/// read on PostgreSQL; on SQLite a read transaction already sees one
/// snapshot (WAL) from its first statement.
async fn read_transaction(db: &Db) -> Result<DatabaseTransaction, DbErr> {
    match db.conn.get_database_backend() {
        DbBackend::Postgres => {
            let isolation = Some(IsolationLevel::RepeatableRead);
            db.conn
                .begin_with_config(isolation, Some(AccessMode::ReadOnly))
                .await
        }
        _ => db.conn.begin().await,
    }
}

/// Every table, and the feed position they were read at, in one read
/// transaction.
pub async fn snapshot_at_head(db: &Db) -> Result<(Snapshot, Option<i32>), DbErr> {
    let txn = read_transaction(db).await?;
    let at = crate::changes::head(&txn).await?;
    let tables = snapshot(&txn).await?;
    txn.commit().await?;
    Ok((tables, at))
}

/// Writes every table into `dir`, read in one transaction.
pub async fn export_to_dir(db: &Db, dir: &Path) -> anyhow::Result<Exported> {
    std::fs::create_dir_all(dir)?;
    let (tables, head) = snapshot_at_head(db).await?;
    let mut rows = 0;
    for (kind, table) in tables {
        rows += table.len();
        let mut text = header_line(kind);
        for row in table {
            text.push_str(&csv_line(kind, &row.fields));
        }
        std::fs::write(dir.join(kind.file()), text)?;
    }
    Ok(Exported { rows, head })
}

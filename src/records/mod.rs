//! What a stored record *is*, declared once per kind: its table, its file
//! in the dataset and that file's columns, its public key, how a row of the
//! file is read back, what it refers to. Each domain implements [`Record`]
//! for its model (`domains/<x>/record.rs`); [`registry`] lists them once, and
//! everything that goes over every kind (the dataset files, export, import,
//! seeding, the change log's record types) loops over that list.
//!
//! Nothing here knows GraphQL or HTTP.

mod declare;
pub mod derived;
pub mod figures;
mod file;
mod refs;
pub mod registry;
mod row;
pub mod validate;

use serde_json::{Map, Value};

pub use declare::{Folded, RefId, check_key, read_ref};
pub use file::{Problem, Problems, read, read_from};
pub use refs::{IDS_PER_STATEMENT, Keys, Refs};
pub(crate) use registry::for_each_record;
pub use registry::{Dataset, HasKind, Kind, Rows};
pub use row::Row;
pub use validate::is_partial_date;

use crate::store::rows::Decode;
use crate::store::table::Table;

/// A row's columns by name (the dataset file's header names).
pub type Fields = Map<String, Value>;

/// A stored record: one row of one table, and of one dataset file.
pub trait Record: HasKind + Decode + Clone + Send + Sync + 'static {
    /// Its table.
    type Table: Table<Model = Self> + Send + Sync;
    /// The record type as the change log and `sources.record_type` name it.
    const TYPE: &'static str;
    /// Its file in the dataset (`parks.csv`).
    const FILE: &'static str;
    /// That file's exact header, in the order export writes the columns.
    const HEADERS: &'static [&'static str];
    /// The columns whose values, joined by `|`, are the row's public key.
    const KEY: &'static [&'static str];
    /// Whether empty parts at the key's end are left out (a key whose last
    /// parts are optional qualifiers: an indicator's place).
    const KEY_TAIL_OPTIONAL: bool = false;
    /// The shipped rows (the repository's `data/` file, built into the binary).
    const EMBEDDED: &'static str;
    /// Whether other rows refer to it by its public key (a foreign key by
    /// slug, or a source's `record_key`).
    const REFERABLE: bool = false;
    /// How its rows are found in the table by their public key.
    const NEAR: Near;
    /// Its reference columns: each header, and the kind whose key it holds.
    const REFS: &'static [(&'static str, Kind)] = &[];

    /// Its id.
    fn id(&self) -> i32 {
        <Self::Table as Table>::id_of(self)
    }
    /// Its version (records without one are always at 1).
    fn version(&self) -> i32 {
        1
    }
    /// Sets its version (records without one ignore it).
    fn set_version(&mut self, _version: i32) {}
    /// Sets when it last changed (records without the column ignore it).
    fn set_updated_at(&mut self, _at: String) {}
    /// The row's columns, references shown by their public keys.
    fn fields(&self, refs: &Refs) -> Fields;
    /// The `(kind, id)` references `fields` needs resolved.
    fn references(&self) -> Vec<(Kind, i32)> {
        Vec::new()
    }
    /// Its public key, as others refer to it.
    fn key(&self, refs: &Refs) -> String {
        key_of::<Self>(&self.fields(refs))
    }

    /// The public key of a row of its file, before the row is read (for the
    /// index that finds duplicates and resolves references); problems found
    /// reading it are recorded on the row.
    fn row_key(row: &Row<'_>) -> String {
        let parts: Vec<String> = Self::KEY
            .iter()
            .map(|column| row.opt(column).unwrap_or_default())
            .collect();
        join_key(parts, Self::KEY_TAIL_OPTIONAL)
    }
    /// The `(kind, key)` references of a row of its file, before it is read.
    fn referenced(row: &Row<'_>) -> Vec<(Kind, String)> {
        let cell = |(header, kind): &(&str, Kind)| Some((*kind, row.opt(header)?));
        Self::REFS.iter().filter_map(cell).collect()
    }
    /// One row of its file read back, with `id`, references resolved through
    /// `keys`, stamped `now`; problems are recorded on the row.
    fn from_row(row: &Row<'_>, keys: &Keys, id: i32, now: &str) -> Self;
}

/// Where the rows with given public keys are in a table: a column that
/// holds one part of each key, to narrow the rows read to those that may
/// match.
#[derive(Clone, Copy, Debug)]
pub enum Near {
    /// The key's first part is this column's text (a slug).
    First(&'static str),
    /// The key's last part is this column's text (a source's URL).
    Last(&'static str),
    /// The key's first part is the key of a `Kind` row whose id this column
    /// holds (a tenancy's park).
    Parent(Kind, &'static str),
}

/// A record with a slug, its stable public key, by which the API looks it up.
pub trait Slugged: Record {
    /// The slug column.
    const SLUG: <Self::Table as sea_orm::EntityTrait>::Column;
    /// Its slug.
    fn slug(&self) -> &str;
}

/// In an `impl Record` whose model keeps `version` and `updated_at`: the
/// methods that read and stamp them.
#[macro_export]
macro_rules! versioned {
    () => {
        fn version(&self) -> i32 {
            self.version
        }
        fn set_version(&mut self, version: i32) {
            self.version = version;
        }
        fn set_updated_at(&mut self, at: String) {
            self.updated_at = at;
        }
    };
}

/// In an `impl Record` of a record known by its `slug`: its key, and its
/// rows' keys, checked as slugs.
#[macro_export]
macro_rules! slugged {
    () => {
        fn key(&self, _: &$crate::records::Refs) -> String {
            self.slug.clone()
        }
        fn row_key(row: &$crate::records::Row<'_>) -> String {
            row.slug("slug")
        }
    };
}

/// The public key of a row of `R` given its fields.
pub fn key_of<R: Record>(fields: &Fields) -> String {
    let parts = R::KEY
        .iter()
        .map(|column| cell(fields.get(*column).unwrap_or(&Value::Null)))
        .collect();
    join_key(parts, R::KEY_TAIL_OPTIONAL)
}

/// Key parts joined by `|`; with `tail_optional`, without the empty parts
/// at the end.
fn join_key(mut parts: Vec<String>, tail_optional: bool) -> String {
    while tail_optional && parts.len() > 1 && parts.last().is_some_and(String::is_empty) {
        parts.pop();
    }
    parts.join("|")
}

/// A value as a CSV cell: empty for null, whole numbers without `.0`.
pub fn cell(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Number(n) => match n.as_f64() {
            Some(f) if n.is_f64() && f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", f as i64),
            _ => n.to_string(),
        },
        other => other.to_string(),
    }
}

/// Fields from `(column, value)` pairs.
pub fn fields(pairs: Vec<(&str, Value)>) -> Fields {
    pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
}

/// A reference's public key as a field value; null for no reference.
pub fn reference(refs: &Refs, kind: Kind, id: Option<i32>) -> Value {
    id.map(|id| Value::from(refs.key(kind, id)))
        .unwrap_or(Value::Null)
}

/// The fields that differ between `before` and `after`: (old values, new values).
pub fn diff(before: &Fields, after: &Fields) -> Option<(Fields, Fields)> {
    let mut old = Fields::new();
    let mut new = Fields::new();
    for (column, value) in after {
        let previous = before.get(column).unwrap_or(&Value::Null);
        if cell(previous) != cell(value) {
            old.insert(column.clone(), previous.clone());
            new.insert(column.clone(), value.clone());
        }
    }
    (!new.is_empty()).then_some((old, new))
}

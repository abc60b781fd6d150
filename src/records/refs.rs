//! Public keys and ids, both ways: [`Refs`] shows a reference (an id) by the
//! public key of the row it points at; [`Keys`] finds the id of a public key
//! while a dataset is read.

use std::collections::{HashMap, HashSet};

use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};

use super::{Dataset, Kind, Record, Row, Rows, for_each_record};

/// Ids per `IN (...)` list: well under every backend's parameter limit.
pub const IDS_PER_STATEMENT: usize = 10_000;
use crate::store::table::Table;

/// The public key of every row a reference can point at: slugs, and the
/// composite keys of milestones and indicators (for sources).
#[derive(Debug, Default)]
pub struct Refs(HashMap<(Kind, i32), String>);

impl Refs {
    /// The key of record `id` of `kind`; empty when unknown.
    pub fn key(&self, kind: Kind, id: i32) -> String {
        self.0.get(&(kind, id)).cloned().unwrap_or_default()
    }

    /// Remembers that record `id` of `kind` has public key `key`.
    pub fn insert(&mut self, kind: Kind, id: i32, key: String) {
        self.0.insert((kind, id), key);
    }

    fn add<R: Record>(&mut self, rows: &[R]) {
        for row in rows {
            let key = row.key(self);
            self.insert(R::KIND, row.id(), key);
        }
    }

    /// The keys of these `(kind, id)` references, and of the rows those keys
    /// name in turn (a milestone's key names its project's).
    pub async fn load<C: ConnectionTrait>(conn: &C, wanted: &[(Kind, i32)]) -> Result<Self, DbErr> {
        let mut rows = Dataset::default();
        let mut asked: HashSet<(Kind, i32)> = HashSet::new();
        let mut todo = wanted.to_vec();
        while !todo.is_empty() {
            let mut next = Vec::new();
            for_each_record!(E => {
                let ids: Vec<i32> = todo
                    .iter()
                    .filter(|(kind, id)| *kind == E::KIND && E::REFERABLE && asked.insert((*kind, *id)))
                    .map(|(_, id)| *id)
                    .collect();
                for chunk in ids.chunks(IDS_PER_STATEMENT) {
                    let id = <E as Record>::Table::ID;
                    let found: Vec<E> = <E as Record>::Table::find()
                        .filter(id.is_in(chunk.to_vec()))
                        .all(conn)
                        .await?;
                    next.extend(found.iter().flat_map(Record::references));
                    Rows::<E>::rows_mut(&mut rows).extend(found);
                }
            });
            todo = next;
        }
        Ok(Self::of_dataset(&rows))
    }

    /// Every referable key in the database (for export and import).
    pub async fn load_all<C: ConnectionTrait>(conn: &C) -> Result<Self, DbErr> {
        let mut refs = Self::default();
        for_each_record!(E => {
            if E::REFERABLE {
                refs.add(&<E as Record>::Table::find().all(conn).await?);
            }
        });
        Ok(refs)
    }

    /// Every referable key of a parsed dataset.
    pub fn of_dataset(data: &Dataset) -> Self {
        let mut refs = Self::default();
        refs.add_dataset(data);
        refs
    }

    /// Adds every referable key of `data` (over those already known).
    pub fn add_dataset(&mut self, data: &Dataset) {
        for_each_record!(E => {
            if E::REFERABLE {
                self.add(data.rows::<E>());
            }
        });
    }
}

/// The id of every public key of a dataset being read, per kind.
#[derive(Debug, Default)]
pub struct Keys(HashMap<Kind, HashMap<String, i32>>);

impl Keys {
    /// The id of the row of `kind` whose key is `key`.
    pub fn id(&self, kind: Kind, key: &str) -> Option<i32> {
        self.0.get(&kind)?.get(key).copied()
    }

    /// Remembers that the row of `kind` whose key is `key` has id `id`.
    pub fn insert(&mut self, kind: Kind, key: String, id: i32) {
        self.0.entry(kind).or_default().insert(key, id);
    }

    /// Indexes the rows of `R`'s file: the id `ids` gives each position,
    /// under its key; a duplicate key is a problem on the key's last column.
    pub fn index<R: Record>(&mut self, rows: &[Row<'_>], ids: &dyn Fn(usize) -> i32) {
        let column = R::KEY.last().copied().unwrap_or("");
        let index = self.0.entry(R::KIND).or_default();
        for (n, row) in rows.iter().enumerate() {
            let key = R::row_key(row);
            if key.is_empty() {
                continue;
            }
            if index.insert(key.clone(), ids(n)).is_some() {
                row.fail(column, format!("duplicate {key:?}"));
            }
        }
    }
}

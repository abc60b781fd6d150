//! Public keys and ids, both ways: [`Refs`] shows a reference (an id) by the
//! public key of the row it points at; [`Keys`] finds the id of a public key
//! while a dataset is read.

use std::collections::HashMap;

use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};

use super::{Dataset, Kind, Record, Row, for_each_record};
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

    /// The keys of exactly these `(kind, id)` references (for single writes).
    pub async fn load<C: ConnectionTrait>(conn: &C, wanted: &[(Kind, i32)]) -> Result<Self, DbErr> {
        let mut refs = Self::default();
        for_each_record!(E => {
            let ids: Vec<i32> = wanted
                .iter()
                .filter(|(kind, _)| *kind == E::KIND)
                .map(|(_, id)| *id)
                .collect();
            if E::REFERABLE && !ids.is_empty() {
                let id = <E as Record>::Table::ID;
                let rows = <E as Record>::Table::find()
                    .filter(id.is_in(ids))
                    .all(conn)
                    .await?;
                refs.add(&rows);
            }
        });
        Ok(refs)
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
        for_each_record!(E => {
            if E::REFERABLE {
                refs.add(data.rows::<E>());
            }
        });
        refs
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

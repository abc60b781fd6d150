//! Finding database rows by their public keys, reading only the rows that
//! may match: those whose column in [`Near`] holds a part of a wanted key.

use std::collections::{HashMap, HashSet};
use std::str::FromStr;

use futures::future::BoxFuture;
use sea_orm::{ColumnTrait, DatabaseTransaction, EntityTrait, QueryFilter, Value};

use crate::error::{AppError, AppResult};
use crate::records::{
    Fields, IDS_PER_STATEMENT, Kind, Near, Record, Refs, for_each_record, key_of,
};

/// A database row an import names by its key.
#[derive(Debug)]
pub struct Found {
    /// Its id.
    pub id: i32,
    /// Its version.
    pub version: i32,
    /// Its fields, references shown by key.
    pub fields: Fields,
}

/// The rows of `R` whose public key is one of `keys`, by key.
pub async fn find<R: Record>(
    txn: &DatabaseTransaction,
    keys: &[String],
) -> AppResult<HashMap<String, Found>> {
    let wanted: HashSet<&str> = keys.iter().map(String::as_str).collect();
    if wanted.is_empty() {
        return Ok(HashMap::new());
    }
    let (column, values) = near::<R>(txn, &wanted).await?;
    let column = <<R::Table as EntityTrait>::Column as FromStr>::from_str(column)
        .map_err(|_| AppError::Internal(anyhow::anyhow!("{} has no column {column}", R::TYPE)))?;
    let mut rows: Vec<R> = Vec::new();
    for chunk in values.chunks(IDS_PER_STATEMENT) {
        let filter = column.is_in(chunk.iter().cloned());
        rows.extend(R::Table::find().filter(filter).all(txn).await?);
    }
    let wanted_refs: Vec<(Kind, i32)> = rows.iter().flat_map(Record::references).collect();
    let refs = Refs::load(txn, &wanted_refs).await?;
    let mut found = HashMap::new();
    for row in rows {
        let fields = row.fields(&refs);
        let key = key_of::<R>(&fields);
        if wanted.contains(key.as_str()) {
            let (id, version) = (row.id(), row.version());
            found.insert(
                key,
                Found {
                    id,
                    version,
                    fields,
                },
            );
        }
    }
    Ok(found)
}

/// The column of `R` to narrow by, and the values it may hold for `wanted`.
async fn near<R: Record>(
    txn: &DatabaseTransaction,
    wanted: &HashSet<&str>,
) -> AppResult<(&'static str, Vec<Value>)> {
    let part = |key: &&str, last: bool| {
        let part = if last {
            key.rsplit('|').next()
        } else {
            key.split('|').next()
        };
        part.unwrap_or_default().to_owned()
    };
    Ok(match R::NEAR {
        Near::First(column) => (column, text_values(wanted.iter().map(|k| part(k, false)))),
        Near::Last(column) => (column, text_values(wanted.iter().map(|k| part(k, true)))),
        Near::Parent(kind, column) => {
            let parents: Vec<String> = wanted.iter().map(|k| part(k, false)).collect();
            let ids = ids(txn, kind, parents).await?;
            (column, ids.into_values().map(Value::from).collect())
        }
    })
}

fn text_values(parts: impl Iterator<Item = String>) -> Vec<Value> {
    let unique: HashSet<String> = parts.collect();
    unique.into_iter().map(Value::from).collect()
}

/// The ids of the rows of `kind` whose public key is one of `keys`, by key.
pub fn ids(
    txn: &DatabaseTransaction,
    kind: Kind,
    keys: Vec<String>,
) -> BoxFuture<'_, AppResult<HashMap<String, i32>>> {
    Box::pin(async move {
        let mut ids = HashMap::new();
        for_each_record!(E => {
            if E::KIND == kind {
                let found = find::<E>(txn, &keys).await?;
                ids.extend(found.into_iter().map(|(key, row)| (key, row.id)));
            }
        });
        Ok(ids)
    })
}

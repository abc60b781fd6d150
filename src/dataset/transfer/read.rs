//! An import's files read against the database by key: each imported row is
//! matched to the database row with its public key, if any; its references
//! are resolved to rows of the import or of the database; and no other row
//! of the database is read, so an import's memory grows with its files, not
//! with the database.

use std::collections::{HashMap, HashSet};

use sea_orm::sea_query::{Expr, ExprTrait, Func, Query};
use sea_orm::{ConnectionTrait, DatabaseTransaction};

use super::files::ImportFile;
use super::find::{Found, find, ids};
use crate::error::AppResult;
use crate::records::{
    Dataset, Keys, Kind, Problem, Problems, Record, Refs, Row, Rows, for_each_record,
};
use crate::store::table::Table;

/// The database rows an import names, by kind and key.
pub type Current = HashMap<Kind, HashMap<String, Found>>;

/// An import read against the database.
pub struct Read {
    /// The imported rows, each with its id (the database's, for a known key).
    pub data: Dataset,
    /// The database rows with the imported keys.
    pub current: Current,
    /// The public key of every row the imported and current rows refer to.
    pub refs: Refs,
}

/// Reads `files` against the database: every imported row, or every problem
/// (told in each file's own terms).
pub async fn read(
    txn: &DatabaseTransaction,
    files: &HashMap<Kind, ImportFile>,
    now: &str,
) -> AppResult<Result<Read, Vec<Problem>>> {
    let problems = Problems::default();
    let sheets: HashMap<Kind, Vec<Row<'_>>> = files
        .iter()
        .map(|(kind, file)| (*kind, file.rows(&problems)))
        .collect();
    let rows_of = |kind: Kind| sheets.get(&kind).map(Vec::as_slice).unwrap_or(&[]);

    let mut keys = Keys::default();
    let mut current = Current::new();
    let mut ids: HashMap<Kind, Vec<i32>> = HashMap::new();
    for_each_record!(E => {
        let rows = rows_of(E::KIND);
        if !rows.is_empty() {
            let found = matched::<E>(txn, rows, &mut keys, &mut ids).await?;
            current.insert(E::KIND, found);
        }
    });
    resolve_references(txn, &sheets, &mut keys).await?;

    let mut data = Dataset::default();
    for_each_record!(E => {
        let given = ids.get(&E::KIND).map(Vec::as_slice).unwrap_or(&[]);
        let out = Rows::<E>::rows_mut(&mut data);
        for (row, id) in rows_of(E::KIND).iter().zip(given) {
            out.push(E::from_row(row, &keys, *id, now));
        }
    });
    let problems = located(problems.into_inner(), files);
    if !problems.is_empty() {
        return Ok(Err(problems));
    }
    let refs = refs_of(txn, &data).await?;
    Ok(Ok(Read {
        data,
        current,
        refs,
    }))
}

/// Finds the database rows with the keys of `rows` and gives each row its
/// id: the database's for a known key, the next free one for a new key.
async fn matched<R: Record>(
    txn: &DatabaseTransaction,
    rows: &[Row<'_>],
    keys: &mut Keys,
    ids: &mut HashMap<Kind, Vec<i32>>,
) -> AppResult<HashMap<String, Found>> {
    let row_keys: Vec<String> = rows.iter().map(R::row_key).collect();
    let found = find::<R>(txn, &row_keys).await?;
    let mut next = max_id::<R>(txn).await?;
    let given: Vec<i32> = row_keys
        .iter()
        .map(|key| match found.get(key) {
            Some(row) => row.id,
            None => {
                next += 1;
                next
            }
        })
        .collect();
    keys.index::<R>(rows, &|n| given[n]);
    ids.insert(R::KIND, given);
    Ok(found)
}

/// The largest id in `R`'s table (0 when empty).
async fn max_id<R: Record>(txn: &DatabaseTransaction) -> AppResult<i32> {
    let id = Expr::col((R::Table::default(), <R::Table as Table>::ID));
    let query = Query::select()
        .expr(Func::coalesce([id.max(), Expr::val(0)]))
        .from(R::Table::default())
        .to_owned();
    let backend = txn.get_database_backend();
    let row = txn.query_one_raw(backend.build(&query)).await?;
    Ok(row.map_or(Ok(0), |r| r.try_get_by_index::<i32>(0))?)
}

/// Adds to `keys` the database rows that imported rows refer to but the
/// import does not hold.
async fn resolve_references(
    txn: &DatabaseTransaction,
    sheets: &HashMap<Kind, Vec<Row<'_>>>,
    keys: &mut Keys,
) -> AppResult<()> {
    let mut missing: HashMap<Kind, HashSet<String>> = HashMap::new();
    for_each_record!(E => {
        for row in sheets.get(&E::KIND).map(Vec::as_slice).unwrap_or(&[]) {
            for (kind, key) in E::referenced(row) {
                if keys.id(kind, &key).is_none() {
                    missing.entry(kind).or_default().insert(key);
                }
            }
        }
    });
    for (kind, wanted) in missing {
        for (key, id) in ids(txn, kind, wanted.into_iter().collect()).await? {
            keys.insert(kind, key, id);
        }
    }
    Ok(())
}

/// The keys of everything the imported rows refer to: the database's rows,
/// then the import's over them.
async fn refs_of(txn: &DatabaseTransaction, data: &Dataset) -> AppResult<Refs> {
    let mut wanted = Vec::new();
    for_each_record!(E => {
        wanted.extend(Rows::<E>::rows(data).iter().flat_map(Record::references));
    });
    let mut refs = Refs::load(txn, &wanted).await?;
    refs.add_dataset(data);
    Ok(refs)
}

/// Each problem once, in its file's own terms.
fn located(problems: Vec<Problem>, files: &HashMap<Kind, ImportFile>) -> Vec<Problem> {
    // A cell read twice (for the index, then for the row) reports twice.
    let mut seen = HashSet::new();
    problems
        .into_iter()
        .filter(|p| seen.insert(p.to_string()))
        .map(
            |p| match Kind::from_file(&p.file).and_then(|k| files.get(&k)) {
                Some(file) => file.locate(p),
                None => p,
            },
        )
        .collect()
}

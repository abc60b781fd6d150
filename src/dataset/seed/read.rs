//! Turns the dataset's CSV files into rows ready to insert, with ids assigned
//! and every reference resolved, or the full list of problems.
//!
//! Two passes over the files, in load order: first every row's public key
//! is indexed (finding duplicates), then every row is read with its
//! references resolved against that index, so a row may refer to any row of
//! the dataset, before or after it.

use std::collections::{HashMap, HashSet};

use super::Files;
use crate::records::{
    Dataset, Keys, Kind, Problem, Problems, Record, Row, Rows, for_each_record, read,
};

/// The id of row `n` (0-based) of a file.
pub type Ids<'a> = &'a dyn Fn(&str, usize) -> i32;

/// Parses and validates every file; all problems or a complete dataset with
/// ids 1, 2, 3... in file order.
pub fn parse(files: &Files, now: &str) -> Result<Dataset, Vec<Problem>> {
    parse_with(files, now, &|_, n| n as i32 + 1)
}

/// `parse` with ids chosen by `ids` (an import keeps the ids rows already
/// have in the database).
pub fn parse_with(files: &Files, now: &str, ids: Ids<'_>) -> Result<Dataset, Vec<Problem>> {
    let problems = Problems::default();
    let text = |name: &str| files.get(name).map(String::as_str).unwrap_or("");
    let sheets: HashMap<Kind, Vec<Row<'_>>> = Kind::ALL
        .iter()
        .map(|kind| {
            let file = kind.file();
            (*kind, read(file, text(file), kind.headers(), &problems))
        })
        .collect();
    let rows_of = |kind: Kind| sheets.get(&kind).map(Vec::as_slice).unwrap_or(&[]);

    let mut keys = Keys::default();
    for_each_record!(E => {
        keys.index::<E>(rows_of(E::KIND), &|n| ids(E::FILE, n));
    });
    let mut data = Dataset::default();
    for_each_record!(E => {
        read_rows::<E>(&mut data, rows_of(E::KIND), &keys, ids, now);
    });

    let mut problems = problems.into_inner();
    // A cell read twice (for the index, then for the row) reports twice.
    let mut seen = HashSet::new();
    problems.retain(|p| seen.insert(p.to_string()));
    if problems.is_empty() {
        Ok(data)
    } else {
        Err(problems)
    }
}

fn read_rows<R: Record>(data: &mut Dataset, rows: &[Row<'_>], keys: &Keys, ids: Ids<'_>, now: &str)
where
    Dataset: Rows<R>,
{
    let out = data.rows_mut();
    for (n, row) in rows.iter().enumerate() {
        out.push(R::from_row(row, keys, ids(R::FILE, n), now));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::seed::embedded;
    use crate::dataset::transfer::{csv_line, header_line};
    use crate::records::{Refs, Rows};

    fn printed(data: &Dataset) -> Files {
        let refs = Refs::of_dataset(data);
        let mut files = Files::new();
        for_each_record!(E => {
            let mut text = header_line(E::KIND);
            for row in Rows::<E>::rows(data) {
                text.push_str(&csv_line(E::KIND, &row.fields(&refs)));
            }
            files.insert(E::FILE.to_owned(), text);
        });
        files
    }

    /// Every record's `fields`, `HEADERS` and `from_row` agree: the shipped
    /// dataset printed as files and read back is the same dataset, and
    /// prints the same again (a column left out of any of the three breaks
    /// this).
    #[test]
    fn every_record_reads_back_what_it_prints() {
        let now = "2026-12-06T00:00:00Z";
        let first = parse(&embedded(), now).expect("the shipped dataset is valid");
        let files = printed(&first);
        let second = parse(&files, now).expect("what it prints reads back");

        for_each_record!(E => {
            assert_eq!(Rows::<E>::rows(&first), Rows::<E>::rows(&second), "{}", E::FILE);
            assert!(!Rows::<E>::rows(&first).is_empty(), "{} ships no rows", E::FILE);
        });
        assert_eq!(printed(&second), files);
    }
}

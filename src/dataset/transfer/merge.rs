//! Puts an import's files together with the database's other rows: each
//! imported file's own text first (so problems keep its line numbers), then
//! every database row the import does not replace, with the ids each row
//! will have (its database id, or a fresh one for a new key).

use std::collections::{HashMap, HashSet};

use super::export::{Row, Snapshot, csv_line, header_line};
use super::files::ImportFile;
use crate::dataset::seed::Files;
use crate::records::Kind;

/// The whole dataset as it would be after the import.
pub struct Merged {
    /// Every file's text: imported rows first, then the database's others.
    pub files: Files,
    /// The id of each row of each file, in order.
    pub ids: HashMap<&'static str, Vec<i32>>,
    /// How many leading rows of each file came from the import.
    pub imported: HashMap<&'static str, usize>,
}

/// Merges `imported` (by kind) over `current`.
pub fn merge(current: &Snapshot, imported: &HashMap<Kind, ImportFile>) -> Merged {
    let mut merged = Merged {
        files: Files::new(),
        ids: HashMap::new(),
        imported: HashMap::new(),
    };
    for (kind, rows) in current {
        let file = kind.file();
        let by_key: HashMap<&str, &Row> = rows.iter().map(|r| (r.key.as_str(), r)).collect();
        let mut text = String::new();
        let mut ids = Vec::new();
        let mut replaced = HashSet::new();
        match imported.get(kind) {
            Some(import) => {
                text.push_str(import.csv());
                if !text.ends_with('\n') {
                    text.push('\n');
                }
                let mut fresh = rows.iter().map(|r| r.id).max().unwrap_or(0);
                for key in import.keys() {
                    ids.push(match by_key.get(key.as_str()) {
                        Some(row) => row.id,
                        None => {
                            fresh += 1;
                            fresh
                        }
                    });
                    replaced.insert(key);
                }
                merged.imported.insert(file, ids.len());
            }
            None => text.push_str(&header_line(*kind)),
        }
        for row in rows.iter().filter(|r| !replaced.contains(&r.key)) {
            text.push_str(&csv_line(*kind, &row.fields));
            ids.push(row.id);
        }
        merged.files.insert(file.to_owned(), text);
        merged.ids.insert(file, ids);
    }
    merged
}

impl Merged {
    /// The id of row `n` of `file`.
    pub fn id(&self, file: &str, n: usize) -> i32 {
        self.ids
            .get(file)
            .and_then(|ids| ids.get(n))
            .copied()
            .unwrap_or(0)
    }

    /// How many leading rows of `file` the import brought.
    pub fn imported(&self, file: &str) -> usize {
        self.imported.get(file).copied().unwrap_or(0)
    }
}

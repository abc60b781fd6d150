//! Import files as they arrive (CSV or JSON, named after a table), turned into
//! CSV in the dataset layout, with problems mapped back to the caller's lines.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::records::{Kind, Problem};

/// How an import file is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// CSV with the header of the dataset file.
    Csv,
    /// A JSON array of objects keyed by the dataset file's column names.
    Json,
}

/// One file to import.
#[derive(Debug)]
pub struct ImportFile {
    name: String,
    format: Format,
    content: String,
    csv: String,
    // For JSON: the CSV line each object starts on, in order.
    starts: Vec<u64>,
}

impl ImportFile {
    /// A file named `name` (e.g. `parks.csv`) with `content`.
    pub fn new(name: String, format: Format, content: String) -> Self {
        Self {
            name,
            format,
            content,
            csv: String::new(),
            starts: Vec::new(),
        }
    }

    /// The record this file imports (`Park` for `parks.csv` or `parks.json`).
    pub fn kind(&self) -> Option<Kind> {
        let stem = Path::new(&self.name).file_stem()?.to_str()?;
        Kind::ALL
            .iter()
            .copied()
            .find(|kind| kind.file().strip_suffix(".csv") == Some(stem))
    }

    fn headers(&self) -> &'static [&'static str] {
        self.kind().map(Kind::headers).unwrap_or(&[])
    }

    /// A problem with this file at `line` (0: the whole file).
    pub fn problem(&self, line: u64, reason: impl Into<String>) -> Problem {
        Problem {
            file: self.name.clone(),
            line,
            column: None,
            reason: reason.into(),
        }
    }

    /// Checks the header (CSV) or converts the objects (JSON) to CSV.
    pub fn to_csv(&mut self) -> Result<(), Problem> {
        let headers = self.headers();
        match self.format {
            Format::Csv => {
                let mut reader = csv::ReaderBuilder::new().from_reader(self.content.as_bytes());
                let found: Vec<String> = match reader.headers() {
                    Ok(h) => h.iter().map(|c| c.trim().to_owned()).collect(),
                    Err(err) => {
                        return Err(self.problem(1, format!("cannot read the header: {err}")));
                    }
                };
                if found != headers {
                    return Err(self.problem(
                        1,
                        format!(
                            "expected the header {:?}, found {:?}",
                            headers.join(","),
                            found.join(",")
                        ),
                    ));
                }
                self.csv = std::mem::take(&mut self.content);
                Ok(())
            }
            Format::Json => self.json_to_csv(headers),
        }
    }

    fn json_to_csv(&mut self, headers: &[&str]) -> Result<(), Problem> {
        let objects: Vec<serde_json::Map<String, Value>> = serde_json::from_str(&self.content)
            .map_err(|err| {
                self.problem(
                    0,
                    format!(
                        "not a JSON array of objects (JSON line {}): {err}",
                        err.line()
                    ),
                )
            })?;
        let mut csv = format!("{}\n", headers.join(","));
        let mut line = 2;
        for (n, object) in objects.iter().enumerate() {
            if let Some(unknown) = object.keys().find(|k| !headers.contains(&k.as_str())) {
                let mut problem = self.problem(n as u64 + 1, format!("unknown column {unknown:?}"));
                problem.column = Some(unknown.clone());
                return Err(problem);
            }
            let cells: Vec<String> = headers
                .iter()
                .map(|h| match object.get(*h) {
                    None | Some(Value::Null) => String::new(),
                    Some(Value::String(s)) => s.clone(),
                    Some(other) => other.to_string(),
                })
                .collect();
            let mut writer = csv::Writer::from_writer(Vec::new());
            let _ = writer.write_record(&cells);
            let record =
                String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default();
            self.starts.push(line);
            line += record.matches('\n').count() as u64;
            csv.push_str(&record);
        }
        self.csv = csv;
        self.content.clear();
        Ok(())
    }

    /// The file as CSV in the dataset layout (after [`Self::to_csv`]).
    pub fn csv(&self) -> &str {
        &self.csv
    }

    /// The public key of each well-formed row, in order (as the loader reads them).
    pub fn keys(&self) -> Vec<String> {
        let columns = self.kind().map(Kind::key).unwrap_or(&[]);
        let headers = self.headers();
        let positions: Vec<usize> = columns
            .iter()
            .filter_map(|c| headers.iter().position(|h| h == c))
            .collect();
        csv::ReaderBuilder::new()
            .from_reader(self.csv.as_bytes())
            .records()
            .filter_map(Result::ok)
            .map(|record| {
                positions
                    .iter()
                    .map(|p| record.get(*p).unwrap_or("").trim().to_owned())
                    .collect::<Vec<_>>()
                    .join("|")
            })
            .collect()
    }

    /// `problem` (found in the merged CSV) told in this file's terms: its
    /// name, and for JSON the 1-based position of the object.
    pub fn locate(&self, mut problem: Problem) -> Problem {
        problem.file = self.name.clone();
        if self.format == Format::Json {
            problem.line = self
                .starts
                .iter()
                .rposition(|start| *start <= problem.line)
                .map_or(0, |n| n as u64 + 1);
        }
        problem
    }
}

/// Reads import files from disk; the format follows the extension.
pub fn read_files(paths: &[PathBuf]) -> anyhow::Result<Vec<ImportFile>> {
    paths
        .iter()
        .map(|path| {
            let content = std::fs::read_to_string(path)
                .map_err(|err| anyhow::anyhow!("cannot read {}: {err}", path.display()))?;
            let format = match path.extension().and_then(|e| e.to_str()) {
                Some("json") => Format::Json,
                _ => Format::Csv,
            };
            let name = path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default()
                .to_owned();
            Ok(ImportFile::new(name, format, content))
        })
        .collect()
}

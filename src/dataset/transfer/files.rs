//! Import files as they arrive (CSV or JSON, named after a table), turned into
//! CSV in the dataset layout, with problems mapped back to the caller's lines.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::records::{Kind, Problem, Problems, Row};

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
    // A CSV file on disk, read as it is parsed rather than held whole.
    path: Option<PathBuf>,
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
            path: None,
            csv: String::new(),
            starts: Vec::new(),
        }
    }

    /// The file at `path`, named by its file name; the format follows the
    /// extension. A CSV file is streamed from disk as it is read; a JSON
    /// file, one document, is read whole.
    pub fn open(path: &Path) -> anyhow::Result<Self> {
        let cannot = |err| anyhow::anyhow!("cannot read {}: {err}", path.display());
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let mut file = Self::new(name.to_owned(), Format::Csv, String::new());
        if path.extension().and_then(|e| e.to_str()) == Some("json") {
            file.format = Format::Json;
            file.content = std::fs::read_to_string(path).map_err(cannot)?;
        } else {
            std::fs::File::open(path).map_err(cannot)?;
            file.path = Some(path.to_owned());
        }
        Ok(file)
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
                let source: Box<dyn std::io::Read> = match &self.path {
                    Some(path) => match std::fs::File::open(path) {
                        Ok(file) => Box::new(std::io::BufReader::new(file)),
                        Err(err) => return Err(self.problem(0, format!("cannot read it: {err}"))),
                    },
                    None => Box::new(self.content.as_bytes()),
                };
                let mut reader = csv::ReaderBuilder::new().from_reader(source);
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
                drop(reader);
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

    /// The file's rows (after [`Self::to_csv`]), problems recorded in
    /// `problems` against the dataset file's name.
    pub fn rows<'p>(&self, problems: &'p Problems) -> Vec<Row<'p>> {
        let Some(kind) = self.kind() else {
            return Vec::new();
        };
        let Some(path) = &self.path else {
            return crate::records::read(kind.file(), &self.csv, kind.headers(), problems);
        };
        match std::fs::File::open(path) {
            Ok(file) => {
                let source = std::io::BufReader::new(file);
                crate::records::read_from(kind.file(), source, kind.headers(), problems)
            }
            Err(err) => {
                problems.record(kind.file(), 0, None, format!("cannot read it: {err}"));
                Vec::new()
            }
        }
    }

    /// `problem` (found in the file as CSV) told in this file's terms: its
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

/// The import files at `paths` (see [`ImportFile::open`]).
pub fn read_files(paths: &[PathBuf]) -> anyhow::Result<Vec<ImportFile>> {
    paths.iter().map(|path| ImportFile::open(path)).collect()
}

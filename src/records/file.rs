//! Reading a dataset file's CSV rows, from text or streamed from a reader
//! (a file on disk), with every problem recorded against its file, line and
//! column, so a bad dataset is reported whole rather than one error at a time.

use std::collections::HashMap;
use std::io::Read;
use std::sync::Mutex;

use super::Row;
use super::validate;

/// One problem in the dataset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The file, e.g. `parks.csv`.
    pub file: String,
    /// 1-based line number (the header is line 1).
    pub line: u64,
    /// The column at fault, when one is.
    pub column: Option<String>,
    /// What is wrong.
    pub reason: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.column {
            Some(column) => write!(
                f,
                "{} line {}, column {column}: {}",
                self.file, self.line, self.reason
            ),
            None => write!(f, "{} line {}: {}", self.file, self.line, self.reason),
        }
    }
}

/// The problems found so far, shared by every row reader (and across the
/// awaits of an import, so behind a lock).
#[derive(Debug, Default)]
pub struct Problems(Mutex<Vec<Problem>>);

impl Problems {
    /// Records `reason` against `file`, `line` and `column`.
    pub fn record(&self, file: &str, line: u64, column: Option<&str>, reason: String) {
        let problem = Problem {
            file: file.to_owned(),
            line,
            column: column.map(str::to_owned),
            reason,
        };
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(problem);
    }

    /// Every problem, in the order found.
    pub fn into_inner(self) -> Vec<Problem> {
        self.0.into_inner().unwrap_or_else(|e| e.into_inner())
    }
}

/// A reader that notes where the line breaks are as bytes pass through, so
/// the byte offsets csv reports become 1-based line numbers without keeping
/// the text. csv's own `line()` is not usable: with CRLF line ends a record's
/// position is the `\n` that ended the previous one.
struct Breaks<R> {
    inner: R,
    read: u64,
    /// Offsets of every `\r` and `\n`, in order.
    breaks: Vec<u64>,
    /// Offsets of every `\n`, in order.
    newlines: Vec<u64>,
}

impl<R: Read> Read for Breaks<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        for (i, byte) in buf[..n].iter().enumerate() {
            let at = self.read + i as u64;
            if matches!(byte, b'\n' | b'\r') {
                self.breaks.push(at);
            }
            if *byte == b'\n' {
                self.newlines.push(at);
            }
        }
        self.read += n as u64;
        Ok(n)
    }
}

impl<R> Breaks<R> {
    fn line_at(&self, byte: u64) -> u64 {
        let mut byte = byte;
        // Step over line breaks that belong to the previous record.
        while self.breaks.binary_search(&byte).is_ok() {
            byte += 1;
        }
        1 + self.newlines.partition_point(|at| *at < byte) as u64
    }
}

/// Parses `text` as CSV with exactly `headers`. A wrong header is one problem
/// for the whole file (and no rows).
pub fn read<'a>(
    file: &'static str,
    text: &str,
    headers: &[&'static str],
    problems: &'a Problems,
) -> Vec<Row<'a>> {
    read_from(file, text.as_bytes(), headers, problems)
}

/// [`read`], streamed from `source` (a file on disk is never held whole).
pub fn read_from<'a>(
    file: &'static str,
    source: impl Read,
    headers: &[&'static str],
    problems: &'a Problems,
) -> Vec<Row<'a>> {
    let breaks = Breaks {
        inner: source,
        read: 0,
        breaks: Vec::new(),
        newlines: Vec::new(),
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(breaks);
    let found: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(str::to_owned).collect(),
        Err(err) => {
            let reason = format!("cannot read the header: {err}");
            problems.record(file, 1, None, reason);
            return Vec::new();
        }
    };
    if found != headers {
        let reason = format!(
            "expected the header {:?}, found {:?}",
            headers.join(","),
            found.join(",")
        );
        problems.record(file, 1, None, reason);
        return Vec::new();
    }
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let at = record.position().map_or(0, |p| p.byte());
                let line = reader.get_ref().line_at(at);
                rows.push(row(file, line, headers, &record, problems));
            }
            Err(err) => {
                let at = err.position().map_or(0, |p| p.byte());
                let line = reader.get_ref().line_at(at);
                problems.record(file, line, None, format!("not valid CSV: {err}"));
                if matches!(err.kind(), csv::ErrorKind::Io(_)) {
                    break;
                }
            }
        }
    }
    rows
}

fn row<'a>(
    file: &'static str,
    line: u64,
    headers: &[&'static str],
    record: &csv::StringRecord,
    problems: &'a Problems,
) -> Row<'a> {
    let cells: HashMap<&'static str, String> = headers
        .iter()
        .zip(record.iter())
        .map(|(h, v)| (*h, v.trim().to_owned()))
        .collect();
    for (column, value) in &cells {
        if let Err(reason) = validate::cell(value) {
            problems.record(file, line, Some(column), reason);
        }
    }
    Row::new(file, line, cells, problems)
}

//! Reading CSV rows with every problem recorded against its file, line and
//! column, so a bad dataset is reported whole rather than one error at a time.

use std::cell::RefCell;
use std::collections::HashMap;

use super::{Keys, Kind};

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

/// The problems found so far, shared by every row reader.
pub type Problems = RefCell<Vec<Problem>>;

/// Turns the byte offsets csv reports into 1-based line numbers, counting
/// forward only (records come in order). csv's own `line()` is not usable: with
/// CRLF line ends a record's position is the `\n` that ended the previous one.
struct LineCounter<'t> {
    text: &'t [u8],
    offset: usize,
    line: u64,
}

impl<'t> LineCounter<'t> {
    fn new(text: &'t str) -> Self {
        Self {
            text: text.as_bytes(),
            offset: 0,
            line: 1,
        }
    }

    fn line_at(&mut self, byte: u64) -> u64 {
        let mut byte = (byte as usize).min(self.text.len());
        // Step over line breaks that belong to the previous record.
        while matches!(self.text.get(byte), Some(b'\n' | b'\r')) {
            byte += 1;
        }
        if byte >= self.offset {
            self.line += self.text[self.offset..byte]
                .iter()
                .filter(|c| **c == b'\n')
                .count() as u64;
            self.offset = byte;
        }
        self.line
    }
}

/// One CSV row with typed accessors that record problems instead of failing.
pub struct Row<'a> {
    file: &'static str,
    /// 1-based line number.
    pub line: u64,
    cells: HashMap<&'static str, String>,
    problems: &'a Problems,
}

/// Parses `text` as CSV with exactly `headers`. A wrong header is one problem
/// for the whole file (and no rows).
pub fn read<'a>(
    file: &'static str,
    text: &str,
    headers: &[&'static str],
    problems: &'a Problems,
) -> Vec<Row<'a>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(text.as_bytes());
    let found: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(str::to_owned).collect(),
        Err(err) => {
            problem(
                problems,
                file,
                1,
                None,
                format!("cannot read the header: {err}"),
            );
            return Vec::new();
        }
    };
    if found != headers {
        let reason = format!(
            "expected the header {:?}, found {:?}",
            headers.join(","),
            found.join(",")
        );
        problem(problems, file, 1, None, reason);
        return Vec::new();
    }
    let mut rows = Vec::new();
    let mut lines = LineCounter::new(text);
    for record in reader.records() {
        match record {
            Ok(record) => {
                let line = record.position().map_or(0, |p| lines.line_at(p.byte()));
                let cells: HashMap<&'static str, String> = headers
                    .iter()
                    .zip(record.iter())
                    .map(|(h, v)| (*h, v.trim().to_owned()))
                    .collect();
                for (column, value) in &cells {
                    if value.contains('\0') {
                        let reason = "contains a NUL character".to_owned();
                        problem(problems, file, line, Some(column), reason);
                    }
                }
                rows.push(Row {
                    file,
                    line,
                    cells,
                    problems,
                });
            }
            Err(err) => {
                let line = err.position().map_or(0, |p| lines.line_at(p.byte()));
                problem(problems, file, line, None, format!("not valid CSV: {err}"));
            }
        }
    }
    rows
}

fn problem(problems: &Problems, file: &str, line: u64, column: Option<&str>, reason: String) {
    problems.borrow_mut().push(Problem {
        file: file.to_owned(),
        line,
        column: column.map(str::to_owned),
        reason,
    });
}

impl Row<'_> {
    /// Records a problem with `column` of this row.
    pub fn fail(&self, column: &str, reason: impl Into<String>) {
        problem(
            self.problems,
            self.file,
            self.line,
            Some(column),
            reason.into(),
        );
    }

    /// The cell, or None when empty.
    pub fn opt(&self, column: &str) -> Option<String> {
        self.cells.get(column).filter(|v| !v.is_empty()).cloned()
    }

    /// A cell that must not be empty.
    pub fn text(&self, column: &str) -> String {
        self.opt(column).unwrap_or_else(|| {
            self.fail(column, "must not be empty");
            String::new()
        })
    }

    /// A slug: lower-case letters and digits in hyphen-separated words.
    pub fn slug(&self, column: &str) -> String {
        let value = self.text(column);
        let valid = !value.is_empty()
            && value.split('-').all(|w| {
                !w.is_empty()
                    && w.chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
            });
        if !value.is_empty() && !valid {
            self.fail(
                column,
                format!("{value:?} is not a slug (lower-case words joined by hyphens)"),
            );
        }
        value
    }

    /// An optional whole number.
    pub fn int<T: std::str::FromStr>(&self, column: &str) -> Option<T> {
        let value = self.opt(column)?;
        value.parse().ok().or_else(|| {
            self.fail(column, format!("{value:?} is not a whole number"));
            None
        })
    }

    /// An optional whole number that cannot be negative (an area, a head count).
    pub fn count<T: TryFrom<i64>>(&self, column: &str) -> Option<T> {
        let value: i64 = self.int(column)?;
        match T::try_from(value) {
            Ok(v) if value >= 0 => Some(v),
            _ => {
                self.fail(
                    column,
                    format!("{value} is not a count (0 or more, and not too large)"),
                );
                None
            }
        }
    }

    /// An optional amount that cannot be negative (a cost in dollars).
    pub fn amount(&self, column: &str) -> Option<f64> {
        let value = self.float(column)?;
        if value < 0.0 {
            self.fail(column, format!("{value} is negative"));
            return None;
        }
        Some(value)
    }

    /// Text that becomes part of a composite key (`key|period`): no `|` allowed.
    pub fn key_part(&self, column: &str) -> String {
        let value = self.text(column);
        if value.contains('|') {
            self.fail(column, "must not contain `|`");
        }
        value
    }

    /// Checks that the dates in `from` and `to`, when both are given, are in order.
    pub fn ordered_dates(&self, from: &str, to: &str) {
        if let (Some(a), Some(b)) = (self.date(from), self.date(to))
            && a > b
        {
            self.fail(to, format!("{b} is before {from} {a}"));
        }
    }

    /// An optional number.
    pub fn float(&self, column: &str) -> Option<f64> {
        let value = self.opt(column)?;
        value
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite())
            .or_else(|| {
                self.fail(column, format!("{value:?} is not a number"));
                None
            })
    }

    /// A number that must be given.
    pub fn number(&self, column: &str) -> f64 {
        let value = self.float(column);
        if value.is_none() && self.opt(column).is_none() {
            self.fail(column, "must not be empty");
        }
        value.unwrap_or_default()
    }

    /// An optional ISO-8601 date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn date(&self, column: &str) -> Option<String> {
        let value = self.opt(column)?;
        if is_partial_date(&value) {
            Some(value)
        } else {
            self.fail(
                column,
                format!("{value:?} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"),
            );
            None
        }
    }

    /// A required value that must be one of `names` (an enum's, as stored).
    pub fn one_of(&self, column: &str, names: &[&str]) -> String {
        let value = self.text(column);
        if !value.is_empty() && !names.contains(&value.as_str()) {
            self.fail(
                column,
                format!("{value:?} is not one of {}", names.join(", ")),
            );
        }
        value
    }

    /// The id of the `kind` whose key `column` holds; None (and a problem)
    /// when the key is unknown, None when the cell is empty and `required`
    /// is false.
    pub fn reference(&self, column: &str, keys: &Keys, kind: Kind, required: bool) -> Option<i32> {
        let Some(key) = self.opt(column) else {
            if required {
                self.fail(column, "must not be empty");
            }
            return None;
        };
        let id = keys.id(kind, &key);
        if id.is_none() {
            self.fail(column, format!("unknown {} {key:?}", kind.type_name()));
        }
        id
    }
}

/// True for `YYYY`, `YYYY-MM` and `YYYY-MM-DD` with a plausible month and day.
pub fn is_partial_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let number = |s: &str, len: usize, range: std::ops::RangeInclusive<u32>| {
        s.len() == len
            && s.chars().all(|c| c.is_ascii_digit())
            && s.parse().is_ok_and(|n| range.contains(&n))
    };
    match parts.as_slice() {
        [y] => number(y, 4, 1000..=9999),
        [y, m] => number(y, 4, 1000..=9999) && number(m, 2, 1..=12),
        [y, m, d] => number(y, 4, 1000..=9999) && number(m, 2, 1..=12) && number(d, 2, 1..=31),
        _ => false,
    }
}

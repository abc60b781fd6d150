//! Reading CSV rows with every problem recorded against its file, line and
//! column, so a bad dataset is reported whole rather than one error at a time.

use std::cell::RefCell;
use std::collections::HashMap;

use super::validate::{self, Rule};
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
                    if let Err(reason) = validate::cell(value) {
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

    /// `rule`'s value, or its reason recorded against `column` (and None).
    fn check<T>(&self, column: &str, rule: Rule<T>) -> Option<T> {
        rule.map_err(|reason| self.fail(column, reason)).ok()
    }

    /// The cell as written, or None when empty (for keys and references).
    pub fn opt(&self, column: &str) -> Option<String> {
        self.cells.get(column).filter(|v| !v.is_empty()).cloned()
    }

    /// Optional text (see [`validate::text`]).
    pub fn opt_text(&self, column: &str) -> Option<String> {
        let cell = self.cells.get(column).map_or("", String::as_str);
        self.check(column, validate::text(cell, false)).flatten()
    }

    /// Text that must be given.
    pub fn text(&self, column: &str) -> String {
        let value = self.opt_text(column);
        self.check(column, validate::required(value))
            .unwrap_or_default()
    }

    /// Text that is part of a composite key (`key|period`): no `|` allowed.
    pub fn key_part(&self, column: &str) -> String {
        let cell = self.cells.get(column).map_or("", String::as_str);
        let value = self.check(column, validate::text(cell, true)).flatten();
        self.check(column, validate::required(value))
            .unwrap_or_default()
    }

    /// A slug (see [`validate::slug`]).
    pub fn slug(&self, column: &str) -> String {
        let value = self.text(column);
        if !value.is_empty() {
            self.check(column, validate::slug(&value));
        }
        value
    }

    /// An http(s) URL that must be given.
    pub fn url(&self, column: &str) -> String {
        let value = self.text(column);
        if !value.is_empty() {
            self.check(column, validate::url(&value));
        }
        value
    }

    /// An optional whole number.
    pub fn int<T: std::str::FromStr>(&self, column: &str) -> Option<T> {
        let value = self.opt(column)?;
        let parsed = value
            .parse()
            .map_err(|_| format!("{value:?} is not a whole number"));
        self.check(column, parsed)
    }

    /// An optional count (see [`validate::count`]) that fits `T`.
    pub fn count<T: TryFrom<i64>>(&self, column: &str) -> Option<T> {
        let value = self.check(column, validate::count(self.int(column)?))?;
        let fits = T::try_from(value).map_err(|_| format!("{value} is too large"));
        self.check(column, fits)
    }

    /// An optional year (see [`validate::year`]).
    pub fn year(&self, column: &str) -> Option<i32> {
        let value = self.int(column)?;
        self.check(column, validate::year(value))
    }

    /// An optional amount of money (see [`validate::amount`]).
    pub fn amount(&self, column: &str) -> Option<f64> {
        let value = self.float(column)?;
        self.check(column, validate::amount(value))
    }

    /// Checks that the dates in `from` and `to`, when both are given, are in order.
    pub fn ordered_dates(&self, from: &str, to: &str) {
        let (since, until) = (self.date(from), self.date(to));
        self.check(
            to,
            validate::ordered(from, since.as_deref(), until.as_deref()),
        );
    }

    /// An optional number.
    pub fn float(&self, column: &str) -> Option<f64> {
        let value = self.opt(column)?;
        let parsed = value.parse::<f64>().ok().filter(|v| v.is_finite());
        self.check(
            column,
            parsed.ok_or_else(|| format!("{value:?} is not a number")),
        )
    }

    /// A number that must be given.
    pub fn number(&self, column: &str) -> f64 {
        let value = self.float(column);
        if value.is_none() && self.opt(column).is_none() {
            self.fail(column, "must not be empty");
        }
        value.unwrap_or_default()
    }

    /// An optional date (see [`validate::date`]).
    pub fn date(&self, column: &str) -> Option<String> {
        let value = self.opt(column)?;
        self.check(column, validate::date(&value))?;
        Some(value)
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

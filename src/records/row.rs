//! Typed reading of one CSV row: each accessor applies the rule of its kind
//! of value (`validate`) and records a broken one as a problem on the row's
//! file, line and column instead of failing, so a bad file is reported
//! whole.

use std::collections::HashMap;

use super::file::Problems;
use super::validate::{self, Rule};
use super::{Keys, Kind};

/// One CSV row with typed accessors that record problems instead of failing.
pub struct Row<'a> {
    file: &'static str,
    /// 1-based line number.
    pub line: u64,
    cells: HashMap<&'static str, String>,
    problems: &'a Problems,
}

impl<'a> Row<'a> {
    pub(super) fn new(
        file: &'static str,
        line: u64,
        cells: HashMap<&'static str, String>,
        problems: &'a Problems,
    ) -> Self {
        Self {
            file,
            line,
            cells,
            problems,
        }
    }
}

impl Row<'_> {
    /// Records a problem with `column` of this row.
    pub fn fail(&self, column: &str, reason: impl Into<String>) {
        let reason = reason.into();
        (self.problems).record(self.file, self.line, Some(column), reason);
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

    /// Degrees that must be given, within `limit` either way (see
    /// [`validate::degrees`]).
    pub fn degrees(&self, column: &str, limit: f64) -> f64 {
        let value = self.number(column);
        self.check(column, validate::degrees(value, limit))
            .unwrap_or_default()
    }

    /// Optional degrees, within `limit` either way.
    pub fn opt_degrees(&self, column: &str, limit: f64) -> Option<f64> {
        let value = self.float(column)?;
        self.check(column, validate::degrees(value, limit))
    }

    /// An optional http(s) URL.
    pub fn opt_url(&self, column: &str) -> Option<String> {
        let value = self.opt(column)?;
        self.check(column, validate::url(&value))?;
        Some(value)
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

    /// A date that must be given (see [`validate::date`]).
    pub fn required_date(&self, column: &str) -> String {
        if self.opt(column).is_none() {
            self.fail(column, "must not be empty");
        }
        self.date(column).unwrap_or_default()
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

    /// An optional yes or no: `true`, `false`, or empty for not known.
    pub fn flag(&self, column: &str) -> Option<bool> {
        match self.opt(column)?.as_str() {
            "true" => Some(true),
            "false" => Some(false),
            other => {
                self.fail(column, format!("{other:?} is not true or false"));
                None
            }
        }
    }

    /// An optional value that, when given, must be one of `names`.
    pub fn opt_one_of(&self, column: &str, names: &[&str]) -> Option<String> {
        self.opt(column)?;
        Some(self.one_of(column, names))
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

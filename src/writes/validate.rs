//! The rules of `records::validate` applied to mutation inputs: a broken rule
//! is BAD_USER_INPUT naming the field (`input.areaSqft`), with the reason
//! the dataset loader gives for the same value.

use crate::error::{AppError, AppResult};
use crate::records::validate::{self as rules, Rule};

/// `rule`'s value, or BAD_USER_INPUT naming `field` with its reason.
pub fn rule<T>(field: &str, rule: Rule<T>) -> AppResult<T> {
    rule.map_err(|reason| AppError::bad_input(field, reason))
}

/// A slug.
pub fn slug(field: &str, value: &str) -> AppResult<()> {
    rule(field, rules::slug(value))
}

/// Text that must be given (trimmed), without `|` when it is a `key` part.
pub fn text(field: &str, value: &str, key: bool) -> AppResult<String> {
    let value = rule(field, rules::text(value, key))?;
    rule(field, rules::required(value))
}

/// Optional text: trimmed, and empty means none.
pub fn opt_text(field: &str, value: Option<String>) -> AppResult<Option<String>> {
    let value = value.unwrap_or_default();
    rule(field, rules::text(&value, false))
}

/// A count or area: zero or more.
pub fn count(field: &str, value: Option<i64>) -> AppResult<Option<i64>> {
    value.map(|v| rule(field, rules::count(v))).transpose()
}

/// An amount of money: finite and zero or more.
pub fn amount(field: &str, value: Option<f64>) -> AppResult<Option<f64>> {
    value.map(|v| rule(field, rules::amount(v))).transpose()
}

/// Degrees within `limit` either way (a latitude, 90; a longitude, 180).
pub fn degrees(field: &str, value: f64, limit: f64) -> AppResult<f64> {
    rule(field, rules::degrees(value, limit))
}

/// A year.
pub fn year(field: &str, value: Option<i32>) -> AppResult<Option<i32>> {
    value.map(|v| rule(field, rules::year(v))).transpose()
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; empty means none.
pub fn date(field: &str, value: Option<String>) -> AppResult<Option<String>> {
    let value = rule(field, rules::text(&value.unwrap_or_default(), false))?;
    if let Some(v) = &value {
        rule(field, rules::date(v))?;
    }
    Ok(value)
}

/// `until` (the field `field`) not before `since`.
pub fn ordered(field: &str, since: Option<&str>, until: Option<&str>) -> AppResult<()> {
    rule(field, rules::ordered("since", since, until))
}

/// An http(s) URL.
pub fn url(field: &str, value: &str) -> AppResult<String> {
    let value = text(field, value, true)?;
    rule(field, rules::url(&value))?;
    Ok(value)
}

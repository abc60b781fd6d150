//! Checks on mutation inputs. Each failure is BAD_USER_INPUT naming the field
//! (`input.areaSqft`), with the same rules the dataset loader applies.

use crate::error::{AppError, AppResult};

/// A slug: lower-case words of letters and digits joined by hyphens.
pub fn slug(field: &str, value: &str) -> AppResult<()> {
    let valid = !value.is_empty()
        && value.len() <= 200
        && value.split('-').all(|w| {
            !w.is_empty()
                && w.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        });
    if valid {
        Ok(())
    } else {
        Err(AppError::bad_input(
            field,
            format!("{value:?} is not a slug (lower-case words joined by hyphens)"),
        ))
    }
}

/// Non-empty text without NUL or `|` (which joins composite keys) when `key`.
pub fn text(field: &str, value: &str, key: bool) -> AppResult<String> {
    let value = value.trim();
    if value.is_empty() {
        return Err(AppError::bad_input(field, "must not be empty"));
    }
    if value.contains('\0') {
        return Err(AppError::bad_input(field, "contains a NUL character"));
    }
    if key && value.contains('|') {
        return Err(AppError::bad_input(field, "must not contain `|`"));
    }
    if value.len() > 10_000 {
        return Err(AppError::bad_input(field, "is longer than 10,000 bytes"));
    }
    Ok(value.to_owned())
}

/// Optional text: trimmed, and empty means none.
pub fn opt_text(field: &str, value: Option<String>) -> AppResult<Option<String>> {
    match value.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) => text(field, v, false).map(Some),
    }
}

/// A count or area: zero or more.
pub fn count(field: &str, value: Option<i64>) -> AppResult<Option<i64>> {
    match value {
        Some(v) if v < 0 => Err(AppError::bad_input(
            field,
            format!("must be zero or more, not {v}"),
        )),
        other => Ok(other),
    }
}

/// An amount of money: finite and zero or more.
pub fn amount(field: &str, value: Option<f64>) -> AppResult<Option<f64>> {
    match value {
        Some(v) if !v.is_finite() || v < 0.0 => Err(AppError::bad_input(
            field,
            format!("must be zero or more, not {v}"),
        )),
        other => Ok(other),
    }
}

/// A year between 1900 and 2200.
pub fn year(field: &str, value: Option<i32>) -> AppResult<Option<i32>> {
    match value {
        Some(v) if !(1900..=2200).contains(&v) => Err(AppError::bad_input(
            field,
            format!("must be a year between 1900 and 2200, not {v}"),
        )),
        other => Ok(other),
    }
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
pub fn date(field: &str, value: Option<String>) -> AppResult<Option<String>> {
    match value.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) if crate::records::is_partial_date(v) => Ok(Some(v.to_owned())),
        Some(v) => Err(AppError::bad_input(
            field,
            format!("{v:?} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"),
        )),
    }
}

/// `until` not before `since` (partial dates compare by their text).
pub fn ordered(field: &str, since: Option<&str>, until: Option<&str>) -> AppResult<()> {
    match (since, until) {
        (Some(s), Some(u)) if u < s => {
            Err(AppError::bad_input(field, format!("{u} is before {s}")))
        }
        _ => Ok(()),
    }
}

/// An http(s) URL.
pub fn url(field: &str, value: &str) -> AppResult<String> {
    let value = text(field, value, true)?;
    if value.starts_with("https://") || value.starts_with("http://") {
        Ok(value)
    } else {
        Err(AppError::bad_input(
            field,
            format!("{value:?} is not an http(s) URL"),
        ))
    }
}

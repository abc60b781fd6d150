//! The rules a stored value meets, written once. A mutation reports a broken
//! rule as BAD_USER_INPUT naming its input field (`writes::validate`); seed
//! and import report it as a problem naming file, line and column ([`Row`]).
//! The reason is the same text either way.
//!
//! [`Row`]: super::Row

use std::ops::RangeInclusive;

/// A value, or why it breaks a rule.
pub type Rule<T> = Result<T, String>;

/// The longest slug, in bytes.
pub const SLUG_BYTES: usize = 200;
/// The longest text, in bytes.
pub const TEXT_BYTES: usize = 10_000;
/// The years a year field may hold.
pub const YEARS: RangeInclusive<i32> = 1900..=2200;

/// Any text kept: no NUL character (PostgreSQL refuses it) and at most
/// [`TEXT_BYTES`].
pub fn cell(value: &str) -> Rule<()> {
    if value.contains('\0') {
        return Err("contains a NUL character".to_owned());
    }
    if value.len() > TEXT_BYTES {
        return Err("is longer than 10,000 bytes".to_owned());
    }
    Ok(())
}

/// Text trimmed, `None` when empty; a `key` part (joined by `|` into a
/// composite key) may not contain `|`.
pub fn text(value: &str, key: bool) -> Rule<Option<String>> {
    let value = value.trim();
    cell(value)?;
    if key && value.contains('|') {
        return Err("must not contain `|`".to_owned());
    }
    Ok((!value.is_empty()).then(|| value.to_owned()))
}

/// Text that must be given.
pub fn required(value: Option<String>) -> Rule<String> {
    value.ok_or_else(|| "must not be empty".to_owned())
}

/// A slug: lower-case words of letters and digits joined by hyphens, at
/// most [`SLUG_BYTES`].
pub fn slug(value: &str) -> Rule<()> {
    if value.len() > SLUG_BYTES {
        return Err("is longer than 200 bytes".to_owned());
    }
    let word = |w: &str| {
        !w.is_empty()
            && w.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
    };
    if value.split('-').all(word) {
        Ok(())
    } else {
        Err(format!(
            "{value:?} is not a slug (lower-case words joined by hyphens)"
        ))
    }
}

/// A count or an area: zero or more.
pub fn count(value: i64) -> Rule<i64> {
    if value < 0 {
        return Err(format!("{value} is not a count (zero or more)"));
    }
    Ok(value)
}

/// An amount of money: finite and zero or more.
pub fn amount(value: f64) -> Rule<f64> {
    if !value.is_finite() || value < 0.0 {
        return Err(format!("{value} is not an amount (zero or more)"));
    }
    Ok(value)
}

/// A latitude (`limit` 90) or longitude (`limit` 180) in degrees.
pub fn degrees(value: f64, limit: f64) -> Rule<f64> {
    if !value.is_finite() || value.abs() > limit {
        return Err(format!(
            "{value} is not between -{limit} and {limit} degrees"
        ));
    }
    Ok(value)
}

/// A year in [`YEARS`].
pub fn year(value: i32) -> Rule<i32> {
    if !YEARS.contains(&value) {
        return Err(format!("{value} is not a year from 1900 to 2200"));
    }
    Ok(value)
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
pub fn date(value: &str) -> Rule<()> {
    if is_partial_date(value) {
        Ok(())
    } else {
        Err(format!(
            "{value:?} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"
        ))
    }
}

/// `until` not before `since`, the column or field named `from` (partial
/// dates compare by their text).
pub fn ordered(from: &str, since: Option<&str>, until: Option<&str>) -> Rule<()> {
    match (since, until) {
        (Some(s), Some(u)) if u < s => Err(format!("{u} is before {from} {s}")),
        _ => Ok(()),
    }
}

/// An http(s) URL: every served fact has a page behind it.
pub fn url(value: &str) -> Rule<()> {
    if value.starts_with("https://") || value.starts_with("http://") {
        Ok(())
    } else {
        Err(format!("{value:?} is not an http(s) URL"))
    }
}

/// True for `YYYY`, `YYYY-MM` and `YYYY-MM-DD` with a plausible month and day.
pub fn is_partial_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let number = |s: &str, len: usize, range: RangeInclusive<u32>| {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_refuses_with_a_reason_and_keeps_what_it_accepts() {
        assert_eq!(
            slug(&"a".repeat(201)),
            Err("is longer than 200 bytes".into())
        );
        assert!(slug("Not A Slug").unwrap_err().contains("is not a slug"));
        assert!(slug("karachi-it-park-2").is_ok());
        assert_eq!(text("  x  ", false), Ok(Some("x".into())));
        assert_eq!(text("   ", false), Ok(None));
        assert_eq!(text("a|b", true), Err("must not contain `|`".into()));
        assert_eq!(text("a\0", false), Err("contains a NUL character".into()));
        assert_eq!(
            year(3000),
            Err("3000 is not a year from 1900 to 2200".into())
        );
        assert_eq!(count(-5), Err("-5 is not a count (zero or more)".into()));
        assert!(amount(f64::NAN).is_err() && amount(0.0).is_ok());
        assert_eq!(
            ordered("since", Some("2020"), Some("2017-09")),
            Err("2017-09 is before since 2020".into())
        );
        assert!(url("ftp://x").is_err() && url("https://x").is_ok());
        assert!(date("2020-13").is_err() && date("2020-12-31").is_ok());
    }
}

//! Reading one setting's text into a value, with errors that name the variable.

use std::time::Duration;

use super::ConfigError;

pub fn millis(
    value: Option<String>,
    name: &'static str,
    default: Duration,
) -> Result<Duration, ConfigError> {
    let default = default.as_millis() as u64;
    parse(
        value,
        name,
        default,
        "a positive whole number of milliseconds",
    )
    .and_then(|n: u64| positive(name, n))
    .map(Duration::from_millis)
}

pub fn origins(list: &str) -> Result<Vec<String>, ConfigError> {
    let origins: Vec<String> = list
        .split(',')
        .map(|o| o.trim().trim_end_matches('/').to_owned())
        .filter(|o| !o.is_empty())
        .collect();
    match origins
        .iter()
        .find(|o| *o != "*" && !(o.starts_with("http://") || o.starts_with("https://")))
    {
        Some(bad) => Err(ConfigError {
            name: "PARKGRAPH_CORS_ORIGINS",
            value: bad.clone(),
            reason: "expected origins like https://app.example.org, comma-separated, or *".into(),
        }),
        None => Ok(origins),
    }
}

pub fn parse<T: std::str::FromStr>(
    value: Option<String>,
    name: &'static str,
    default: T,
    expected: &str,
) -> Result<T, ConfigError> {
    match value {
        None => Ok(default),
        Some(value) => value.trim().parse().map_err(|_| ConfigError {
            name,
            value,
            reason: format!("expected {expected}"),
        }),
    }
}

pub fn positive<N: Copy + Default + PartialEq + ToString>(
    name: &'static str,
    n: N,
) -> Result<N, ConfigError> {
    if n == N::default() {
        return Err(ConfigError {
            name,
            value: n.to_string(),
            reason: "expected a positive whole number".into(),
        });
    }
    Ok(n)
}

pub fn day(name: &'static str, text: &str) -> Result<time::Date, ConfigError> {
    let parts: Vec<&str> = text.trim().split('-').collect();
    let number = |i: usize, len: usize| {
        (parts
            .get(i)
            .filter(|p| p.len() == len && p.bytes().all(|b| b.is_ascii_digit())))
        .and_then(|p| p.parse::<i32>().ok())
    };
    let date = match (parts.len(), number(0, 4), number(1, 2), number(2, 2)) {
        (3, Some(y), Some(m), Some(d)) => time::Month::try_from(m as u8)
            .ok()
            .and_then(|m| time::Date::from_calendar_date(y, m, d as u8).ok()),
        _ => None,
    };
    date.ok_or_else(|| ConfigError {
        name,
        value: text.to_owned(),
        reason: "expected a date, YYYY-MM-DD".into(),
    })
}

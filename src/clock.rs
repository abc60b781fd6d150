//! Wall-clock timestamps as the API shows them.

use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// The current time as ISO-8601 / RFC 3339 in UTC, e.g. `2026-11-27T20:05:00Z`.
pub fn now() -> String {
    OffsetDateTime::now_utc()
        .replace_nanosecond(0)
        .unwrap_or_else(|_| OffsetDateTime::now_utc())
        .format(&Rfc3339)
        .unwrap_or_default()
}

/// The time `age` before now, in the form of [`now`] (so that the two
/// compare as text).
pub fn ago(age: std::time::Duration) -> String {
    let then = OffsetDateTime::now_utc() - age;
    then.replace_nanosecond(0)
        .unwrap_or(then)
        .format(&Rfc3339)
        .unwrap_or_default()
}

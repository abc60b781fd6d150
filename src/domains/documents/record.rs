//! What a source document is as a stored record, and the names its enums
//! are stored under.

use async_graphql::Enum;
use entity::source_document::{Entity, Model};

use crate::graphql::enums::names;

/// What kind of document a source is.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum SourceKind {
    /// A government body's own release or page.
    GovernmentRelease,
    /// A statistical publication (the Economic Survey, central bank data).
    StatisticalPublication,
    /// The state news agency (APP).
    NewsAgency,
    /// A news outlet's report.
    News,
    /// The technology trade press.
    TradePress,
    /// A park developer's or operator's own site.
    DeveloperSite,
    /// A university's, company's or consultant's own site.
    InstitutionSite,
    /// A blog, aggregator, forum or property portal: weak on its own.
    Aggregator,
    /// A reference database (GeoNames).
    ReferenceDatabase,
    /// Not yet classified.
    Other,
}

/// How precise a date is (Wikidata's precisions 9, 10 and 11, and unknown).
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum DatePrecision {
    /// To the day: `YYYY-MM-DD`.
    Day,
    /// To the month: `YYYY-MM`.
    Month,
    /// To the year: `YYYY`.
    Year,
    /// Not known: no date is given.
    Unknown,
}

impl DatePrecision {
    /// The precision an ISO-8601 date written as `YYYY[-MM[-DD]]` has.
    pub fn of(date: Option<&str>) -> Self {
        match date.map(str::len) {
            Some(10) => Self::Day,
            Some(7) => Self::Month,
            Some(4) => Self::Year,
            _ => Self::Unknown,
        }
    }
}

crate::store::rows::by_position! {
    Model {
        id, url, title, publisher, kind, published_on, published_precision, notes, version,
        updated_at,
    }
}

crate::record! {
    Model in Entity as "source_document" from "source_documents.csv",
        key [url] near First("url"), referable;
    url: url,
    title: opt_text,
    publisher: opt_text,
    kind: one_of(&names::<SourceKind>()),
    published_on: date,
    published_precision: one_of(&names::<DatePrecision>()),
    notes: opt_text,
    check |row| {
        let date = row.opt("published_on");
        let precision = crate::graphql::enums::to_db(DatePrecision::of(date.as_deref()));
        if row.opt("published_precision").is_some_and(|p| p != precision) {
            row.fail("published_precision", format!("the date given has precision {precision}"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_has_the_precision_its_form_shows() {
        assert_eq!(DatePrecision::of(Some("2025-02-14")), DatePrecision::Day);
        assert_eq!(DatePrecision::of(Some("2025-02")), DatePrecision::Month);
        assert_eq!(DatePrecision::of(Some("2025")), DatePrecision::Year);
        assert_eq!(DatePrecision::of(None), DatePrecision::Unknown);
    }
}

//! What a project claim is as a stored record, and the names its enums
//! are stored under.

use async_graphql::Enum;
use entity::project_claim::{Entity, Model};

use crate::graphql::enums::{from_db, names};
use crate::records::Kind;

/// A disputed property of a project.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum ClaimProperty {
    /// What it costs (an amount in `unit`).
    Cost,
    /// When it is due to be completed (a date).
    CompletionDue,
    /// When it is due to be commissioned (a date).
    CommissioningDue,
    /// Jobs it is to create.
    JobsTarget,
    /// Exports it is to bring, a year.
    ExportsTarget,
    /// Its covered area.
    AreaSqft,
    /// Physical progress, percent.
    PhysicalProgress,
    /// Financial progress (money spent of the budget), percent.
    FinancialProgress,
}

impl ClaimProperty {
    /// Whether its values are dates (else numbers).
    pub fn dated(self) -> bool {
        matches!(self, Self::CompletionDue | Self::CommissioningDue)
    }

    /// Why a value given as a number (`number`) or a date (`date`) does not
    /// fit this property, and which of the two is at fault; None when it fits.
    pub fn misfit(self, number: bool, date: bool) -> Option<(Value, &'static str)> {
        match (self.dated(), number, date) {
            (true, false, true) | (false, true, false) => None,
            (true, ..) => Some((
                Value::Date,
                "a date property takes value_date, not value_number",
            )),
            (false, ..) => Some((
                Value::Number,
                "this property takes value_number, not value_date",
            )),
        }
    }
}

/// Whether a claim dated `as_of` may have been stated by `day` (both
/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`): its first possible day is not after
/// `day`'s last.
pub fn stated_by(as_of: &str, day: &str) -> bool {
    let last = match day.len() {
        4 => format!("{day}-99-99"),
        7 => format!("{day}-99"),
        _ => day.to_owned(),
    };
    as_of <= last.as_str()
}

/// The two ways a claim's value is given.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// `value_number`.
    Number,
    /// `value_date`.
    Date,
}

/// How a claim stands against the others for the same property.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum ClaimRank {
    /// The value the typed field shows; at most one per project and property.
    Preferred,
    /// A value that held when stated, or that stands beside the preferred.
    Normal,
    /// A value judged wrong; shown only when asked for.
    Deprecated,
}

/// Why a claim has its rank.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum ClaimRankReason {
    /// The latest official statement.
    LatestOfficial,
    /// A primary source (the government's own figures).
    PrimarySource,
    /// True when stated, since replaced.
    Outdated,
    /// Replaced by a correction.
    Superseded,
    /// A rounded form of another value.
    Rounded,
    /// Measures something else (another scope or basis).
    DifferentBasis,
    /// Probably an error.
    LikelyError,
    /// Not confirmed by any other source.
    Unverified,
    /// Stated by a party with a stake in it.
    SelfInterested,
}

/// How exact a value is.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum Approximation {
    /// As stated.
    Exact,
    /// About.
    Approx,
    /// At least ("over").
    AtLeast,
    /// At most.
    AtMost,
}

/// The unit of a claim's amount.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum ClaimUnit {
    /// US dollars.
    Usd,
    /// Pakistani rupees.
    Pkr,
    /// People (jobs).
    Person,
    /// Percent.
    Percent,
    /// Square feet.
    Sqft,
}

crate::store::rows::by_position! {
    Model {
        id, project_id, property, value_number, value_date, unit, approximation, basis, as_of,
        rank, rank_reason, source_url, quote, version, updated_at, stated_by, stated_by_id,
    }
}

crate::record! {
    Model in Entity as "project_claim" from "project_claims.csv",
        key [project_slug, property, unit, as_of, source_url] near Parent(Kind::Project, "project_id");
    project_slug -> project_id: Project,
    property: one_of(&names::<ClaimProperty>()),
    value_number: float,
    value_date: date,
    unit: opt_text,
    approximation: one_of(&names::<Approximation>()),
    basis: opt_text,
    as_of: required_date,
    rank: one_of(&names::<ClaimRank>()),
    rank_reason: opt_text,
    source_url: url key of SourceDocument,
    quote: opt_text,
    stated_by: opt_text,
    stated_by_organization -> stated_by_id: Organization,
    check |row| {
        let property = row.opt("property").and_then(|p| from_db::<ClaimProperty>(&p).ok());
        let (number, date) = (row.opt("value_number").is_some(), row.opt("value_date").is_some());
        if let Some((value, reason)) = property.and_then(|p| p.misfit(number, date)) {
            let column = if value == Value::Date { "value_date" } else { "value_number" };
            row.fail(column, reason);
        }
        let units = names::<ClaimUnit>();
        if let Some(unit) = row.opt("unit").filter(|u| !units.contains(&u.as_str())) {
            row.fail("unit", format!("{unit:?} is not one of {}", units.join(", ")));
        }
        let reasons = names::<ClaimRankReason>();
        if let Some(reason) = row.opt("rank_reason").filter(|r| !reasons.contains(&r.as_str())) {
            row.fail("rank_reason", format!("{reason:?} is not one of {}", reasons.join(", ")));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_dated_properties_are_the_deadlines() {
        let properties = <ClaimProperty as async_graphql::EnumType>::items();
        let dated: Vec<&str> = (properties.iter())
            .filter(|item| item.value.dated())
            .map(|item| item.name)
            .collect();
        assert_eq!(dated, ["COMPLETION_DUE", "COMMISSIONING_DUE"]);
    }

    #[test]
    fn a_claim_counts_as_stated_by_a_day_its_period_may_have_begun() {
        assert!(stated_by("2025-08", "2025-08-01"));
        assert!(stated_by("2025-08-15", "2025-08"));
        assert!(stated_by("2025-12-31", "2025"));
        assert!(!stated_by("2025-08-16", "2025-08-15"));
        assert!(!stated_by("2026", "2025-12-31"));
    }
}

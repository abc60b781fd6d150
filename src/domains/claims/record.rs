//! The vocabulary of claims, shared by projects' and parks': the disputed
//! properties, ranks and their reasons, approximation and units.

use async_graphql::Enum;

use crate::error::{AppError, AppResult};
use crate::graphql::enums::{from_db, names, to_db};
use crate::records::Row;

/// A disputed property of a project or a park.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum ClaimProperty {
    /// What it costs (an amount in `unit`).
    Cost,
    /// When it is due to be completed (a date). Projects only.
    CompletionDue,
    /// When it is due to be commissioned (a date). Projects only.
    CommissioningDue,
    /// Jobs it is to create. Projects only.
    JobsTarget,
    /// Exports it is to bring, a year. Projects only.
    ExportsTarget,
    /// Its covered area.
    AreaSqft,
    /// Physical progress, percent. Projects only.
    PhysicalProgress,
    /// Financial progress (money spent of the budget), percent. Projects only.
    FinancialProgress,
    /// Where a park stands: a `ParkStatus` name, in `valueText`. Parks only.
    Status,
    /// When a park opened (a date). Parks only.
    Opened,
    /// How many firms a park houses (`basis` says when it is room for
    /// them). Parks only.
    TenantFirms,
    /// How many people can work there at once (seats, freelancers). Parks
    /// only.
    Seats,
}

/// What a claim is about.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Subject {
    /// A project (`project_claims`).
    Project,
    /// A park (`park_claims`).
    Park,
}

impl ClaimProperty {
    /// How its values are given.
    pub fn value(self) -> Value {
        match self {
            Self::CompletionDue | Self::CommissioningDue | Self::Opened => Value::Date,
            Self::Status => Value::Text,
            _ => Value::Number,
        }
    }

    /// Whether it is a property of `subject`.
    pub fn applies_to(self, subject: Subject) -> bool {
        match self {
            Self::Cost | Self::AreaSqft => true,
            Self::Status | Self::Opened | Self::TenantFirms | Self::Seats => {
                subject == Subject::Park
            }
            _ => subject == Subject::Project,
        }
    }

    /// Why a value given as a number, a date and a text (whether each is
    /// given) does not fit this property, and the one it takes; None when
    /// it fits.
    pub fn misfit(self, number: bool, date: bool, text: bool) -> Option<(Value, &'static str)> {
        let wanted = self.value();
        let given = [
            (Value::Number, number),
            (Value::Date, date),
            (Value::Text, text),
        ];
        if given.iter().all(|(value, is)| *is == (*value == wanted)) {
            return None;
        }
        let reason = match wanted {
            Value::Date => "a date property takes value_date, not value_number",
            Value::Number => "this property takes value_number, not value_date",
            Value::Text => "this property takes value_text (a park status) only",
        };
        Some((wanted, reason))
    }
}

/// The checks a claim row about `subject` passes beyond its columns' own:
/// a property of that subject, given the one kind of value it takes, a
/// known unit and rank reason.
pub fn check(row: &Row<'_>, subject: Subject) {
    let property = row
        .opt("property")
        .and_then(|p| from_db::<ClaimProperty>(&p).ok());
    if let Some(p) = property.filter(|p| !p.applies_to(subject)) {
        let of = if subject == Subject::Park {
            "a park"
        } else {
            "a project"
        };
        row.fail(
            "property",
            format!("{} is not a property of {of}", to_db(p)),
        );
    }
    let given = |column: &str| row.opt(column).is_some();
    let (number, date, text) = (
        given("value_number"),
        given("value_date"),
        given("value_text"),
    );
    if let Some((value, reason)) = property.and_then(|p| p.misfit(number, date, text)) {
        row.fail(value.column(), reason);
    }
    let units = names::<ClaimUnit>();
    if let Some(unit) = row.opt("unit").filter(|u| !units.contains(&u.as_str())) {
        row.fail(
            "unit",
            format!("{unit:?} is not one of {}", units.join(", ")),
        );
    }
    let reasons = names::<ClaimRankReason>();
    if let Some(reason) = row
        .opt("rank_reason")
        .filter(|r| !reasons.contains(&r.as_str()))
    {
        row.fail(
            "rank_reason",
            format!("{reason:?} is not one of {}", reasons.join(", ")),
        );
    }
}

/// For a write: BAD_USER_INPUT, naming the input field, unless `property`
/// is one of `subject`'s and is given the one kind of value it takes.
pub fn fits(
    property: ClaimProperty,
    subject: Subject,
    (number, date, text): (bool, bool, bool),
) -> AppResult<()> {
    if !property.applies_to(subject) {
        let of = if subject == Subject::Park {
            "a park"
        } else {
            "a project"
        };
        let reason = format!("{} is not a property of {of}", to_db(property));
        return Err(AppError::bad_input("input.property", reason));
    }
    match property.misfit(number, date, text) {
        Some((value, reason)) => Err(AppError::bad_input(value.input_field(), reason)),
        None => Ok(()),
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

/// The ways a claim's value is given.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// `value_number`.
    Number,
    /// `value_date`.
    Date,
    /// `value_text`.
    Text,
}

impl Value {
    /// The column (and, in camel case, the input field) that holds it.
    pub fn column(self) -> &'static str {
        match self {
            Self::Number => "value_number",
            Self::Date => "value_date",
            Self::Text => "value_text",
        }
    }

    /// The input field that holds it.
    pub fn input_field(self) -> &'static str {
        match self {
            Self::Number => "input.valueNumber",
            Self::Date => "input.valueDate",
            Self::Text => "input.valueText",
        }
    }
}

/// How a claim stands against the others for the same property.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum ClaimRank {
    /// The value the typed field shows; at most one per subject and property.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_dated_properties_are_the_deadlines_and_the_opening() {
        let properties = <ClaimProperty as async_graphql::EnumType>::items();
        let dated: Vec<&str> = (properties.iter())
            .filter(|item| item.value.value() == Value::Date)
            .map(|item| item.name)
            .collect();
        assert_eq!(dated, ["COMPLETION_DUE", "COMMISSIONING_DUE", "OPENED"]);
    }

    #[test]
    fn a_status_takes_only_text_and_belongs_to_parks() {
        let status = ClaimProperty::Status;
        assert_eq!(status.misfit(false, false, true), None);
        assert_eq!(
            status.misfit(true, false, true).map(|m| m.0),
            Some(Value::Text)
        );
        assert!(status.applies_to(Subject::Park));
        assert!(!status.applies_to(Subject::Project));
        assert!(ClaimProperty::Cost.applies_to(Subject::Project));
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

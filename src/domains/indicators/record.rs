//! What an indicator (a national figure for a period, an observation) is as
//! a stored record, and the kinds of its period and unit.

use async_graphql::Enum;
use entity::indicator::{Entity, Model};

use crate::domains::cities::Province;
use crate::domains::claims::{Approximation, ClaimRank, ClaimRankReason};
use crate::graphql::enums::{from_db, names};

/// What span of time a figure covers.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum PeriodKind {
    /// A whole fiscal year (Pakistan's runs July to June).
    FiscalYear,
    /// The first months of a fiscal year (July to March: `9MFY25`).
    FiscalYearToDate,
    /// One quarter of a fiscal year (July to September is Q1).
    FiscalQuarter,
    /// One calendar month.
    Month,
    /// One calendar year.
    CalendarYear,
    /// A stock at a moment (how many STPs there were then): `periodEnd` is
    /// the moment, as precise as the source gives it.
    PointInTime,
    /// A running total up to `periodEnd` (from `periodStart` when known).
    Cumulative,
    /// A target to reach by `periodEnd`.
    TargetBy,
    /// The source gives no period.
    Unspecified,
}

/// What a figure counts or measures.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum UnitKind {
    /// Money, in `currency`.
    Currency,
    /// A number of things (parks, firms, people, centres).
    Count,
    /// Floor area, square feet.
    Area,
    /// A percentage (a share, a growth rate, a tax rate, progress).
    Percent,
}

/// The currency of a money figure.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum Currency {
    /// US dollars.
    Usd,
    /// Pakistani rupees.
    Pkr,
}

crate::store::rows::by_position! {
    Model {
        id, key, period, value, unit, notes, period_kind, period_start, period_end, fiscal_year,
        unit_kind, currency, approximation, rank, rank_reason, province, city_id, project_id,
        programme_id, version, updated_at, key_folded, period_folded,
    }
}

crate::record! {
    Model in Entity as "indicator" from "indicators.csv",
        key [key, period, province, city_slug, project_slug] near First("key"), referable,
        key_tail_optional;
    key: key_part => key_folded,
    period: key_part => period_folded,
    value: number,
    unit: text,
    notes: opt_text,
    period_kind: one_of(&names::<PeriodKind>()),
    period_start: date,
    period_end: date,
    fiscal_year: year,
    unit_kind: one_of(&names::<UnitKind>()),
    currency: opt_one_of(&names::<Currency>()),
    approximation: one_of(&names::<Approximation>()),
    rank: one_of(&names::<ClaimRank>()),
    rank_reason: opt_one_of(&names::<ClaimRankReason>()),
    province: opt_one_of(&names::<Province>()),
    city_slug -> city_id: City,
    project_slug -> project_id: Project,
    programme_slug -> programme_id: Programme,
    check |row| {
        let kind = row.opt("unit_kind").and_then(|k| from_db::<UnitKind>(&k).ok());
        if (kind == Some(UnitKind::Currency)) != row.opt("currency").is_some() {
            row.fail("currency", "a CURRENCY figure names its currency, and only it");
        }
        row.ordered_dates("period_start", "period_end");
    }
}

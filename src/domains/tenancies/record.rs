//! What a tenancy is as a stored record, and a tenancy read with its firm
//! (one row of `park.tenants`).

use entity::tenancy::{Entity, Model};

use async_graphql::Enum;
use time::{Date, Month, OffsetDateTime};

use crate::records::Kind;
use entity::{firm, tenancy};
use sea_orm::{DbErr, FromQueryResult, QueryResult};

use crate::store::rows::{ALL, Decode, Wanted, bit};

crate::store::rows::by_position! {
    Model {
        id, park_id, firm_id, area_sqft, since, until, version, updated_at, first_seen,
        last_seen, ended_on,
    }
}

crate::record! {
    Model in Entity as "tenancy" from "tenancies.csv", key [park_slug, firm_slug, since] near Parent(Kind::Park, "park_id");
    park_slug -> park_id: Park,
    firm_slug -> firm_id: Firm,
    area_sqft: count,
    since: date,
    until: date,
    check |row| {
        row.ordered_dates("since", "until");
    }
}

/// Where a tenancy stands, judged from its sightings.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum TenancyStatus {
    /// Seen present within the freshness window, and not ended.
    Current,
    /// Ended: an end date, or an end event (moved out, premises destroyed)
    /// after it was last seen present.
    Ended,
    /// Neither: not seen within the window, or never dated.
    Unknown,
}

/// How recent a sighting must be for a tenancy to count as current:
/// `PARKGRAPH_TENANCY_FRESH_MONTHS` (default 24) before the day statuses are
/// judged on, `PARKGRAPH_AS_OF` (default today).
#[derive(Clone, Copy, Debug)]
pub struct Freshness {
    /// The window, in months.
    pub months: u32,
    /// The day statuses are judged on; None for today.
    pub as_of: Option<Date>,
}

impl Default for Freshness {
    fn default() -> Self {
        Self {
            months: 24,
            as_of: None,
        }
    }
}

impl Freshness {
    /// The day statuses are judged on and the earliest last sighting that
    /// is still current, both `YYYY-MM-DD`.
    pub fn window(&self) -> Window {
        let today = self
            .as_of
            .unwrap_or_else(|| OffsetDateTime::now_utc().date());
        let months =
            today.year() * 12 + i32::from(u8::from(today.month())) - 1 - self.months as i32;
        let (year, month) = (months.div_euclid(12), months.rem_euclid(12) as u8 + 1);
        let month = Month::try_from(month).unwrap_or(Month::January);
        let day = today.day().min(time::util::days_in_month(month, year));
        let iso = |y: i32, m: Month, d: u8| format!("{y:04}-{:02}-{d:02}", u8::from(m));
        Window {
            as_of: iso(today.year(), today.month(), today.day()),
            cutoff: iso(year, month, day),
        }
    }
}

/// The dates a tenancy's status is judged by (see [`Freshness::window`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Window {
    /// The day statuses are judged on.
    pub as_of: String,
    /// The earliest last sighting that is still current.
    pub cutoff: String,
}

impl Window {
    /// The status of `tenancy` (its derived `last_seen` and `ended_on`).
    pub fn status(&self, tenancy: &tenancy::Model) -> TenancyStatus {
        let ended = (tenancy.ended_on.as_ref()).is_some_and(|end| *end <= self.as_of);
        let fresh = (tenancy.last_seen.as_ref()).is_some_and(|last| *last >= self.cutoff);
        match (ended, fresh) {
            (true, _) => TenancyStatus::Ended,
            (false, true) => TenancyStatus::Current,
            (false, false) => TenancyStatus::Unknown,
        }
    }
}

/// The columns behind the tenancy field `field` (of the API), for reads
/// that take only those of the fields a query selects. A field not listed
/// reads them all.
pub fn columns(field: &str) -> Wanted {
    // Bit i is column i of `by_position!` above.
    match field {
        "__typename" => 0,
        "firm" => bit(2),
        "areaSqft" => bit(3),
        "since" => bit(4),
        "until" => bit(5),
        "version" => bit(6),
        "updatedAt" => bit(7),
        "firstSeen" => bit(8),
        "lastSeen" => bit(9),
        "status" | "current" => bit(5) | bit(9) | bit(10),
        "observations" => bit(1) | bit(2),
        _ => ALL,
    }
}

/// A tenancy row joined with its firm, as one page row of `park.tenants`.
#[derive(Clone, Debug)]
pub struct TenantRow {
    /// The tenancy.
    pub tenancy: tenancy::Model,
    /// Its firm.
    pub firm: firm::Model,
}

impl FromQueryResult for TenantRow {
    fn from_query_result(row: &QueryResult, _prefix: &str) -> Result<Self, DbErr> {
        Ok(Self {
            tenancy: tenancy::Model::from_query_result(row, "t_")?,
            firm: firm::Model::from_query_result(row, "f_")?,
        })
    }
}

// Read by position: the columns `tenants_of_park` selects, tenancy's then firm's.
impl Decode for TenantRow {
    const COLUMNS: &'static [&'static str] = &[
        "t_id",
        "t_park_id",
        "t_firm_id",
        "t_area_sqft",
        "t_since",
        "t_until",
        "t_version",
        "t_updated_at",
        "t_first_seen",
        "t_last_seen",
        "t_ended_on",
        "f_id",
        "f_slug",
        "f_name",
        "f_sector",
        "f_employees",
        "f_version",
        "f_updated_at",
        "f_name_folded",
        "f_sector_folded",
    ];

    fn read_at(
        row: &QueryResult,
        first: usize,
        check: bool,
        wanted: Wanted,
    ) -> Result<Self, DbErr> {
        let tenancy_wanted = wanted & TENANCY_MASK;
        let firm_first = first + tenancy_wanted.count_ones() as usize;
        Ok(Self {
            tenancy: tenancy::Model::read_at(row, first, check, tenancy_wanted)?,
            firm: firm::Model::read_at(row, firm_first, check, wanted >> TENANCY_COLUMNS)?,
        })
    }
}

/// How many columns the tenancy part of a tenant row has.
pub const TENANCY_COLUMNS: usize = tenancy::Model::COLUMNS.len();
const TENANCY_MASK: Wanted = (1 << TENANCY_COLUMNS) - 1;

#[cfg(test)]
mod tests {
    use super::*;
    use sea_orm::{IdenStatic, Iterable};

    fn day(year: i32, month: Month, day: u8) -> Date {
        Date::from_calendar_date(year, month, day).unwrap()
    }

    fn judged_on(as_of: Date, months: u32) -> Window {
        let as_of = Some(as_of);
        Freshness { months, as_of }.window()
    }

    #[test]
    fn the_window_reaches_back_whole_months_and_clamps_the_day() {
        let window = judged_on(day(2026, Month::March, 31), 25);
        assert_eq!(window.as_of, "2026-03-31");
        assert_eq!(window.cutoff, "2024-02-29");
        assert_eq!(
            judged_on(day(2026, Month::December, 6), 24).cutoff,
            "2024-12-06"
        );
    }

    #[test]
    fn a_tenancy_is_current_only_when_seen_within_the_window_and_not_ended() {
        let window = judged_on(day(2026, Month::December, 6), 24);
        let seen = |last: Option<&str>, ended: Option<&str>| tenancy::Model {
            last_seen: last.map(Into::into),
            ended_on: ended.map(Into::into),
            ..Default::default()
        };
        let status = |last, ended| window.status(&seen(last, ended));
        assert_eq!(status(Some("2025-01"), None), TenancyStatus::Current);
        assert_eq!(
            status(Some("2017-09-10"), Some("2017-09-10")),
            TenancyStatus::Ended
        );
        assert_eq!(status(Some("2021-11-29"), None), TenancyStatus::Unknown);
        assert_eq!(status(None, None), TenancyStatus::Unknown);
        // An end still to come (a lease running to 2027) has not ended yet.
        assert_eq!(
            status(Some("2026-01"), Some("2027")),
            TenancyStatus::Current
        );
    }

    #[test]
    fn a_tenant_row_is_read_in_the_order_tenants_of_park_selects() {
        let prefixed = |prefix: &str, column: &str| format!("{prefix}{column}");
        let selected: Vec<String> = tenancy::Column::iter()
            .map(|c| prefixed("t_", c.as_str()))
            .chain(firm::Column::iter().map(|c| prefixed("f_", c.as_str())))
            .collect();
        assert_eq!(selected, TenantRow::COLUMNS);
    }

    #[test]
    fn tenant_rows_are_read_in_the_order_their_columns_are_selected() {
        let names = |columns: Vec<&str>| columns.join(",");
        let tenancy: Vec<&str> = tenancy::Column::iter().map(|c| c.as_str()).collect();
        let firm: Vec<&str> = firm::Column::iter().map(|c| c.as_str()).collect();

        assert_eq!(tenancy.len(), TENANCY_COLUMNS);
        assert_eq!(
            names(tenancy),
            "id,park_id,firm_id,area_sqft,since,until,version,updated_at,first_seen,last_seen,\
             ended_on"
        );
        assert_eq!(
            names(firm),
            "id,slug,name,sector,employees,version,updated_at,name_folded,sector_folded"
        );
    }
}

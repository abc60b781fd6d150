//! What a tenancy is as a stored record, and a tenancy read with its firm
//! (one row of `park.tenants`).

use entity::tenancy::{Entity, Model};

use crate::records::Kind;
use entity::{firm, tenancy};
use sea_orm::{DbErr, FromQueryResult, QueryResult};

use crate::store::rows::{ALL, Decode, Wanted, bit};

crate::store::rows::by_position! {
    Model { id, park_id, firm_id, area_sqft, since, until, version, updated_at }
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
        "until" | "current" => bit(5),
        "version" => bit(6),
        "updatedAt" => bit(7),
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
            "id,park_id,firm_id,area_sqft,since,until,version,updated_at"
        );
        assert_eq!(
            names(firm),
            "id,slug,name,sector,employees,version,updated_at,name_folded,sector_folded"
        );
    }
}

//! The mutations for tenancies (they are read through parks and firms).

use super::types::Tenancy;
use super::write;

/// Writes to tenancies.
#[derive(Default)]
pub struct TenancyMutation;

crate::object! {
    /// Writes to tenancies.
    impl TenancyMutation {
        /// Records that a firm rents space in a park. CONFLICT while the firm
        /// already has an open tenancy there (end it first). Keys bound to an
        /// organization may only add tenancies to parks it operates.
        write fn add_tenancy(
            park_slug: String = "The park's slug.",
            firm_slug: String = "The firm's slug.",
            area_sqft: Option<i64> = "Space rented, square feet (zero or more).",
            since: Option<String> = "When it began: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.",
        ) -> Tenancy by Write, retry "addTenancy" => write::add;

        /// Ends the firm's open tenancy in the park on `until`. NOT_FOUND when it
        /// has none.
        write fn end_tenancy(
            park_slug: String = "The park's slug.",
            firm_slug: String = "The firm's slug.",
            until: String = "When it ended: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, not before `since`.",
        ) -> Tenancy by Write, retry "endTenancy" => write::end;
    }
}

//! What clients send to record and rank a park's claims.

use async_graphql::InputObject;

use crate::domains::claims::{ClaimFields, ClaimProperty, ClaimUnit};
use crate::domains::parks::ParkStatus;

/// A value stated for a property of a park, by a page, on a date
/// (`STATUS`, `OPENED`, `AREA_SQFT`, `COST`, `TENANT_FIRMS` or `SEATS`).
#[derive(InputObject, Clone, Debug)]
pub struct ParkClaimInput {
    /// The park's slug.
    pub park_slug: String,
    /// The status, for `STATUS`.
    pub value_status: Option<ParkStatus>,
    /// The claim.
    #[graphql(flatten)]
    pub claim: ClaimFields,
}

/// Which park claim: the parts that name it (its park, property, unit,
/// date and page).
#[derive(InputObject, Clone, Debug)]
pub struct ParkClaimKey {
    /// The park's slug.
    pub park_slug: String,
    /// The property.
    pub property: ClaimProperty,
    /// The unit, as recorded (none for a count, a date or a status).
    pub unit: Option<ClaimUnit>,
    /// When it was stated, as recorded.
    pub as_of: String,
    /// The page, as recorded.
    pub source_url: String,
}

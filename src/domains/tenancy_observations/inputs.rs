//! What clients send to record tenancy observations.

use async_graphql::InputObject;

use super::record::TenancyObservationKind;

/// A sighting of a firm in a park.
#[derive(InputObject, Clone, Debug)]
pub struct TenancyObservationInput {
    /// The park's slug.
    pub park_slug: String,
    /// The firm's slug.
    pub firm_slug: String,
    /// What was observed.
    pub kind: TenancyObservationKind,
    /// When it held: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub observed_on: String,
    /// Space the firm held then, square feet (zero or more).
    pub area_sqft: Option<i64>,
    /// The http(s) page that reports it.
    pub source_url: String,
    /// The page's words for it, short.
    pub quote: Option<String>,
}

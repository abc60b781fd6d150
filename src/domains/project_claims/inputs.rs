//! What clients send to record and rank claims.

use async_graphql::InputObject;

use crate::domains::claims::{ClaimFields, ClaimProperty, ClaimUnit};

/// A value stated for a property of a project, by a page, on a date.
#[derive(InputObject, Clone, Debug)]
pub struct ProjectClaimInput {
    /// The project's slug.
    pub project_slug: String,
    /// The claim.
    #[graphql(flatten)]
    pub claim: ClaimFields,
}

/// Which claim: the parts that name it (its project, property, unit, date
/// and page).
#[derive(InputObject, Clone, Debug)]
pub struct ProjectClaimKey {
    /// The project's slug.
    pub project_slug: String,
    /// The property.
    pub property: ClaimProperty,
    /// The unit, as recorded (none for a deadline).
    pub unit: Option<ClaimUnit>,
    /// When it was stated, as recorded.
    pub as_of: String,
    /// The page, as recorded.
    pub source_url: String,
}

//! What clients send to record and rank claims.

use async_graphql::InputObject;

use crate::domains::claims::{Approximation, ClaimProperty, ClaimRank, ClaimRankReason, ClaimUnit};

/// A value stated for a property of a project, by a page, on a date.
#[derive(InputObject, Clone, Debug)]
pub struct ProjectClaimInput {
    /// The project's slug.
    pub project_slug: String,
    /// The property it is a value of.
    pub property: ClaimProperty,
    /// The amount, for a property measured in `unit` (not for a deadline).
    pub value_number: Option<f64>,
    /// The date, for a deadline: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub value_date: Option<String>,
    /// The unit of `valueNumber`.
    pub unit: Option<ClaimUnit>,
    /// How exact the value is.
    #[graphql(default_with = "Approximation::Exact")]
    pub approximation: Approximation,
    /// What the value covers when sources measure differently.
    pub basis: Option<String>,
    /// When it was stated (or held): `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub as_of: String,
    /// Its rank. `PREFERRED` makes it the value the typed field shows; the
    /// claim preferred until then becomes `NORMAL` (`OUTDATED`).
    #[graphql(default_with = "ClaimRank::Normal")]
    pub rank: ClaimRank,
    /// Why it has its rank.
    pub rank_reason: Option<ClaimRankReason>,
    /// The http(s) page that states it.
    pub source_url: String,
    /// The page's words for it, short.
    pub quote: Option<String>,
    /// Who stated it, as the page names them.
    pub stated_by: Option<String>,
    /// The slug of the organization that stated it, when it is one the data
    /// holds.
    pub stated_by_organization: Option<String>,
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

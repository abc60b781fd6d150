//! What clients send about a claim, whatever it is about: the fields each
//! subject's input takes in (flattened, so they stand beside its slug).

use async_graphql::InputObject;

use super::record::{Approximation, ClaimProperty, ClaimRank, ClaimRankReason, ClaimUnit};

/// A value stated for a property, by a page, on a date.
#[derive(InputObject, Clone, Debug)]
pub struct ClaimFields {
    /// The property it is a value of.
    pub property: ClaimProperty,
    /// The amount, for a property measured in numbers.
    pub value_number: Option<f64>,
    /// The date, for a deadline or an opening: `YYYY`, `YYYY-MM` or
    /// `YYYY-MM-DD`.
    pub value_date: Option<String>,
    /// The unit of `valueNumber` (none for a count).
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

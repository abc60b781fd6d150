//! Claims as the API shows them, whatever they are about, and how a
//! subject's `claims` field picks and orders them.

use entity::{organization, park_claim, project_claim};

use super::record::{Approximation, ClaimProperty, ClaimRank, ClaimRankReason, stated_by};
use crate::domains::organizations::Organization;
use crate::graphql::enums::from_db;
use crate::writes::validate;

/// The columns every claim has, whether about a project or a park.
#[derive(Clone, Debug, Default)]
pub struct ClaimRow {
    pub id: i32,
    pub property: String,
    pub value_number: Option<f64>,
    pub value_date: Option<String>,
    pub value_text: Option<String>,
    pub unit: Option<String>,
    pub approximation: String,
    pub basis: Option<String>,
    pub as_of: String,
    pub rank: String,
    pub rank_reason: Option<String>,
    pub source_url: String,
    pub quote: Option<String>,
    pub stated_by: Option<String>,
    pub stated_by_id: Option<i32>,
    pub version: i32,
    pub updated_at: String,
}

/// `ClaimRow` from a claim model: the same columns but the subject's id.
macro_rules! claim_row {
    ($model:ty, $text:expr) => {
        impl From<$model> for ClaimRow {
            fn from(m: $model) -> Self {
                let text: fn(&$model) -> Option<String> = $text;
                ClaimRow {
                    value_text: text(&m),
                    id: m.id,
                    property: m.property,
                    value_number: m.value_number,
                    value_date: m.value_date,
                    unit: m.unit,
                    approximation: m.approximation,
                    basis: m.basis,
                    as_of: m.as_of,
                    rank: m.rank,
                    rank_reason: m.rank_reason,
                    source_url: m.source_url,
                    quote: m.quote,
                    stated_by: m.stated_by,
                    stated_by_id: m.stated_by_id,
                    version: m.version,
                    updated_at: m.updated_at,
                }
            }
        }
    };
}

claim_row!(project_claim::Model, |_| None);
claim_row!(park_claim::Model, |m| m.value_text.clone());

/// One value stated for a property of a project or a park, by a page, on
/// a date.
#[derive(Clone, Debug)]
pub struct Claim(pub ClaimRow);

crate::object! {
    /// One value stated for a property of a project or a park, by a page,
    /// on a date.
    impl Claim {
        /// The property it is a value of.
        enum property: ClaimProperty;

        /// The amount, for a property measured in `unit`; null for a date
        /// or a status.
        field value_number: Option<f64>;

        /// The unit of `valueNumber`: USD, PKR, PERSON, PERCENT or SQFT;
        /// null for a plain count.
        field unit: Option<&str>;

        /// The date, for a deadline or an opening (ISO-8601 with the
        /// precision stated).
        field value_date: Option<&str>;

        /// The text, for a park's status (a `ParkStatus` name).
        field value_text: Option<&str>;

        /// How exact the value is.
        enum approximation: Approximation;

        /// What the value covers when sources measure differently (the loan
        /// alone, direct and indirect jobs, room for firms rather than
        /// firms); null when plain.
        field basis: Option<&str>;

        /// When it was stated (or held): the page's date unless the page
        /// dates it otherwise.
        field as_of: &str;

        /// How it stands against the others for this property.
        enum rank: ClaimRank;

        /// Why it has its rank; null when no reason is given.
        async fn rank_reason(&self) -> async_graphql::Result<Option<ClaimRankReason>> {
            let reason = self.0.rank_reason.as_deref().map(from_db::<ClaimRankReason>);
            Ok(reason.transpose()?)
        }

        /// Who stated it, as the page names them (a minister, the
        /// contractor, a committee); null when the page does not say.
        field stated_by: Option<&str>;

        /// The organization that stated it, when it is one the data holds.
        ref stated_by_organization: Option<Organization> from stated_by_id in organization::Entity;

        page in crate::domains::documents;

        stamp;
    }
}

/// What a `claims(properties:, ranks:, asOf:)` field answers from a
/// subject's `rows`: those that match, newest first (ties by id).
pub fn select(
    rows: Vec<ClaimRow>,
    properties: Option<Vec<ClaimProperty>>,
    ranks: Option<Vec<ClaimRank>>,
    as_of: Option<String>,
) -> async_graphql::Result<Vec<Claim>> {
    let as_of = validate::date("asOf", as_of)?;
    let wanted = |c: &ClaimRow| {
        let property = from_db::<ClaimProperty>(&c.property).ok();
        let rank = from_db::<ClaimRank>(&c.rank).ok();
        (properties.as_ref()).is_none_or(|ps| property.is_some_and(|p| ps.contains(&p)))
            && (ranks.as_ref()).is_none_or(|rs| rank.is_some_and(|r| rs.contains(&r)))
            && as_of.as_deref().is_none_or(|day| stated_by(&c.as_of, day))
    };
    let mut claims: Vec<Claim> = rows.into_iter().filter(wanted).map(Claim).collect();
    claims.sort_by(|a, b| b.0.as_of.cmp(&a.0.as_of).then(a.0.id.cmp(&b.0.id)));
    Ok(claims)
}

/// True when two of `rows` that are not DEPRECATED give a property
/// different values.
pub fn has_conflicts(rows: &[ClaimRow]) -> bool {
    let mut seen = std::collections::HashMap::new();
    rows.iter().filter(|c| c.rank != "DEPRECATED").any(|c| {
        let value = (
            c.value_number.map(|n| n.to_string()),
            c.value_date.clone(),
            c.value_text.clone(),
            c.unit.clone(),
        );
        *seen.entry(c.property.clone()).or_insert(value.clone()) != value
    })
}

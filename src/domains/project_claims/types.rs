//! Claims as the API shows them.

use entity::{organization, project_claim};

use super::record::{Approximation, ClaimProperty, ClaimRank, ClaimRankReason};
use crate::domains::organizations::Organization;
use crate::graphql::enums::from_db;
use crate::graphql::kit::loader::Children;
use crate::graphql::loaders::{LoaderSet, Served};

/// One value stated for a property of a project, by a page, on a date.
#[derive(Clone, Debug)]
pub struct Claim(pub project_claim::Model);

crate::object! {
    /// One value stated for a property of a project, by a page, on a date.
    impl Claim {
        /// The property it is a value of.
        enum property: ClaimProperty;

        /// The amount, for a property measured in `unit`; null for a date.
        field value_number: Option<f64>;

        /// The unit of `valueNumber`: USD, PKR, PERSON, PERCENT or SQFT.
        field unit: Option<&str>;

        /// The date, for a deadline (ISO-8601 with the precision stated).
        field value_date: Option<&str>;

        /// How exact the value is.
        enum approximation: Approximation;

        /// What the value covers when sources measure differently (the loan
        /// alone, direct and indirect jobs); null when plain.
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

crate::child_of! {
    /// `project.claims`: a project's claims.
    ClaimsOfProject: project_claim by ProjectId(project_id)
}

impl Served for project_claim::Model {
    fn loaders(set: &mut LoaderSet<'_>) {
        set.cached(Children::<ClaimsOfProject>::new);
    }
}

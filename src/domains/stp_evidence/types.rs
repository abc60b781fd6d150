//! STP evidence as the API shows it.

use entity::stp_evidence;

use super::record::{StpEvidenceKind, StpStatus};
use crate::graphql::enums::from_db;
use crate::graphql::kit::loader::Children;
use crate::graphql::loaders::{LoaderSet, Served};

/// What one page says about Software Technology Parks in a city.
#[derive(Clone, Debug)]
pub struct StpEvidence(pub stp_evidence::Model);

crate::object! {
    /// What one page says about Software Technology Parks in a city.
    impl StpEvidence {
        /// What the page says.
        enum kind: StpEvidenceKind;

        /// Whether it shows STPs there or one planned.
        async fn status(&self) -> async_graphql::Result<StpStatus> {
            Ok(from_db::<StpEvidenceKind>(&self.0.kind)?.status())
        }

        /// How many STPs the page counts there; null when it does not count.
        field stp_count: Option<i64>;

        /// When it held: the page's date unless the page dates it otherwise.
        field as_of: &str;

        page in crate::domains::documents;

        stamp;
    }
}

crate::child_of! {
    /// `city.stpEvidence`: what pages say about STPs in a city.
    EvidenceOfCity: stp_evidence by CityId(city_id)
}

impl Served for stp_evidence::Model {
    fn loaders(set: &mut LoaderSet<'_>) {
        set.cached(Children::<EvidenceOfCity>::new);
    }
}

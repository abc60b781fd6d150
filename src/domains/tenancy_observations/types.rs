//! Tenancy observations as the API shows them.

use entity::{firm, park, tenancy_observation};

use super::record::TenancyObservationKind;
use crate::domains::firms::Firm;
use crate::domains::parks::Park;
use crate::graphql::kit::loader::Children;
use crate::graphql::loaders::{LoaderSet, Served};

/// A dated observation of a firm in a park, with the page that reports it.
#[derive(Clone, Debug)]
pub struct TenancyObservation(pub tenancy_observation::Model);

crate::object! {
    /// A dated observation of a firm in a park, with the page that reports it.
    impl TenancyObservation {
        /// The park.
        ref park: Park from park_id in park::Entity;

        /// The firm.
        ref firm: Firm from firm_id in firm::Entity;

        /// What was observed.
        enum kind: TenancyObservationKind;

        /// When it held (ISO-8601 with the precision the page gives: `YYYY`,
        /// `YYYY-MM` or `YYYY-MM-DD`), not when the page was published.
        field observed_on: &str;

        /// Space the firm held then, square feet; null when not stated.
        field area_sqft: Option<i64>;

        page in crate::domains::documents;

        stamp;
    }
}

crate::child_of! {
    /// `tenancy.observations`: the sightings in a park (each tenancy keeps
    /// its firm's).
    ObservationsOfPark: tenancy_observation by ParkId(park_id)
}

impl Served for tenancy_observation::Model {
    fn loaders(set: &mut LoaderSet<'_>) {
        set.cached(Children::<ObservationsOfPark>::new);
    }
}

//! How a park's claims are loaded (they are shown as
//! `domains::claims::Claim`).

use entity::park_claim;

use crate::graphql::kit::loader::Children;
use crate::graphql::loaders::{LoaderSet, Served};

crate::child_of! {
    /// `park.claims`: a park's claims.
    ClaimsOfPark: park_claim by ParkId(park_id)
}

impl Served for park_claim::Model {
    fn loaders(set: &mut LoaderSet<'_>) {
        set.cached(Children::<ClaimsOfPark>::new);
    }
}

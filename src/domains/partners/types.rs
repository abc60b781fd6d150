//! How the GraphQL side serves partners.

use crate::domains::projects::{PartnersOfOrganization, PartnersOfProject};
use crate::graphql::kit::loader::Children;
use crate::graphql::loaders::{LoaderSet, Served};

impl Served for entity::project_partner::Model {
    fn loaders(set: &mut LoaderSet<'_>) {
        set.cached(Children::<PartnersOfProject>::new);
        set.cached(Children::<PartnersOfOrganization>::new);
    }
}

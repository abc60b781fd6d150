//! How the GraphQL side serves milestones.

use crate::domains::projects::MilestonesOfProject;
use crate::graphql::kit::loader::Children;
use crate::graphql::loaders::{LoaderSet, Served};

impl Served for entity::milestone::Model {
    const SOURCED: bool = true;

    fn loaders(set: &mut LoaderSet<'_>) {
        set.cached(Children::<MilestonesOfProject>::new);
    }
}

//! How a project's claims are loaded (they are shown as
//! `domains::claims::Claim`).

use entity::project_claim;

use crate::graphql::kit::loader::Children;
use crate::graphql::loaders::{LoaderSet, Served};

crate::child_of! {
    /// `project.claims`: a project's claims.
    ClaimsOfProject: project_claim by ProjectId(project_id)
}

impl Served for project_claim::Model {
    fn loaders(set: &mut LoaderSet<'_>) {
        set.cached(Children::<ClaimsOfProject>::new);
    }
}

//! Milestones as the API shows them, and the list they are read in.

use entity::milestone;

use crate::domains::sources::{Source, SourcesOf};
use crate::graphql::kit::loader::Children;
use crate::graphql::loaders::{LoaderSet, Served};

/// A dated step of a project.
#[derive(Clone, Debug)]
pub struct Milestone(pub milestone::Model);

crate::object! {
    /// A dated step of a project.
    impl Milestone {
        /// What the step is.
        field title: &str;

        /// Planned date (ISO-8601, possibly `YYYY-MM`); null when none was set.
        field due: Option<&str>;

        /// Date it was reached; null while open.
        field reached: Option<&str>;

        /// Where the dates come from.
        children sources: Vec<Source> of SourcesOf<milestone::Model>;

        stamp;
    }
}

crate::child_of! {
    /// `project.milestones`: milestones by project.
    MilestonesOfProject: milestone by ProjectId(project_id)
}

impl Served for milestone::Model {
    const SOURCED: bool = true;

    fn loaders(set: &mut LoaderSet<'_>) {
        set.cached(Children::<MilestonesOfProject>::new);
    }
}

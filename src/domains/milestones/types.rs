//! Milestones as the API shows them, and the list they are read in.

use entity::milestone;

use crate::domains::sources::Source;
use crate::graphql::kit::loader::Children;
use crate::graphql::loaders::{LoaderSet, Served};
use crate::store::prefetch::ChildOf;

/// A dated step of a project.
#[derive(Clone, Debug)]
pub struct Milestone(pub milestone::Model);

crate::object! {
    /// A dated step of a project.
    impl Milestone {
        /// What the step is.
        async fn title(&self) -> &str {
            &self.0.title
        }

        /// Planned date (ISO-8601, possibly `YYYY-MM`); null when none was set.
        async fn due(&self) -> Option<&str> {
            self.0.due.as_deref()
        }

        /// Date it was reached; null while open.
        async fn reached(&self) -> Option<&str> {
            self.0.reached.as_deref()
        }

        /// Where the dates come from.
        async fn sources(&self, ctx: &async_graphql::Context<'_>) -> async_graphql::Result<Vec<Source>> {
            crate::domains::sources::of::<milestone::Model>(ctx, self.0.id).await
        }

        stamp;
    }
}

/// `project.milestones`: milestones by project.
pub struct MilestonesOfProject;

impl ChildOf for MilestonesOfProject {
    type Entity = milestone::Entity;
    fn parent_column() -> milestone::Column {
        milestone::Column::ProjectId
    }
    fn parent_of(model: &milestone::Model) -> i32 {
        model.project_id
    }
}

impl Served for milestone::Model {
    const SOURCED: bool = true;

    fn loaders(set: &mut LoaderSet<'_>) {
        set.cached(Children::<MilestonesOfProject>::new);
    }
}

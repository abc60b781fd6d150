//! The mutations of milestones.

use async_graphql::Context;
use entity::milestone;

use super::inputs::{MilestoneInput, UpdateMilestoneInput};
use super::types::Milestone;
use super::write;
use crate::auth::KeyScope;
use crate::graphql::kit::mutation;

/// Writes to milestones.
#[derive(Default)]
pub struct MilestoneMutation;

crate::object! {
    /// Writes to milestones.
    impl MilestoneMutation {
        /// Adds a milestone to a project. CONFLICT when the project already has
        /// one with this title.
        async fn add_milestone(
            &self,
            ctx: &Context<'_>,
            #[graphql(desc = "The new milestone.")] input: MilestoneInput,
        ) -> async_graphql::Result<Milestone> {
            let written = mutation::write::<milestone::Model, _>(ctx, KeyScope::Write, None, |w| {
                Box::pin(write::add(w, input))
            });
            Ok(Milestone(written.await?))
        }

        /// Changes a milestone, named by its project and title. `version` must
        /// equal its current version, else CONFLICT and nothing changes.
        async fn update_milestone(
            &self,
            ctx: &Context<'_>,
            #[graphql(desc = "The project's slug.")] project_slug: String,
            #[graphql(desc = "The milestone's current title.")] title: String,
            #[graphql(desc = "The version you last read (`Milestone.version`).")] version: i32,
            #[graphql(desc = "The changes.")] input: UpdateMilestoneInput,
        ) -> async_graphql::Result<Milestone> {
            let written = mutation::write::<milestone::Model, _>(ctx, KeyScope::Write, None, |w| {
                Box::pin(write::update(w, project_slug, title, version, input))
            });
            Ok(Milestone(written.await?))
        }

        /// Deletes a milestone, named by its project and title.
        async fn delete_milestone(
            &self,
            ctx: &Context<'_>,
            #[graphql(desc = "The project's slug.")] project_slug: String,
            #[graphql(desc = "The milestone's title.")] title: String,
            #[graphql(desc = "The version you last read (`Milestone.version`).")] version: i32,
        ) -> async_graphql::Result<bool> {
            mutation::delete(ctx, KeyScope::Write, |w| {
                Box::pin(write::delete(w, project_slug, title, version))
            })
            .await
        }
    }
}

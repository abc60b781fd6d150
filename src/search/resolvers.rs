use async_graphql::{Context, Object};
use entity::{city, firm, organization, park, project};

use super::service;
use super::types::SearchResult;
use crate::cities::City;
use crate::db::Db;
use crate::firms::Firm;
use crate::loaders::by_id;
use crate::organizations::Organization;
use crate::parks::Park;
use crate::projects::Project;

/// Root field for text search.
#[derive(Default)]
pub struct SearchQuery;

/// Root field for text search.
#[Object]
impl SearchQuery {
    /// Case-insensitive search across the names of parks, firms, projects,
    /// cities and organizations: exact matches first, then names that start
    /// with the text, then names that contain it; ties by name. `first` is 1 to 100.
    async fn search(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Text to look for in names, ignoring case (matched literally).")]
        text: String,
        #[graphql(default = 20, desc = "How many results at most (1 to 100).")] first: i32,
    ) -> async_graphql::Result<Vec<SearchResult>> {
        let db = ctx.data::<Db>()?;
        let hits = service::search(db, &text, first).await?;
        let results =
            futures::future::try_join_all(hits.into_iter().map(|(kind, id)| async move {
                let found = match kind.as_str() {
                    "park" => by_id::<park::Entity>(ctx, id)
                        .await?
                        .map(|m| SearchResult::Park(Park(m))),
                    "firm" => by_id::<firm::Entity>(ctx, id)
                        .await?
                        .map(|m| SearchResult::Firm(Firm(m))),
                    "project" => by_id::<project::Entity>(ctx, id)
                        .await?
                        .map(|m| SearchResult::Project(Project(m))),
                    "city" => by_id::<city::Entity>(ctx, id)
                        .await?
                        .map(|m| SearchResult::City(City(m))),
                    _ => by_id::<organization::Entity>(ctx, id)
                        .await?
                        .map(|m| SearchResult::Organization(Organization(m))),
                };
                Ok::<_, async_graphql::Error>(found)
            }))
            .await?;
        Ok(results.into_iter().flatten().collect())
    }
}

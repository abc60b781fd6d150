use async_graphql::{Context, Object};

use super::service;
use super::types::SearchResult;
use crate::graphql::loaders::searched;
use crate::graphql::node::load_typed;
use crate::records::Kind;
use crate::store::Db;

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
        #[graphql(
            desc = "Text to look for in names, ignoring case (matched literally).",
            validator(custom = "crate::graphql::kit::filters::NoNul")
        )]
        text: String,
        #[graphql(default = 20, desc = "How many results at most (1 to 100).")] first: Option<i32>,
    ) -> async_graphql::Result<Vec<SearchResult>> {
        let db = ctx.data::<Db>()?;
        let kinds: Vec<Kind> = Kind::ALL.iter().copied().filter(|k| searched(*k)).collect();
        let hits = service::search(db, &kinds, &text, first.unwrap_or(20)).await?;
        let found = futures::future::try_join_all(
            hits.iter().map(|(kind, id)| load_typed(ctx, *kind, *id)),
        )
        .await?;
        Ok(found
            .into_iter()
            .flatten()
            .filter_map(SearchResult::from_node)
            .collect())
    }
}

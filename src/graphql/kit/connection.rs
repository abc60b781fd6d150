//! Relay connections: a list's page, its `pageInfo` and `totalCount` read
//! only when the client selects them, nested pages batched across parents,
//! and [`connection!`](crate::connection), which writes the boilerplate of a
//! connection type so each domain adds only what is its own, with
//! [`aggregate!`](crate::aggregate) for its summary figures.

use std::sync::Arc;

use async_graphql::dataloader::DataLoader;
use async_graphql::{Context, SimpleObject};
use sea_orm::sea_query::{Expr, SelectStatement};
use tokio::sync::OnceCell;

use super::loader::{PageLoader, StatsLoader, feed, loader};
use crate::error::AppResult;
use crate::store::Db;
use crate::store::listing::{
    Listing, Nested, NestedKey, Page, Scope, StatRow, count_all, summary_measures,
};
use crate::store::rows::Decode;

/// Relay page metadata.
#[derive(SimpleObject, Clone, Debug, Default)]
pub struct PageInfo {
    /// True when more rows follow the last edge (in the list's order).
    pub has_next_page: bool,
    /// True when rows precede the first edge.
    pub has_previous_page: bool,
    /// The first edge's cursor; null on an empty page.
    pub start_cursor: Option<String>,
    /// The last edge's cursor; null on an empty page.
    pub end_cursor: Option<String>,
}

/// One list as a connection: its page read on first use of edges, nodes or
/// pageInfo; counts and aggregates only when selected.
pub struct Connection<T> {
    listing: Listing<T>,
    page: OnceCell<Arc<Page<T>>>,
}

impl<T> Connection<T>
where
    T: Decode + Clone + Send + Sync + 'static,
{
    /// `listing`, reading what the connection field being resolved in `ctx`
    /// selects and no more: cursors only under `edges` or `pageInfo`; at the
    /// root, `totalCount` in the page's statement when a page is read too.
    pub fn new(listing: Listing<T>, ctx: &Context<'_>) -> Self {
        let look = ctx.look_ahead();
        let cursors = look.field("edges").exists() || look.field("pageInfo").exists();
        let paged = cursors || look.field("nodes").exists();
        let total = look.field("totalCount").exists();
        Self {
            listing: listing.shaped(cursors, paged, total),
            page: OnceCell::new(),
        }
    }

    /// The requested page of rows.
    pub async fn page(&self, ctx: &Context<'_>) -> AppResult<&Page<T>> {
        self.page
            .get_or_try_init(|| async {
                let page: Arc<Page<T>> = match self.listing.nested() {
                    None => Arc::new(self.listing.fetch(loader::<Db>(ctx)?).await?),
                    Some(key) => {
                        let loader = loader::<DataLoader<PageLoader<T>>>(ctx)?;
                        loader.load_one(key).await?.unwrap_or_default()
                    }
                };
                // Before any row's resolvers ask the loaders for the relations.
                feed(ctx, &page.prefetched).await?;
                Ok::<_, crate::error::AppError>(page)
            })
            .await
            .map(|page| &**page)
    }

    /// Page metadata for the requested page.
    pub async fn page_info(&self, ctx: &Context<'_>) -> AppResult<PageInfo> {
        let page = self.page(ctx).await?;
        Ok(PageInfo {
            has_next_page: page.has_next,
            has_previous_page: page.has_previous,
            start_cursor: page.items.first().map(|(c, _)| c.encode()),
            end_cursor: page.items.last().map(|(c, _)| c.encode()),
        })
    }

    /// Whether the connection covers every row of its table (see
    /// [`Listing::covers_all`]).
    pub fn covers_all(&self) -> bool {
        self.listing.covers_all()
    }

    /// Aggregates over every row the filter matches (cursors and page size
    /// ignored); nested lists' aggregates are read for all parents at once.
    pub async fn stats(
        &self,
        ctx: &Context<'_>,
        measures: Vec<Expr>,
        group: Option<(Expr, Expr)>,
        joins: impl FnOnce(&mut SelectStatement),
    ) -> AppResult<Vec<StatRow>> {
        let spec = self.listing.stats(measures, group, joins);
        match self.listing.scope() {
            Scope::Root => Ok(spec.fetch(loader::<Db>(ctx)?).await?),
            Scope::Child { column, id } => {
                let loader = loader::<DataLoader<StatsLoader>>(ctx)?;
                let key = NestedKey {
                    parent: *id,
                    nested: Nested::new(spec, column.clone()),
                };
                Ok(loader.load_one(key).await?.unwrap_or_default())
            }
        }
    }

    /// The summary figures `A` over every row the filter matches.
    pub async fn summary<A: Summary>(&self, ctx: &Context<'_>) -> AppResult<A> {
        let measures = summary_measures(&A::fields());
        let rows = self.stats(ctx, measures, None, |_| {}).await?;
        Ok(A::from(rows.into_iter().next().unwrap_or_default()))
    }

    /// How many rows the filter matches, over all pages.
    pub async fn total_count(&self, ctx: &Context<'_>) -> AppResult<i64> {
        // An empty page has no row to carry the count.
        if self.listing.counts_with_page()
            && let Some(total) = self.page(ctx).await?.total
        {
            return Ok(total);
        }
        let rows = self.stats(ctx, vec![count_all()], None, |_| {}).await?;
        Ok(rows.first().map(|row| row.count(0)).unwrap_or(0))
    }
}

/// Summary figures over the numeric `fields` of a list (see
/// [`aggregate!`](crate::aggregate)).
pub trait Summary: From<StatRow> {
    /// The SQL expressions summed up, in the figures' order.
    fn fields() -> Vec<Expr>;
}

/// Declares `$conn` (a [`Connection`] over rows of `$row`) and `$edge`, with the
/// extra resolver methods given in braces added to the connection.
#[macro_export]
macro_rules! connection {
    (
        $(#[$meta:meta])*
        $conn:ident, $edge:ident, $node:ident, $row:ty,
        { $($extra:tt)* }
    ) => {
        $(#[$meta])*
        pub struct $conn(pub $crate::graphql::kit::connection::Connection<$row>);

        #[doc = concat!("One ", stringify!($node), " in a page, with the cursor that points at it.")]
        pub struct $edge {
            cursor: $crate::store::listing::Cursor,
            node: $row,
        }

        #[doc = concat!("One ", stringify!($node), " in a page, with the cursor that points at it.")]
        #[async_graphql::Object]
        impl $edge {
            /// Opaque position of this edge; pass it as `after` or `before`.
            async fn cursor(&self) -> String {
                self.cursor.encode()
            }

            /// The record at this position.
            async fn node(&self) -> $node {
                $node(self.node.clone())
            }
        }

        $(#[$meta])*
        #[async_graphql::Object]
        impl $conn {
            /// The page's records with their cursors, in the list's order.
            async fn edges(
                &self,
                ctx: &async_graphql::Context<'_>,
            ) -> async_graphql::Result<Vec<$edge>> {
                let page = self.0.page(ctx).await?;
                Ok(page
                    .items
                    .iter()
                    .map(|(cursor, row)| $edge {
                        cursor: cursor.clone(),
                        node: row.clone(),
                    })
                    .collect())
            }

            /// The page's records, in the list's order (edges without cursors).
            async fn nodes(
                &self,
                ctx: &async_graphql::Context<'_>,
            ) -> async_graphql::Result<Vec<$node>> {
                let page = self.0.page(ctx).await?;
                Ok(page.items.iter().map(|(_, row)| $node(row.clone())).collect())
            }

            /// Whether more pages exist, and the cursors at the page's ends.
            async fn page_info(
                &self,
                ctx: &async_graphql::Context<'_>,
            ) -> async_graphql::Result<$crate::graphql::kit::connection::PageInfo> {
                Ok(self.0.page_info(ctx).await?)
            }

            /// How many records match the filter across all pages. Counted only
            /// when asked for.
            async fn total_count(
                &self,
                ctx: &async_graphql::Context<'_>,
            ) -> async_graphql::Result<i64> {
                Ok(self.0.total_count(ctx).await?)
            }

            $($extra)*
        }
    };
}

/// `aggregate! { /// docs  Aggregate, Numbers ("park", "parks") { /// docs
/// field = expr, ... } }`: the count, sum, average, minimum and maximum of
/// some numeric fields (each the SQL `expr`) over every row a filter
/// matches, read by [`Connection::summary`].
#[macro_export]
macro_rules! aggregate {
    (
        $(#[$meta:meta])*
        $aggregate:ident, $numbers:ident ($one:literal, $many:literal) {
            $($(#[$fmeta:meta])* $field:ident = $source:expr),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(async_graphql::SimpleObject, Clone, Debug)]
        pub struct $aggregate {
            #[doc = concat!("How many ", $many, " match.")]
            pub count: i64,
            #[doc = concat!("Sums (null when no ", $one, " has a value).")]
            pub sum: $numbers,
            #[doc = concat!("Averages over the ", $many, " that have a value.")]
            pub avg: $numbers,
            /// Smallest values.
            pub min: $numbers,
            /// Largest values.
            pub max: $numbers,
        }

        #[doc = concat!("One figure for each numeric ", $one, " field.")]
        #[derive(async_graphql::SimpleObject, Clone, Debug)]
        pub struct $numbers {
            $($(#[$fmeta])* pub $field: Option<f64>,)+
        }

        impl $crate::graphql::kit::connection::Summary for $aggregate {
            fn fields() -> Vec<sea_orm::sea_query::Expr> {
                vec![$($source),+]
            }
        }

        impl From<$crate::store::listing::StatRow> for $aggregate {
            fn from(row: $crate::store::listing::StatRow) -> Self {
                let numbers = |op| {
                    let mut field = 0;
                    $numbers {
                        $($field: {
                            field += 1;
                            $crate::store::listing::summary(&row, field - 1, op)
                        },)+
                    }
                };
                Self {
                    count: row.count(0),
                    sum: numbers(0),
                    avg: numbers(1),
                    min: numbers(2),
                    max: numbers(3),
                }
            }
        }
    };
}

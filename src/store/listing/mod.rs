//! Relay connections over SQL: keyset cursors (never OFFSET), page-size limits,
//! lazily computed `totalCount` and aggregates, and nested lists batched per
//! parent through DataLoaders.
//!
//! A domain builds a [`Listing`] from its filtered select and sort keys; the
//! connection types (made by [`connection!`](crate::connection)) read pages and
//! counts from it only when the client selects them.

mod args;
mod connection;
mod keyset;
mod loaders;
mod page;
mod stats;

pub use args::{Cursor, MAX_PAGE_SIZE, PageArgs, PageRequest};
pub use keyset::{KeyKind, OrderKey};
pub use loaders::{Nested, NestedKey, PageLoader, StatsLoader};
pub use page::{Page, PageSpec};
pub use stats::{StatRow, StatsSpec};

use std::sync::Arc;

use async_graphql::dataloader::DataLoader;
use async_graphql::{Context, SimpleObject};
use sea_orm::Iterable;
use sea_orm::sea_query::{Condition, Expr, ExprTrait, Query, SelectStatement};

use crate::store::rows::Decode;
use tokio::sync::OnceCell;

use crate::error::{AppError, AppResult};
use crate::store::Db;
use crate::store::prefetch::Join;
use crate::store::table::Table;

/// The most sort keys a client may give in `orderBy`.
pub const MAX_ORDER_KEYS: usize = 5;

/// Where a list hangs: at the query root, or under one parent row.
#[derive(Clone, Debug)]
pub enum Scope {
    /// A root list (`parks`).
    Root,
    /// A nested list (`city.parks`): `column` ties rows to the parent `id`.
    Child {
        /// The parent column, e.g. `park.city_id`.
        column: Expr,
        /// The parent row's id.
        id: i32,
    },
}

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

/// One list request, resolved lazily: rows on first use of edges, nodes or
/// pageInfo; counts and aggregates only when selected.
pub struct Listing<T> {
    /// `SELECT FROM ... WHERE filter`, without columns: the rows the list covers.
    filtered: SelectStatement,
    spec: PageSpec,
    scope: Scope,
    page: OnceCell<Arc<Page<T>>>,
}

impl<T> Listing<T>
where
    T: Decode + Clone + Send + Sync + 'static,
{
    /// A list named `list` over `filtered` (no columns), showing `columns`,
    /// sorted by `keys`.
    pub fn new(
        list: &'static str,
        filtered: SelectStatement,
        columns: impl FnOnce(&mut SelectStatement),
        keys: Vec<OrderKey>,
        args: &PageArgs,
        scope: Scope,
    ) -> AppResult<Self> {
        // The keyset condition grows with the square of the key count.
        if keys.len() > MAX_ORDER_KEYS + 1 {
            let message = format!("`orderBy` takes at most {MAX_ORDER_KEYS} keys");
            return Err(AppError::bad_input("orderBy", message));
        }
        let page = args.validate(list, &keys)?;
        let mut select = filtered.clone();
        columns(&mut select);
        let select = Arc::new(select);
        Ok(Self {
            filtered,
            spec: PageSpec {
                select,
                keys,
                page,
                list,
                joins: Vec::new(),
                wanted: crate::store::rows::ALL,
                total: None,
                cursors: true,
            },
            scope,
            page: OnceCell::new(),
        })
    }

    /// Reads only the `wanted` columns of each row, which are all that `new`'s
    /// `columns` selected.
    pub fn wanting(mut self, wanted: crate::store::rows::Wanted) -> Self {
        self.spec.wanted = wanted;
        self
    }

    /// Selects and reads only the `wanted` columns of `E` (bit i is the i-th
    /// `E::Column`; the id, column 0, is always read), the other fields of each
    /// row left at their default. Call it before [`Listing::join`].
    pub fn narrowed<E>(mut self, wanted: crate::store::rows::Wanted) -> Self
    where
        E: Table<Model = T>,
    {
        let wanted = wanted | 1;
        let select = Arc::make_mut(&mut self.spec.select);
        select.clear_selects();
        for (i, column) in E::Column::iter().enumerate() {
            if crate::store::rows::wants(wanted, i) {
                select.column((E::default(), column));
            }
        }
        self.spec.wanted = wanted;
        self
    }

    /// Also reads `joins` (to-one relations of each row) in the page's
    /// statement; see [`crate::store::prefetch`].
    pub fn join(mut self, joins: impl IntoIterator<Item = Join>) -> Self {
        for join in joins {
            join.add_to(Arc::make_mut(&mut self.spec.select));
            self.spec.joins.push(join);
        }
        self
    }

    /// Reads what the connection being resolved in `ctx` selects, and no
    /// more: the rows' cursors only under `edges` or `pageInfo`; at the root,
    /// `totalCount` in the page's statement when it selects a page too (see
    /// [`PageSpec::fetch`]). Nested lists count through the [`StatsLoader`].
    pub fn shaped(mut self, ctx: &Context<'_>) -> Self {
        let look = ctx.look_ahead();
        let cursors = look.field("edges").exists() || look.field("pageInfo").exists();
        self.spec.cursors = cursors;
        let paged = cursors || look.field("nodes").exists();
        if matches!(self.scope, Scope::Root) && paged && look.field("totalCount").exists() {
            let mut count = self.filtered.clone();
            count.expr(count_all());
            self.spec.total = Some(count);
        }
        self
    }

    /// The requested page of rows.
    pub async fn page(&self, ctx: &Context<'_>) -> AppResult<&Page<T>> {
        self.page
            .get_or_try_init(|| async {
                let page: Arc<Page<T>> = match &self.scope {
                    Scope::Root => Arc::new(self.spec.fetch(ctx.data::<Db>().map_err(gql)?).await?),
                    Scope::Child { column, id } => {
                        let loader = ctx.data::<DataLoader<PageLoader<T>>>().map_err(gql)?;
                        let key = NestedKey {
                            parent: *id,
                            nested: Nested::new(self.spec.clone(), column.clone()),
                        };
                        loader.load_one(key).await?.unwrap_or_default()
                    }
                };
                // Before any row's resolvers ask the loaders for the relations.
                page.prefetched.feed(ctx).await?;
                Ok::<_, AppError>(page)
            })
            .await
            .map(|page| &**page)
    }

    /// The statement that reads this nested list's page for `parents`.
    #[cfg(test)]
    pub fn sql_for_parents(&self, backend: sea_orm::DbBackend, parents: &[i32]) -> String {
        let Scope::Child { column, .. } = &self.scope else {
            panic!("a root list has no parents");
        };
        let statement = self.spec.statement_for_parents(backend, column, parents);
        backend.build(&statement).to_string()
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

    /// Aggregates over every row the filter matches (cursors and page size ignored).
    pub async fn stats(
        &self,
        ctx: &Context<'_>,
        measures: Vec<Expr>,
        group: Option<(Expr, Expr)>,
        joins: impl FnOnce(&mut SelectStatement),
    ) -> AppResult<Vec<StatRow>> {
        let mut select = self.filtered.clone();
        joins(&mut select);
        let spec = StatsSpec {
            select,
            measures,
            group,
        };
        match &self.scope {
            Scope::Root => Ok(spec.fetch(ctx.data::<Db>().map_err(gql)?).await?),
            Scope::Child { column, id } => {
                let loader = ctx.data::<DataLoader<StatsLoader>>().map_err(gql)?;
                let key = NestedKey {
                    parent: *id,
                    nested: Nested::new(spec, column.clone()),
                };
                Ok(loader.load_one(key).await?.unwrap_or_default())
            }
        }
    }

    /// How many rows the filter matches, over all pages.
    pub async fn total_count(&self, ctx: &Context<'_>) -> AppResult<i64> {
        // An empty page has no row to carry the count.
        if self.spec.total.is_some()
            && let Some(total) = self.page(ctx).await?.total
        {
            return Ok(total);
        }
        let rows = self.stats(ctx, vec![count_all()], None, |_| {}).await?;
        Ok(rows.first().map(|row| row.count(0)).unwrap_or(0))
    }
}

/// `COUNT(*)`.
pub fn count_all() -> Expr {
    Expr::cust("COUNT(*)")
}

/// The aggregate measures `SUM`, `AVG`, `MIN`, `MAX` of each expression, in
/// that order per expression, after a leading `COUNT(*)`.
pub fn summary_measures(fields: &[Expr]) -> Vec<Expr> {
    let mut measures = vec![count_all()];
    for field in fields {
        measures.push(field.clone().sum());
        measures.push(field.clone().avg());
        measures.push(field.clone().min());
        measures.push(field.clone().max());
    }
    measures
}

/// Reads a figure from a row made with [`summary_measures`]: `op` is 0 for
/// sum, 1 average, 2 minimum, 3 maximum, of the `field`-th expression.
pub fn summary(row: &StatRow, field: usize, op: usize) -> Option<f64> {
    row.value(1 + field * 4 + op)
}

// Context data that is always registered; its absence is a wiring bug.
fn gql(err: async_graphql::Error) -> AppError {
    AppError::Internal(anyhow::anyhow!("missing context data: {}", err.message))
}

/// Appends the unique `id` as the last sort key, following the first key's
/// direction so a `(key, id)` index can serve the whole order.
pub fn with_tiebreak(keys: &mut Vec<OrderKey>, id: Expr) {
    let desc = keys.first().is_some_and(|k| k.desc);
    keys.push(OrderKey::required("id", id, KeyKind::Int, desc));
}

/// A list over one table: every column of `E`, rows matching `condition`.
pub fn entity_listing<E>(
    condition: Condition,
    mut keys: Vec<OrderKey>,
    args: &PageArgs,
    scope: Scope,
) -> AppResult<Listing<E::Model>>
where
    E: Table,
    E::Model: Decode + Clone + Send + Sync + 'static,
{
    let mut filtered = Query::select().from(E::default().table_ref()).to_owned();
    // An empty condition would be written `WHERE $n` with TRUE bound: a
    // parameter the planner cannot see through in a generic plan.
    if !condition.is_empty() {
        filtered.cond_where(condition);
    }
    with_tiebreak(&mut keys, Expr::col((E::default(), E::ID)));
    Listing::new(
        E::default().table_name(),
        filtered,
        |select| {
            for column in E::Column::iter() {
                select.column((E::default(), column));
            }
        },
        keys,
        args,
        scope,
    )
}

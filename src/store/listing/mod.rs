//! Lists over SQL: keyset cursors (never OFFSET), page-size limits, counts
//! and aggregates over everything a filter matches, and nested lists read
//! for many parents in one statement.
//!
//! A domain builds a [`Listing`] from its filtered select and sort keys; the
//! GraphQL side reads pages and counts from it only when a client selects
//! them.

mod args;
mod keyset;
mod nested;
mod page;
mod stats;

pub use args::{Cursor, MAX_PAGE_SIZE, PageArgs, PageRequest};
pub use keyset::{KeyKind, OrderKey};
pub use nested::{Nested, NestedKey, by_query};
pub use page::{Page, PageSpec};
pub use stats::{StatRow, StatsSpec, count_all, summary, summary_measures};

use std::sync::Arc;

use sea_orm::sea_query::{Condition, Expr, Query, SelectStatement};
use sea_orm::{EntityTrait, Iterable};

use crate::error::{AppError, AppResult};
use crate::store::prefetch::Join;
use crate::store::rows::Decode;
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

impl Scope {
    /// The list under parent `id` whose rows point at it with `column`.
    pub fn child(column: impl sea_orm::ColumnTrait, id: i32) -> Self {
        Self::Child {
            column: Expr::col(column.as_column_ref()),
            id,
        }
    }
}

/// One list request: the rows a filter covers, in an order, paged.
pub struct Listing<T> {
    /// `SELECT FROM ... WHERE filter`, without columns: the rows the list covers.
    filtered: SelectStatement,
    // Every row of the table: a root list with no condition.
    whole: bool,
    spec: PageSpec,
    scope: Scope,
    rows: std::marker::PhantomData<fn() -> T>,
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
            whole: false,
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
            rows: std::marker::PhantomData,
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

    /// Reads what will be shown, and no more: the rows' cursors only when
    /// `cursors`; at the root, the total count in the page's statement when
    /// `total` and a page is read too (`paged`; see [`PageSpec::fetch`]).
    /// Nested lists count through their statistics instead.
    pub fn shaped(mut self, cursors: bool, paged: bool, total: bool) -> Self {
        self.spec.cursors = cursors;
        if matches!(self.scope, Scope::Root) && paged && total {
            let mut count = self.filtered.clone();
            count.expr(count_all());
            self.spec.total = Some(count);
        }
        self
    }

    /// What to run for the page.
    pub fn spec(&self) -> &PageSpec {
        &self.spec
    }

    /// Where the list hangs.
    pub fn scope(&self) -> &Scope {
        &self.scope
    }

    /// Whether the list covers every row of its table (a root list with no
    /// condition), so figures kept over the whole table may answer for it.
    pub fn covers_all(&self) -> bool {
        self.whole
    }

    /// The page at the root (a nested list's page is read for all its
    /// parents at once, from its [`Listing::nested`] key).
    pub async fn fetch(&self, db: &crate::store::Db) -> AppResult<Page<T>>
    where
        T: Decode,
    {
        Ok(self.spec.fetch(db).await?)
    }

    /// The loader key of a nested list's page: the parent and the shared query.
    pub fn nested(&self) -> Option<NestedKey<PageSpec>> {
        let Scope::Child { column, id } = &self.scope else {
            return None;
        };
        Some(NestedKey {
            parent: *id,
            nested: Nested::new(self.spec.clone(), column.clone()),
        })
    }

    /// Aggregates over every row the filter matches, with `joins` adding the
    /// tables a group key lives in.
    pub fn stats(
        &self,
        measures: Vec<Expr>,
        group: Option<(Expr, Expr)>,
        joins: impl FnOnce(&mut SelectStatement),
    ) -> StatsSpec {
        let mut select = self.filtered.clone();
        joins(&mut select);
        StatsSpec {
            select,
            measures,
            group,
        }
    }

    /// Whether the page's statement also counts every matching row.
    pub fn counts_with_page(&self) -> bool {
        self.spec.total.is_some()
    }

    /// The statement that reads this nested list's page for `parents`, its
    /// values written in.
    #[cfg(test)]
    pub fn sql_for_parents(&self, backend: sea_orm::DbBackend, parents: &[i32]) -> String {
        self.statement_for_parents(backend, parents).to_string()
    }

    /// That statement as prepared: its text with placeholders, and its values.
    #[cfg(test)]
    pub fn statement_for_parents(
        &self,
        backend: sea_orm::DbBackend,
        parents: &[i32],
    ) -> sea_orm::Statement {
        let Scope::Child { column, .. } = &self.scope else {
            panic!("a root list has no parents");
        };
        let statement = self.spec.statement_for_parents(backend, column, parents);
        crate::store::literal::statement(backend, &statement)
    }
}

/// Appends the unique `id` as the last sort key, following the first key's
/// direction so a `(key, id)` index can serve the whole order.
pub fn with_tiebreak(keys: &mut Vec<OrderKey>, id: Expr) {
    let desc = keys.first().is_some_and(|k| k.desc);
    keys.push(OrderKey::required("id", id, KeyKind::Int, desc));
}

/// One key of a list's order.
pub trait SortKey {
    /// Its SQL key.
    fn key(&self) -> OrderKey;
}

/// A list of the rows of `F`'s table matching `filter`, sorted by
/// `order_by` (then by id), at the root or under a parent (`scope`).
pub fn list<F, O>(
    filter: Option<F>,
    order_by: Option<Vec<O>>,
    args: &PageArgs,
    scope: Scope,
) -> AppResult<Listing<<F::Table as EntityTrait>::Model>>
where
    F: crate::store::filter::Filter,
    <F::Table as EntityTrait>::Model: Decode + Clone + Send + Sync + 'static,
    O: SortKey,
{
    let condition = filter.map(|f| f.condition()).unwrap_or_else(Condition::all);
    let keys = order_by
        .unwrap_or_default()
        .iter()
        .map(SortKey::key)
        .collect();
    entity_listing::<F::Table>(condition, keys, args, scope)
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
    let whole = condition.is_empty() && matches!(scope, Scope::Root);
    let mut filtered = Query::select().from(E::default().table_ref()).to_owned();
    // An empty condition would be written `WHERE $n` with TRUE bound: a
    // parameter the planner cannot see through in a generic plan.
    if !condition.is_empty() {
        filtered.cond_where(condition);
    }
    with_tiebreak(&mut keys, Expr::col((E::default(), E::ID)));
    let mut listing = Listing::new(
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
    )?;
    listing.whole = whole;
    Ok(listing)
}

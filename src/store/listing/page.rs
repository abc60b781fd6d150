//! Fetching one page of a list, at the root or for many parents at once.
//!
//! A root page is `SELECT ... WHERE filter AND keyset ORDER BY keys LIMIT n+1`.
//! Nested pages for many parents are one statement: a `UNION ALL` of that same
//! select once per parent, each with its own `LIMIT n+1`, so `tenants(first:
//! 20)` under 50 parks reads at most 50 x 21 tenancy rows through the
//! `(park_id, id)` index. (A `ROW_NUMBER() OVER (PARTITION BY ...)` window was
//! tried first: PostgreSQL read and sorted every tenancy of the 50 parks, 7,505
//! rows at synthetic scale 1, before cutting each partition at 21.)

use std::collections::HashMap;
use std::sync::Arc;

use sea_orm::sea_query::{
    Alias, Asterisk, Condition, Expr, ExprTrait, Order, Query, SelectStatement, SubQueryStatement,
    UnionType,
};
use sea_orm::{DbBackend, DbErr, JoinType, QueryResult};
use serde_json::Value;

use super::args::{Cursor, PageRequest, order_signature};
use super::keyset::{self, KeyKind, OrderKey};
use crate::store::Db;
use crate::store::prefetch::{Join, Prefetched, read_all};
use crate::store::rows::{Decode, Reader, Wanted};
use crate::store::table::{NO_ROW, padded};

const PARENT: &str = "pg_parent";
const TOTAL: &str = "pg_total";
// SQLite allows at most 500 terms in one compound SELECT; 384 is a
// `batch_len`, so a full chunk is not padded past it.
const MAX_BRANCHES: usize = 384;

/// Everything needed to run one list query, minus the parents of a nested list.
#[derive(Clone, Debug, PartialEq)]
pub struct PageSpec {
    /// `SELECT columns FROM ... WHERE filter`, with no order or limit. Shared:
    /// every parent of a nested list clones the spec into its loader key.
    pub select: Arc<SelectStatement>,
    /// Sort keys; the last one is always the unique id.
    pub keys: Vec<OrderKey>,
    /// Size, direction and cursors.
    pub page: PageRequest,
    /// Which list this is (`park`, `tenancy`), for the cursors.
    pub list: &'static str,
    /// To-one relations joined into `select`, read with each row.
    pub joins: Vec<Join>,
    /// The columns of each row that `select` selects.
    pub wanted: Wanted,
    /// A root page only: `SELECT COUNT(*) FROM ... WHERE filter`, read with
    /// the page's rows (see [`PageSpec::fetch`]).
    pub total: Option<SelectStatement>,
    /// Whether the rows' cursors are read: only `edges` and `pageInfo` show
    /// them, and a nodes-only page of 50 parks' tenants spent a tenth of its
    /// instructions making 1,050 it never showed.
    pub cursors: bool,
}

/// One page of rows with their cursors.
#[derive(Clone, Debug)]
pub struct Page<T> {
    /// Rows in order, each with its position.
    pub items: Vec<(Cursor, T)>,
    /// Whether rows exist after the last one returned.
    pub has_next: bool,
    /// Whether rows exist before the first one returned.
    pub has_previous: bool,
    /// The rows' joined relations, for the loaders.
    pub prefetched: Prefetched,
    /// How many rows the filter matches over all pages, when the spec asked
    /// for it and the page has a row to carry it.
    pub total: Option<i64>,
}

impl<T> Default for Page<T> {
    fn default() -> Self {
        Self {
            items: Vec::new(),
            has_next: false,
            has_previous: false,
            prefetched: Prefetched::default(),
            total: None,
        }
    }
}

impl PageSpec {
    /// The select with the keyset conditions added, and the sort keys as
    /// columns `pg_k0`... when `keys` (for cursors, or to order the pages of
    /// many parents by).
    fn windowless(&self, keys: bool) -> SelectStatement {
        let mut select = SelectStatement::clone(&self.select);
        if let Some(after) = &self.page.after {
            select.cond_where(keyset::after(&self.keys, after, false));
        }
        if let Some(before) = &self.page.before {
            select.cond_where(keyset::after(&self.keys, before, true));
        }
        for (i, key) in self.keys.iter().enumerate().filter(|_| keys) {
            // Cast so that one Rust type decodes the cursor value on every
            // backend (PostgreSQL will not decode an INTEGER column as i64).
            let value = match key.kind {
                KeyKind::Int => key.expr.clone().cast_as(Alias::new("BIGINT")),
                KeyKind::Float => key.expr.clone().cast_as(Alias::new("DOUBLE PRECISION")),
                KeyKind::Text => key.expr.clone(),
            };
            select.expr_as(value, Alias::new(format!("pg_k{i}")));
        }
        select
    }

    /// Runs the page at the root. With a [`PageSpec::total`], each row also
    /// carries the count, an uncorrelated subquery that both backends run
    /// once per statement: the page and its `totalCount` cost one statement
    /// and come from one snapshot.
    pub async fn fetch<T: Decode>(&self, db: &Db) -> Result<Page<T>, DbErr> {
        let rows = db.select_all(&self.root_statement()).await?;
        db.stats.add_page_rows(rows.len());
        self.assemble(rows.iter())
    }

    /// The statement of a root page. Its sort keys are read as columns only
    /// for cursors: a nodes-only page (Q1) orders by the key expressions and
    /// reads nothing more.
    pub(super) fn root_statement(&self) -> SelectStatement {
        let mut select = self.windowless(self.cursors);
        if let Some(count) = &self.total {
            let count = SubQueryStatement::SelectStatement(count.clone());
            select.expr_as(Expr::SubQuery(None, Box::new(count)), Alias::new(TOTAL));
        }
        keyset::order_by(&mut select, &self.keys, self.page.backward);
        select.limit(self.page.limit + 1);
        select
    }

    /// Runs the page once for each parent, in one statement per 384 parents
    /// (written for a [`batch_len`](crate::store::table::batch_len) of them).
    /// `parent` is the column that ties a row to its parent (`tenancy.park_id`).
    pub async fn fetch_for_parents<T: Decode>(
        &self,
        db: &Db,
        parent: &Expr,
        parents: &[i32],
    ) -> Result<HashMap<i32, Page<T>>, DbErr> {
        let mut grouped: HashMap<i32, Vec<QueryResult>> = HashMap::new();
        for chunk in parents.chunks(MAX_BRANCHES) {
            let statement = self.statement_for_parents(db.backend(), parent, chunk);
            let rows = db.select_all(&statement).await?;
            db.stats.add_page_rows(rows.len());
            for row in rows {
                let parent: i32 = row.try_get("", PARENT)?;
                grouped.entry(parent).or_default().push(row);
            }
        }
        let mut pages = HashMap::new();
        for parent in parents {
            let rows = grouped.remove(parent).unwrap_or_default();
            pages.insert(*parent, self.assemble(rows.iter())?);
        }
        Ok(pages)
    }

    /// The page of each of `parents` (at most [`MAX_BRANCHES`]) in one
    /// statement, padded with parents no row has so that its text is one of
    /// a few (see [`batch_len`](crate::store::table::batch_len)).
    pub(super) fn statement_for_parents(
        &self,
        backend: DbBackend,
        parent: &Expr,
        parents: &[i32],
    ) -> SelectStatement {
        let parents = padded(parents, NO_ROW);
        match backend {
            DbBackend::Postgres => self.lateral_pages(parent, &parents),
            _ => self.union_of_pages(parent, &parents),
        }
    }

    /// PostgreSQL: `SELECT pg_page.* FROM (VALUES (1), (2)...) AS pg_parents
    /// JOIN LATERAL (page of one parent) AS pg_page ON TRUE`. One branch to
    /// plan instead of one per parent (planning 50 UNION branches took longer
    /// than running them).
    fn lateral_pages(&self, parent: &Expr, parents: &[i32]) -> SelectStatement {
        let mut page = self.windowless(true);
        page.and_where(
            parent
                .clone()
                .equals((Alias::new("pg_parents"), Alias::new("column1"))),
        )
        .expr_as(parent.clone(), Alias::new(PARENT));
        keyset::order_by(&mut page, &self.keys, self.page.backward);
        page.limit(self.page.limit + 1);
        let mut outer = Query::select()
            .column((Alias::new("pg_page"), Asterisk))
            .from_values(parents.iter().copied(), Alias::new("pg_parents"))
            .join_lateral(
                JoinType::InnerJoin,
                page,
                Alias::new("pg_page"),
                Condition::all().add(Expr::cust("TRUE")),
            )
            .to_owned();
        self.order_by_parent_then_keys(&mut outer);
        outer
    }

    /// `SELECT * FROM (page of parent 1) UNION ALL SELECT * FROM (page of
    /// parent 2) ...`, ordered by parent and then by the page's own order.
    fn union_of_pages(&self, parent: &Expr, parents: &[i32]) -> SelectStatement {
        let mut branches = parents.iter().map(|id| {
            let mut branch = self.windowless(true);
            branch
                .and_where(parent.clone().eq(*id))
                .expr_as(parent.clone(), Alias::new(PARENT));
            keyset::order_by(&mut branch, &self.keys, self.page.backward);
            branch.limit(self.page.limit + 1);
            Query::select()
                .column(Asterisk)
                .from_subquery(branch, Alias::new("pg_branch"))
                .to_owned()
        });
        let mut union = branches.next().unwrap_or_else(Query::select);
        for branch in branches {
            union.union(UnionType::All, branch);
        }
        let mut outer = Query::select()
            .column(Asterisk)
            .from_subquery(union, Alias::new("pg_page"))
            .to_owned();
        self.order_by_parent_then_keys(&mut outer);
        outer
    }

    /// Orders combined pages by parent, then each page in its own order.
    fn order_by_parent_then_keys(&self, outer: &mut SelectStatement) {
        outer.order_by((Alias::new("pg_page"), Alias::new(PARENT)), Order::Asc);
        for (i, key) in self.keys.iter().enumerate() {
            let (order, nulls) = keyset::direction(key, self.page.backward);
            let column = (Alias::new("pg_page"), Alias::new(format!("pg_k{i}")));
            match nulls {
                Some(nulls) => outer.order_by_with_nulls(column, order, nulls),
                None => outer.order_by(column, order),
            };
        }
    }

    /// Turns up to limit+1 rows, in query order, into a page.
    fn assemble<'a, T: Decode>(
        &self,
        rows: impl Iterator<Item = &'a QueryResult>,
    ) -> Result<Page<T>, DbErr> {
        let signature: Arc<str> = match self.cursors {
            true => order_signature(self.list, &self.keys).into(),
            false => Arc::from(""),
        };
        let columns: Vec<String> = match self.cursors {
            true => (0..self.keys.len()).map(|i| format!("pg_k{i}")).collect(),
            false => Vec::new(),
        };
        let mut items = Vec::new();
        let mut read = Vec::new();
        let mut more = false;
        let mut reader = Reader::<T>::new("").wanting(self.wanted);
        for row in rows {
            if items.len() as u64 == self.page.limit {
                more = true;
                break;
            }
            let values = match self.cursors {
                true => self.key_values(row, &columns)?,
                false => Vec::new(),
            };
            let cursor = Cursor {
                signature: signature.clone(),
                values,
            };
            items.push((cursor, reader.read(row)?));
            read.push(row);
        }
        let prefetched = read_all(&self.joins, &read)?;
        let total = match (&self.total, read.first()) {
            (Some(_), Some(row)) => Some(row.try_get::<i64>("", TOTAL)?),
            _ => None,
        };
        if self.page.backward {
            items.reverse();
            Ok(Page {
                items,
                has_next: self.page.before.is_some(),
                has_previous: more,
                prefetched,
                total,
            })
        } else {
            Ok(Page {
                items,
                has_next: more,
                has_previous: self.page.after.is_some(),
                prefetched,
                total,
            })
        }
    }

    fn key_values(&self, row: &QueryResult, columns: &[String]) -> Result<Vec<Value>, DbErr> {
        let mut values = Vec::with_capacity(self.keys.len());
        for (key, column) in self.keys.iter().zip(columns) {
            let value = match key.kind {
                KeyKind::Int => row.try_get::<Option<i64>>("", column)?.map(Value::from),
                KeyKind::Float => row.try_get::<Option<f64>>("", column)?.map(Value::from),
                KeyKind::Text => row.try_get::<Option<String>>("", column)?.map(Value::from),
            };
            values.push(value.unwrap_or(Value::Null));
        }
        Ok(values)
    }
}

//! Fetching one page of a list, at the root or for many parents at once.
//!
//! A root page is `SELECT ... WHERE filter AND keyset ORDER BY keys LIMIT n+1`.
//! Nested pages for many parents are one statement: the same select numbered
//! with `ROW_NUMBER() OVER (PARTITION BY parent ORDER BY keys)` and cut at n+1
//! per parent, so `tenants(first: 20)` under 50 parks reads at most 50 x 21 rows.

use std::collections::HashMap;

use sea_orm::sea_query::{
    Alias, Asterisk, Expr, ExprTrait, Func, OverStatement, Query, SelectStatement, WindowStatement,
};
use sea_orm::{ConnectionTrait, DbErr, FromQueryResult, QueryResult};
use serde_json::Value;

use super::args::{PageRequest, encode_cursor};
use super::keyset::{self, KeyKind, OrderKey};
use crate::db::Db;

const PARENT: &str = "pg_parent";
const ROW_NUMBER: &str = "pg_row";

/// Everything needed to run one list query, minus the parents of a nested list.
#[derive(Clone, Debug)]
pub struct PageSpec {
    /// `SELECT columns FROM ... WHERE filter`, with no order or limit.
    pub select: SelectStatement,
    /// Sort keys; the last one is always the unique id.
    pub keys: Vec<OrderKey>,
    /// Size, direction and cursors.
    pub page: PageRequest,
    /// Which list this is (`park`, `tenancy`), for the cursors.
    pub list: &'static str,
}

/// One page of rows with their cursors.
#[derive(Clone, Debug)]
pub struct Page<T> {
    /// Rows in order, each with its cursor.
    pub items: Vec<(String, T)>,
    /// Whether rows exist after the last one returned.
    pub has_next: bool,
    /// Whether rows exist before the first one returned.
    pub has_previous: bool,
}

impl<T> Default for Page<T> {
    fn default() -> Self {
        Self {
            items: Vec::new(),
            has_next: false,
            has_previous: false,
        }
    }
}

impl PageSpec {
    /// The select with the keyset conditions and sort-key columns added.
    fn windowless(&self) -> SelectStatement {
        let mut select = self.select.clone();
        if let Some(after) = &self.page.after {
            select.cond_where(keyset::after(&self.keys, after, false));
        }
        if let Some(before) = &self.page.before {
            select.cond_where(keyset::after(&self.keys, before, true));
        }
        for (i, key) in self.keys.iter().enumerate() {
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

    /// Runs the page at the root.
    pub async fn fetch<T: FromQueryResult>(&self, db: &Db) -> Result<Page<T>, DbErr> {
        let mut select = self.windowless();
        keyset::order_by(&mut select, &self.keys, self.page.backward);
        select.limit(self.page.limit + 1);
        let rows = db.conn.query_all(&select).await?;
        db.stats.add_page_rows(rows.len());
        self.assemble(rows.iter())
    }

    /// Runs the page once for each parent, in one statement. `parent` is the
    /// column that ties a row to its parent (`tenancy.park_id`).
    pub async fn fetch_for_parents<T: FromQueryResult>(
        &self,
        db: &Db,
        parent: &Expr,
        parents: &[i32],
    ) -> Result<HashMap<i32, Page<T>>, DbErr> {
        let mut inner = self.windowless();
        inner.and_where(parent.clone().is_in(parents.iter().copied()));
        inner.expr_as(parent.clone(), Alias::new(PARENT));
        let mut window = WindowStatement::new();
        window.add_partition_by(parent.clone());
        for key in &self.keys {
            let (order, nulls) = keyset::direction(key, self.page.backward);
            match nulls {
                Some(nulls) => window.order_by_expr_with_nulls(key.expr.clone(), order, nulls),
                None => window.order_by_expr(key.expr.clone(), order),
            };
        }
        inner.expr_window_as(Func::cust("ROW_NUMBER"), window, Alias::new(ROW_NUMBER));
        let outer = Query::select()
            .column(Asterisk)
            .from_subquery(inner, Alias::new("pg_page"))
            .and_where(Expr::col(Alias::new(ROW_NUMBER)).lte(self.page.limit as i64 + 1))
            .order_by(Alias::new(PARENT), sea_orm::sea_query::Order::Asc)
            .order_by(Alias::new(ROW_NUMBER), sea_orm::sea_query::Order::Asc)
            .to_owned();
        let rows = db.conn.query_all(&outer).await?;
        db.stats.add_page_rows(rows.len());
        let mut grouped: HashMap<i32, Vec<QueryResult>> = HashMap::new();
        for row in rows {
            let parent: i32 = row.try_get("", PARENT)?;
            grouped.entry(parent).or_default().push(row);
        }
        let mut pages = HashMap::new();
        for parent in parents {
            let rows = grouped.remove(parent).unwrap_or_default();
            pages.insert(*parent, self.assemble(rows.iter())?);
        }
        Ok(pages)
    }

    /// Turns up to limit+1 rows, in query order, into a page.
    fn assemble<'a, T: FromQueryResult>(
        &self,
        rows: impl Iterator<Item = &'a QueryResult>,
    ) -> Result<Page<T>, DbErr> {
        let mut items = Vec::new();
        let mut more = false;
        for row in rows {
            if items.len() as u64 == self.page.limit {
                more = true;
                break;
            }
            items.push((self.cursor(row)?, T::from_query_result(row, "")?));
        }
        if self.page.backward {
            items.reverse();
            Ok(Page {
                items,
                has_next: self.page.before.is_some(),
                has_previous: more,
            })
        } else {
            Ok(Page {
                items,
                has_next: more,
                has_previous: self.page.after.is_some(),
            })
        }
    }

    fn cursor(&self, row: &QueryResult) -> Result<String, DbErr> {
        let mut values = Vec::with_capacity(self.keys.len());
        for (i, key) in self.keys.iter().enumerate() {
            let column = format!("pg_k{i}");
            let value = match key.kind {
                KeyKind::Int => row.try_get::<Option<i64>>("", &column)?.map(Value::from),
                KeyKind::Float => row.try_get::<Option<f64>>("", &column)?.map(Value::from),
                KeyKind::Text => row.try_get::<Option<String>>("", &column)?.map(Value::from),
            };
            values.push(value.unwrap_or(Value::Null));
        }
        Ok(encode_cursor(self.list, &self.keys, &values))
    }
}

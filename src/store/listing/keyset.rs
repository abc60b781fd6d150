//! Keyset pagination in SQL: ORDER BY clauses and "rows after this cursor"
//! conditions for any list of sort keys, with NULLs placed the same way on
//! SQLite and PostgreSQL.
//!
//! The convention: unknown (NULL) values come last in both directions, which
//! is what a reader of "largest first" expects. Reading a page backwards
//! (`last`/`before`) runs the exact reverse order: opposite direction, NULLs first.

use sea_orm::sea_query::{Condition, Expr, ExprTrait, NullOrdering, Order, SelectStatement};
use serde_json::Value;

/// What SQL type a sort key has, so cursor values can be checked and decoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyKind {
    /// Whole numbers.
    Int,
    /// Floating-point numbers.
    Float,
    /// Text.
    Text,
}

/// One ORDER BY key.
#[derive(Clone, Debug, PartialEq)]
pub struct OrderKey {
    /// A short stable name, used in cursors (`name`, `area_sqft`, `id`).
    pub name: &'static str,
    /// The SQL expression sorted on.
    pub expr: Expr,
    /// True for descending.
    pub desc: bool,
    /// True when the expression can be NULL.
    pub nullable: bool,
    /// The expression's type.
    pub kind: KeyKind,
}

impl OrderKey {
    /// A key on a column that is never NULL.
    pub fn required(name: &'static str, expr: Expr, kind: KeyKind, desc: bool) -> Self {
        Self {
            name,
            expr,
            desc,
            nullable: false,
            kind,
        }
    }

    /// A key on a column that may be NULL.
    pub fn optional(name: &'static str, expr: Expr, kind: KeyKind, desc: bool) -> Self {
        Self {
            name,
            expr,
            desc,
            nullable: true,
            kind,
        }
    }
}

/// Adds ORDER BY for `keys`, reversed when `reverse` is set.
pub fn order_by(select: &mut SelectStatement, keys: &[OrderKey], reverse: bool) {
    for key in keys {
        let (order, nulls) = direction(key, reverse);
        match nulls {
            Some(nulls) => select.order_by_expr_with_nulls(key.expr.clone(), order, nulls),
            None => select.order_by_expr(key.expr.clone(), order),
        };
    }
}

/// The ORDER BY direction (and NULL placement, for nullable keys) of a key.
pub fn direction(key: &OrderKey, reverse: bool) -> (Order, Option<NullOrdering>) {
    let order = if key.desc != reverse {
        Order::Desc
    } else {
        Order::Asc
    };
    let nulls = key.nullable.then_some(if reverse {
        NullOrdering::First
    } else {
        NullOrdering::Last
    });
    (order, nulls)
}

/// Rows strictly after `values` in the order of `keys` (reversed when `reverse`
/// is set, which turns "after" into "before").
pub fn after(keys: &[OrderKey], values: &[Value], reverse: bool) -> Condition {
    let mut any = Condition::any();
    for (i, key) in keys.iter().enumerate() {
        let Some(beyond) = beyond(key, &values[i], key.desc != reverse, !reverse) else {
            continue;
        };
        let mut all = Condition::all();
        for (earlier, value) in keys[..i].iter().zip(values) {
            all = all.add(equal(earlier, value));
        }
        any = any.add(all.add(beyond));
    }
    // Nothing can follow a cursor whose every branch was impossible.
    if any.is_empty() {
        return Condition::all().add(Expr::cust("1 = 0"));
    }
    any
}

fn equal(key: &OrderKey, value: &Value) -> Expr {
    match sql_value(value) {
        None => key.expr.clone().is_null(),
        Some(v) => key.expr.clone().eq(v),
    }
}

/// The condition "strictly beyond `value` on this key alone" in an order that
/// runs `desc` with NULLs last or first, or None when nothing can be beyond
/// (a NULL when NULLs come last).
fn beyond(key: &OrderKey, value: &Value, desc: bool, nulls_last: bool) -> Option<Condition> {
    let expr = key.expr.clone();
    let Some(v) = sql_value(value) else {
        return (!nulls_last).then(|| Condition::all().add(expr.is_not_null()));
    };
    let past = if desc {
        expr.clone().lt(v)
    } else {
        expr.clone().gt(v)
    };
    Some(if key.nullable && nulls_last {
        Condition::any().add(past).add(expr.is_null())
    } else {
        Condition::all().add(past)
    })
}

fn sql_value(value: &Value) -> Option<Expr> {
    match value {
        Value::Null => None,
        Value::Number(n) => Some(match n.as_i64() {
            Some(i) => Expr::val(i),
            None => Expr::val(n.as_f64().unwrap_or_default()),
        }),
        Value::String(s) => Some(Expr::val(s.clone())),
        Value::Bool(b) => Some(Expr::val(*b)),
        other => Some(Expr::val(other.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use sea_orm::sea_query::{Alias, PostgresQueryBuilder, Query};

    use super::*;
    use crate::store::listing::{PageRequest, PageSpec};

    fn page(cursors: bool) -> String {
        let name = Expr::col((Alias::new("park"), Alias::new("name")));
        let id = Expr::col((Alias::new("park"), Alias::new("id")));
        let spec = PageSpec {
            select: Arc::new(
                Query::select()
                    .expr(id.clone())
                    .from(Alias::new("park"))
                    .to_owned(),
            ),
            keys: vec![
                OrderKey::required("name", name, KeyKind::Text, false),
                OrderKey::required("id", id, KeyKind::Int, false),
            ],
            page: PageRequest {
                limit: 20,
                backward: false,
                after: None,
                before: None,
            },
            list: "park",
            joins: Vec::new(),
            wanted: crate::store::rows::ALL,
            total: None,
            cursors,
        };
        spec.root_statement().to_string(PostgresQueryBuilder)
    }

    #[test]
    fn a_root_page_reads_its_sort_keys_as_columns_only_for_cursors() {
        assert!(page(true).contains(r#"AS "pg_k0""#), "{}", page(true));
        let nodes_only = page(false);
        assert!(!nodes_only.contains("pg_k"), "{nodes_only}");
        assert!(
            nodes_only.ends_with(r#"ORDER BY "park"."name" ASC, "park"."id" ASC LIMIT 21"#),
            "{nodes_only}"
        );
    }
}

//! SQL conditions for filters: comparisons with literal values, text
//! matched on folded copies, and the `and`/`or`/`not` combinator every
//! entity filter uses. Filters always become SQL; nothing is filtered in Rust
//! after fetching.

use sea_orm::sea_query::{Condition, Expr, ExprTrait, Func};

mod literal;
mod text;

pub use literal::{escape_like, like, lit};
pub use text::Text;

/// `table.column` as a SQL expression.
pub fn col<C: sea_orm::ColumnTrait>(column: C) -> Expr {
    Expr::col((column.entity_name(), column))
}

/// A filter over one table: the rows it keeps, as a SQL condition.
pub trait Filter {
    /// The table it filters.
    type Table: crate::store::table::Table;
    /// The condition.
    fn condition(&self) -> Condition;
}

/// `expr NOT IN (values)`; with no values, every known value (`IS NOT NULL`),
/// so NULLs never match either way.
pub fn not_in<V, I>(expr: Expr, values: I) -> Expr
where
    V: Into<sea_orm::sea_query::Value>,
    I: IntoIterator<Item = V>,
{
    let values: Vec<Expr> = values.into_iter().map(lit).collect();
    if values.is_empty() {
        expr.is_not_null()
    } else {
        expr.is_not_in(values)
    }
}

pub fn null_check(cond: Condition, expr: &Expr, is_null: Option<bool>) -> Condition {
    match is_null {
        Some(true) => cond.add(expr.clone().is_null()),
        Some(false) => cond.add(expr.clone().is_not_null()),
        None => cond,
    }
}

/// Combines an entity filter's `and`, `or` and `not` parts with its own fields.
pub fn combine<F>(
    own: Condition,
    and: Option<&[F]>,
    or: Option<&[F]>,
    not: Option<&F>,
    each: impl Fn(&F) -> Condition,
) -> Condition {
    let mut cond = own;
    if let Some(all) = and {
        for f in all {
            cond = cond.add(each(f));
        }
    }
    if let Some(any) = or {
        let mut alternatives = Condition::any();
        for f in any {
            alternatives = alternatives.add(each(f));
        }
        // `or: []` matches nothing, as an empty disjunction should.
        if any.is_empty() {
            alternatives = alternatives.add(Expr::cust("1 = 0"));
        }
        cond = cond.add(alternatives);
    }
    if let Some(f) = not {
        let inner = each(f);
        // `not` is the complement of its filter: NOT COALESCE(filter, FALSE)
        // keeps the rows where the filter is NULL (an unknown area, no
        // operator), which plain NOT would drop. An empty filter matches
        // everything, so `not: {}` matches nothing.
        cond = cond.add(if inner.is_empty() {
            Expr::cust("1 = 0")
        } else {
            Expr::expr(Func::coalesce([Expr::from(inner), Expr::cust("FALSE")])).not()
        });
    }
    cond
}

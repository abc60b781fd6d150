//! Filter values written into the SQL text as literals.
//!
//! PostgreSQL plans a prepared statement for the values bound to it (a
//! "custom plan") until a plan made without them (the "generic plan") looks
//! no dearer, and a generic plan cannot see the values it filters by:
//!
//! - With `areaSqft: {gte: 100000}` bound, the generic plan assumes the
//!   filter keeps a third of the parks where it keeps four fifths, costs the
//!   same plan at twice the custom one, and so never wins: every run of Q3's
//!   page planned again, 0.3-0.5 ms of planning for 0.4 ms of execution.
//! - With a LIKE pattern bound, the generic plan used the default LIKE
//!   selectivity and guessed that `startsWith: "Indus"` keeps 2 of 500 cities
//!   where it keeps 76, and read every matching park for a page of 20.
//!
//! A value written into the text is seen by the planner, and a statement
//! with no bound values is planned once per connection and cached. Each
//! distinct filter becomes its own prepared statement (sqlx keeps the last
//! 100 per connection). sea-query quotes and escapes literals for each
//! backend. Cursor positions stay bound: they change with every page.

use sea_orm::sea_query::{BinOper, Expr, ExprTrait, LikeExpr, Value};

/// `value` as a literal in the SQL text. Text holding NUL stays bound
/// (PostgreSQL refuses it in text either way; the API refuses it earlier).
pub fn lit(value: impl Into<Value>) -> Expr {
    match value.into() {
        Value::String(Some(text)) if text.contains('\0') => Expr::val(text),
        value => Expr::Constant(value),
    }
}

/// `expr LIKE pattern ESCAPE '\'`, its pattern a literal (see the module
/// docs). Callers give folded text on both sides (see [`super::Text`]), so
/// that SQLite's LIKE, which ignores ASCII case, and PostgreSQL's, which
/// does not, match the same rows.
pub fn like(expr: Expr, pattern: &str) -> Expr {
    if pattern.contains('\0') {
        return expr.like(LikeExpr::new(pattern).escape('\\'));
    }
    let pattern = lit(pattern).binary(BinOper::Escape, lit('\\'));
    expr.binary(BinOper::Like, pattern)
}

/// Escapes LIKE's wildcards so user text matches literally.
pub fn escape_like(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use sea_orm::sea_query::{Alias, PostgresQueryBuilder, Query, SqliteQueryBuilder};

    fn names_like(pattern: &str) -> sea_orm::sea_query::SelectStatement {
        Query::select()
            .column(Alias::new("id"))
            .from(Alias::new("firm"))
            .and_where(like(Expr::col(Alias::new("name_folded")), pattern))
            .to_owned()
    }

    #[test]
    fn a_like_pattern_is_a_quoted_literal_on_both_backends() {
        let pattern = format!("{}%", escape_like("o'hara\\_"));

        let (sql, values) = names_like(&pattern).build(SqliteQueryBuilder);
        assert_eq!(
            sql,
            r#"SELECT "id" FROM "firm" WHERE "name_folded" LIKE 'o''hara\\\_%' ESCAPE '\'"#
        );
        assert!(values.0.is_empty(), "{values:?}");

        let (sql, values) = names_like(&pattern).build(PostgresQueryBuilder);
        assert_eq!(
            sql,
            r#"SELECT "id" FROM "firm" WHERE "name_folded" LIKE E'o\'hara\\\\\\_%' ESCAPE E'\\'"#
        );
        assert!(values.0.is_empty(), "{values:?}");
    }

    #[test]
    fn a_pattern_with_nul_stays_bound() {
        let (sql, values) = names_like("a\0%").build(PostgresQueryBuilder);
        assert_eq!(
            sql,
            r#"SELECT "id" FROM "firm" WHERE "name_folded" LIKE $1 ESCAPE E'\\'"#
        );
        assert_eq!(values.0.len(), 1);
    }
}

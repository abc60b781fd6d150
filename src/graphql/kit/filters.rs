//! The operator inputs every filter shares (`IntFilter`, `FloatFilter`,
//! `StringFilter`), sort direction, and their SQL conditions.

use async_graphql::{Enum, InputObject};
use sea_orm::sea_query::{Condition, Expr, ExprTrait};

use crate::store::filter::{Text, lit, not_in, null_check};

/// `expr IN (values)` for an enum filter, the stored names as literals.
pub fn one_of<E: async_graphql::resolver_utils::EnumType + Copy + PartialEq>(
    expr: Expr,
    values: &[E],
) -> Expr {
    expr.is_in(values.iter().map(|&v| lit(crate::graphql::enums::to_db(v))))
}

/// Comparisons on a whole-number field. All given operators must hold.
#[derive(InputObject, Clone, Debug, Default)]
pub struct IntFilter {
    /// Equal to.
    pub eq: Option<i64>,
    /// Not equal to (rows where the field is null do not match).
    pub ne: Option<i64>,
    /// Equal to one of these (at most 1,000 values).
    #[graphql(name = "in", validator(max_items = 1000))]
    pub in_: Option<Vec<i64>>,
    /// Equal to none of these (at most 1,000 values; rows where the field is
    /// null do not match).
    #[graphql(validator(max_items = 1000))]
    pub not_in: Option<Vec<i64>>,
    /// Greater than.
    pub gt: Option<i64>,
    /// Greater than or equal to.
    pub gte: Option<i64>,
    /// Less than.
    pub lt: Option<i64>,
    /// Less than or equal to.
    pub lte: Option<i64>,
    /// True: only rows where the field is unknown; false: only rows where it is known.
    pub is_null: Option<bool>,
}

/// Comparisons on a floating-point field. All given operators must hold.
#[derive(InputObject, Clone, Debug, Default)]
pub struct FloatFilter {
    /// Equal to.
    pub eq: Option<f64>,
    /// Not equal to (rows where the field is null do not match).
    pub ne: Option<f64>,
    /// Greater than.
    pub gt: Option<f64>,
    /// Greater than or equal to.
    pub gte: Option<f64>,
    /// Less than.
    pub lt: Option<f64>,
    /// Less than or equal to.
    pub lte: Option<f64>,
    /// True: only rows where the field is unknown; false: only rows where it is known.
    pub is_null: Option<bool>,
}

/// Refuses text with NUL characters, which PostgreSQL cannot store or compare
/// (SQLite can, so without this the backends would answer differently).
pub struct NoNul;

impl async_graphql::CustomValidator<String> for NoNul {
    fn check(&self, value: &String) -> Result<(), async_graphql::InputValueError<String>> {
        if value.contains('\0') {
            return Err(async_graphql::InputValueError::custom(
                "text must not contain NUL characters",
            ));
        }
        Ok(())
    }
}

/// String comparisons; `contains` and `startsWith` ignore case (in every
/// script, the same way on every database), the others are exact. All given
/// operators must hold.
#[derive(InputObject, Clone, Debug, Default)]
pub struct StringFilter {
    /// Exactly equal to.
    #[graphql(validator(custom = "NoNul"))]
    pub eq: Option<String>,
    /// Not exactly equal to (rows where the field is null do not match).
    #[graphql(validator(custom = "NoNul"))]
    pub ne: Option<String>,
    /// Exactly equal to one of these (at most 1,000 values).
    #[graphql(name = "in", validator(max_items = 1000, list, custom = "NoNul"))]
    pub in_: Option<Vec<String>>,
    /// Equal to none of these (at most 1,000 values; rows where the field is
    /// null do not match).
    #[graphql(validator(max_items = 1000, list, custom = "NoNul"))]
    pub not_in: Option<Vec<String>>,
    /// Contains this text, ignoring case (`"ö"` finds "Ölpark").
    #[graphql(validator(custom = "NoNul"))]
    pub contains: Option<String>,
    /// Starts with this text, ignoring case.
    #[graphql(validator(custom = "NoNul"))]
    pub starts_with: Option<String>,
    /// True: only rows where the field is unknown; false: only rows where it is known.
    pub is_null: Option<bool>,
}

/// Sort direction. Unknown (null) values come last either way.
#[derive(Enum, Copy, Clone, Debug, Default, PartialEq, Eq)]
pub enum SortDirection {
    /// Smallest first (A to Z, oldest first).
    #[default]
    Asc,
    /// Largest first (Z to A, newest first).
    Desc,
}

impl IntFilter {
    /// The SQL condition on `expr`.
    pub fn condition(&self, expr: Expr) -> Condition {
        let mut cond = Condition::all();
        let e = || expr.clone();
        cond = cond
            .add_option(self.eq.map(|v| e().eq(lit(v))))
            .add_option(self.ne.map(|v| e().ne(lit(v))))
            .add_option(
                self.in_
                    .as_ref()
                    .map(|v| e().is_in(v.iter().map(|&v| lit(v)))),
            )
            .add_option(self.not_in.as_ref().map(|v| not_in(e(), v.iter().copied())))
            .add_option(self.gt.map(|v| e().gt(lit(v))))
            .add_option(self.gte.map(|v| e().gte(lit(v))))
            .add_option(self.lt.map(|v| e().lt(lit(v))))
            .add_option(self.lte.map(|v| e().lte(lit(v))));
        null_check(cond, &expr, self.is_null)
    }
}

impl FloatFilter {
    /// The SQL condition on `expr`.
    pub fn condition(&self, expr: Expr) -> Condition {
        let e = || expr.clone();
        let cond = Condition::all()
            .add_option(self.eq.map(|v| e().eq(lit(v))))
            .add_option(self.ne.map(|v| e().ne(lit(v))))
            .add_option(self.gt.map(|v| e().gt(lit(v))))
            .add_option(self.gte.map(|v| e().gte(lit(v))))
            .add_option(self.lt.map(|v| e().lt(lit(v))))
            .add_option(self.lte.map(|v| e().lte(lit(v))));
        null_check(cond, &expr, self.is_null)
    }
}

impl StringFilter {
    /// The SQL condition on `text`: the exact operators on the column, the
    /// case-insensitive ones on its folded copy. The same SQL on both backends.
    pub fn condition(&self, text: &Text) -> Condition {
        let e = || text.exact.clone();
        let cond = Condition::all()
            .add_option(self.eq.clone().map(|v| e().eq(lit(v))))
            .add_option(self.ne.clone().map(|v| e().ne(lit(v))))
            .add_option(self.in_.clone().map(|v| e().is_in(v.into_iter().map(lit))))
            .add_option(self.not_in.clone().map(|v| not_in(e(), v)))
            .add_option(self.contains.as_deref().map(|v| text.contains(v)))
            .add_option(self.starts_with.as_deref().map(|v| text.starts_with(v)));
        null_check(cond, &text.exact, self.is_null)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sea_orm::sea_query::{Alias, PostgresQueryBuilder, Query, SqliteQueryBuilder};

    #[test]
    fn filter_values_are_literals_on_both_backends() {
        let area = IntFilter {
            gte: Some(100_000),
            in_: Some(vec![-9_223_372_036_854_775_808, 7]),
            ..Default::default()
        };
        let cost = FloatFilter {
            lt: Some(0.1),
            ..Default::default()
        };
        let name = StringFilter {
            eq: Some("O'Hara".into()),
            not_in: Some(vec![]),
            ..Default::default()
        };
        let select = Query::select()
            .column(Alias::new("id"))
            .from(Alias::new("park"))
            .cond_where(area.condition(Expr::col(Alias::new("area"))))
            .cond_where(cost.condition(Expr::col(Alias::new("cost"))))
            .cond_where(name.condition(&crate::store::filter::Text::folded(
                Expr::col(Alias::new("name")),
                Expr::col(Alias::new("name_folded")),
            )))
            .to_owned();
        for (sql, values) in [
            select.build(SqliteQueryBuilder),
            select.build(PostgresQueryBuilder),
        ] {
            assert!(values.0.is_empty(), "{sql} {values:?}");
            for part in [
                r#""area" >= 100000"#,
                r#""area" IN (-9223372036854775808, 7)"#,
                r#""cost" < 0.1"#,
                r#""name" IS NOT NULL"#,
            ] {
                assert!(sql.contains(part), "{part} not in {sql}");
            }
        }
        let (sql, _) = select.build(SqliteQueryBuilder);
        assert!(sql.contains(r#""name" = 'O''Hara'"#), "{sql}");
    }
}

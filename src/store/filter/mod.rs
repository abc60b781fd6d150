//! Operator inputs shared by every filter (`IntFilter`, `FloatFilter`,
//! `StringFilter`), sort direction, and their translation into SQL conditions.
//! Filters always become SQL; nothing is filtered in Rust after fetching.

use async_graphql::{Enum, InputObject};
use sea_orm::sea_query::{Condition, Expr, ExprTrait, Func};

mod literal;
mod text;

pub use literal::{escape_like, like, lit};
pub use text::Text;

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

/// `expr NOT IN (values)`; with no values, every known value (`IS NOT NULL`),
/// so NULLs never match either way.
fn not_in<V, I>(expr: Expr, values: I) -> Expr
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

fn null_check(cond: Condition, expr: &Expr, is_null: Option<bool>) -> Condition {
    match is_null {
        Some(true) => cond.add(expr.clone().is_null()),
        Some(false) => cond.add(expr.clone().is_not_null()),
        None => cond,
    }
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

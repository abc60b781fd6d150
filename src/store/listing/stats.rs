//! Aggregates over every row a filter matches (not just one page): counts,
//! sums, averages, extremes and GROUP BY buckets, at the root or per parent in
//! one statement.

use std::collections::HashMap;

use sea_orm::sea_query::{Alias, Expr, ExprTrait, NullOrdering, Order, SelectStatement};
use sea_orm::{DbErr, QueryResult};

use crate::store::Db;
use crate::store::table::in_list;

const PARENT: &str = "st_parent";
const KEY: &str = "st_key";
const LABEL: &str = "st_label";

/// An aggregate query: what to measure over which rows, optionally grouped.
#[derive(Clone, Debug, PartialEq)]
pub struct StatsSpec {
    /// `SELECT FROM ... WHERE filter`, with no columns yet.
    pub select: SelectStatement,
    /// Aggregate expressions (`COUNT(*)`, `SUM(park.area_sqft)`...).
    pub measures: Vec<Expr>,
    /// Group by this key, reported with this label.
    pub group: Option<(Expr, Expr)>,
}

/// One result row: the group (if grouped) and each measure in order.
#[derive(Clone, Debug, Default)]
pub struct StatRow {
    /// The group's key; None when not grouped or the key is NULL.
    pub key: Option<String>,
    /// The group's human-readable label.
    pub label: Option<String>,
    /// Each measure, as a float (NULL when no rows had a value).
    pub values: Vec<Option<f64>>,
}

impl StatRow {
    /// Measure `i` as a count (a missing count is zero).
    pub fn count(&self, i: usize) -> i64 {
        self.values.get(i).copied().flatten().unwrap_or(0.0) as i64
    }

    /// Measure `i` as an optional float.
    pub fn value(&self, i: usize) -> Option<f64> {
        self.values.get(i).copied().flatten()
    }
}

impl StatsSpec {
    fn statement(&self) -> SelectStatement {
        let mut select = self.select.clone();
        for (i, measure) in self.measures.iter().enumerate() {
            // One decode type on every backend: COUNT is BIGINT and SUM NUMERIC
            // on PostgreSQL.
            select.expr_as(
                measure.clone().cast_as(Alias::new("DOUBLE PRECISION")),
                Alias::new(format!("st_m{i}")),
            );
        }
        if let Some((key, label)) = &self.group {
            select
                .expr_as(key.clone(), Alias::new(KEY))
                .expr_as(label.clone(), Alias::new(LABEL))
                .add_group_by([key.clone(), label.clone()])
                // NULL keys (e.g. parks with no operator) last on every backend.
                .order_by_expr_with_nulls(key.clone(), Order::Asc, NullOrdering::Last);
        }
        select
    }

    fn decode(&self, row: &QueryResult) -> Result<StatRow, DbErr> {
        let mut values = Vec::with_capacity(self.measures.len());
        for i in 0..self.measures.len() {
            values.push(row.try_get::<Option<f64>>("", &format!("st_m{i}"))?);
        }
        let (key, label) = match self.group {
            Some(_) => (row.try_get("", KEY)?, row.try_get("", LABEL)?),
            None => (None, None),
        };
        Ok(StatRow { key, label, values })
    }

    /// Runs the aggregate over the whole filtered set.
    pub async fn fetch(&self, db: &Db) -> Result<Vec<StatRow>, DbErr> {
        let rows = db.select_all(&self.statement()).await?;
        rows.iter().map(|row| self.decode(row)).collect()
    }

    /// Runs the aggregate separately for each parent, in one statement.
    pub async fn fetch_for_parents(
        &self,
        db: &Db,
        parent: &Expr,
        parents: &[i32],
    ) -> Result<HashMap<i32, Vec<StatRow>>, DbErr> {
        let mut select = self.statement();
        select
            .and_where(parent.clone().is_in(in_list(parents)))
            .expr_as(parent.clone(), Alias::new(PARENT))
            .add_group_by([parent.clone()]);
        let rows = db.select_all(&select).await?;
        let mut out: HashMap<i32, Vec<StatRow>> = HashMap::new();
        for row in &rows {
            let parent: i32 = row.try_get("", PARENT)?;
            out.entry(parent).or_default().push(self.decode(row)?);
        }
        Ok(out)
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

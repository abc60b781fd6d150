use sea_orm::ConnectionTrait;
use sea_orm::sea_query::{
    Alias, Asterisk, Expr, ExprTrait, Func, IntoIden, Order, Query, SelectStatement, UnionType,
};

use crate::db::Db;
use crate::error::{AppError, AppResult};
use crate::filters::{escape_like, ilike};

// The searched tables and the GraphQL types their rows become.
const KINDS: [(&str, &str); 5] = [
    ("park", "Park"),
    ("firm", "Firm"),
    ("project", "Project"),
    ("city", "City"),
    ("organization", "Organization"),
];

/// `(GraphQL type, id)` of the best `first` matches for `text`, best first.
pub async fn search(db: &Db, text: &str, first: i32) -> AppResult<Vec<(String, i32)>> {
    let text = text.trim();
    if text.is_empty() {
        return Err(AppError::bad_input("text", "`text` must not be empty"));
    }
    if !(1..=crate::relay::MAX_PAGE_SIZE as i32).contains(&first) {
        return Err(AppError::bad_input(
            "first",
            format!(
                "`first` must be between 1 and {}",
                crate::relay::MAX_PAGE_SIZE
            ),
        ));
    }
    let lowered = text.to_lowercase();
    let escaped = escape_like(text);
    let mut branches = KINDS
        .iter()
        .map(|(table, type_name)| branch(table, type_name, &lowered, &escaped));
    let mut union = branches.next().expect("KINDS is not empty");
    for other in branches {
        union.union(UnionType::All, other);
    }
    let select = Query::select()
        .column(Asterisk)
        .from_subquery(union, Alias::new("hits"))
        .order_by(Alias::new("rank"), Order::Asc)
        .order_by(Alias::new("name"), Order::Asc)
        .order_by(Alias::new("kind"), Order::Asc)
        .order_by(Alias::new("id"), Order::Asc)
        .limit(first as u64)
        .to_owned();
    let rows = db.conn.query_all(&select).await?;
    rows.iter()
        .map(|row| Ok((row.try_get("", "kind")?, row.try_get("", "id")?)))
        .collect()
}

fn branch(table: &str, type_name: &str, lowered: &str, escaped: &str) -> SelectStatement {
    let table = Alias::new(table).into_iden();
    let name = Expr::col((table.clone(), Alias::new("name")));
    let lower_name = || Expr::expr(Func::lower(name.clone()));
    let rank = Expr::case(lower_name().eq(lowered), 0)
        .case(ilike(name.clone(), &format!("{escaped}%")), 1)
        .finally(2);
    Query::select()
        .expr_as(Expr::val(type_name), Alias::new("kind"))
        .expr_as(
            Expr::col((table.clone(), Alias::new("id"))),
            Alias::new("id"),
        )
        .expr_as(name.clone(), Alias::new("name"))
        .expr_as(rank, Alias::new("rank"))
        .from(table)
        .and_where(ilike(name, &format!("%{escaped}%")))
        .to_owned()
}

use sea_orm::DbBackend;
use sea_orm::sea_query::extension::sqlite::SqliteExpr;
use sea_orm::sea_query::{
    Alias, Asterisk, Expr, ExprTrait, IntoIden, Order, Query, SelectStatement, UnionType,
};

use crate::error::{AppError, AppResult};
use crate::store::Db;
use crate::store::filter::{escape_like, like};

// The searched tables and the GraphQL types their rows become.
const KINDS: [(&str, &str); 5] = [
    ("park", "Park"),
    ("firm", "Firm"),
    ("project", "Project"),
    ("city", "City"),
    ("organization", "Organization"),
];

// The trigram indexes (migration m20261128_000005) look texts up by their
// three-character pieces; a shorter text has none and reads every row.
const MIN_INDEXED_CHARS: usize = 3;

/// `(GraphQL type, id)` of the best `first` matches for `text`, best first.
pub async fn search(db: &Db, text: &str, first: i32) -> AppResult<Vec<(String, i32)>> {
    let text = text.trim();
    if text.is_empty() {
        return Err(AppError::bad_input("text", "`text` must not be empty"));
    }
    if !(1..=crate::store::listing::MAX_PAGE_SIZE as i32).contains(&first) {
        return Err(AppError::bad_input(
            "first",
            format!(
                "`first` must be between 1 and {}",
                crate::store::listing::MAX_PAGE_SIZE
            ),
        ));
    }
    let folded = entity::fold(text);
    let escaped = escape_like(&folded);
    // Both compare folded names with the folded text (see filters::Text).
    // PostgreSQL serves the LIKE below from its trigram index by itself;
    // SQLite has to be asked through the FTS5 table, which indexes the
    // folded names case-sensitively: given the same folded text, every name
    // the LIKE accepts is among its candidates.
    let phrase = (db.backend() == DbBackend::Sqlite && folded.chars().count() >= MIN_INDEXED_CHARS)
        .then(|| fts_phrase(&folded));
    let mut branches = KINDS.iter().map(|(table, type_name)| {
        let phrase = phrase.as_deref();
        branch(table, type_name, &folded, &escaped, phrase)
    });
    let mut union = branches.next().expect("KINDS is not empty");
    for other in branches {
        union.union(UnionType::All, other);
    }
    let select = Query::select()
        .column(Asterisk)
        .from_subquery(union, Alias::new("hits"))
        .order_by(Alias::new("rank"), Order::Asc)
        .order_by(Alias::new("name_folded"), Order::Asc)
        .order_by(Alias::new("kind"), Order::Asc)
        .order_by(Alias::new("id"), Order::Asc)
        .limit(first as u64)
        .to_owned();
    let rows = db.select_all(&select).await?;
    rows.iter()
        .map(|row| Ok((row.try_get("", "kind")?, row.try_get("", "id")?)))
        .collect()
}

fn branch(
    table_name: &str,
    type_name: &str,
    folded: &str,
    escaped: &str,
    phrase: Option<&str>,
) -> SelectStatement {
    let table = Alias::new(table_name).into_iden();
    let name = Expr::col((table.clone(), Alias::new("name_folded")));
    let rank = Expr::case(name.clone().eq(folded), 0)
        .case(like(name.clone(), &format!("{escaped}%")), 1)
        .finally(2);
    let mut select = Query::select();
    select
        .expr_as(Expr::val(type_name), Alias::new("kind"))
        .expr_as(
            Expr::col((table.clone(), Alias::new("id"))),
            Alias::new("id"),
        )
        .expr_as(name.clone(), Alias::new("name_folded"))
        .expr_as(rank, Alias::new("rank"))
        .from(table.clone())
        .and_where(like(name, &format!("%{escaped}%")));
    if let Some(phrase) = phrase {
        // FTS5 narrows the rows to candidates; the LIKE above stays the exact
        // test, so both backends match the same names.
        let search = Alias::new(format!("{table_name}_search")).into_iden();
        let candidates = Query::select()
            .column(Alias::new("rowid"))
            .from(search.clone())
            .and_where(Expr::col(search).matches(phrase))
            .to_owned();
        select.and_where(Expr::col((table, Alias::new("id"))).in_subquery(candidates));
    }
    select
}

/// `text` as one FTS5 phrase: a trigram table matches it as a substring, and
/// inside double quotes nothing but a doubled quote is syntax.
fn fts_phrase(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

use sea_orm::DbBackend;
use sea_orm::sea_query::extension::sqlite::SqliteExpr;
use sea_orm::sea_query::{
    Alias, Asterisk, Expr, ExprTrait, IntoIden, Order, Query, SelectStatement, UnionType,
};

use crate::error::{AppError, AppResult};
use crate::records::Kind;
use crate::store::Db;
use crate::store::filter::{escape_like, like};

// The trigram indexes (migration m20261128_000005) look texts up by their
// three-character pieces; a shorter text has none and reads every row.
const MIN_INDEXED_CHARS: usize = 3;

/// `(kind, id)` of the best `first` matches for `text` among the names of
/// records of `kinds` (which have a `name_folded` column), best first.
pub async fn search(
    db: &Db,
    kinds: &[Kind],
    text: &str,
    first: i32,
) -> AppResult<Vec<(Kind, i32)>> {
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
    let mut branches = kinds
        .iter()
        .map(|kind| branch(*kind, &folded, &escaped, phrase.as_deref()));
    let Some(mut union) = branches.next() else {
        return Ok(Vec::new());
    };
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
    let mut hits = Vec::with_capacity(rows.len());
    for row in &rows {
        let kind: String = row.try_get("", "kind")?;
        if let Some(kind) = Kind::from_type(&kind) {
            hits.push((kind, row.try_get("", "id")?));
        }
    }
    Ok(hits)
}

fn branch(kind: Kind, folded: &str, escaped: &str, phrase: Option<&str>) -> SelectStatement {
    let table_name = kind.table();
    let table = Alias::new(table_name).into_iden();
    let name = Expr::col((table.clone(), Alias::new("name_folded")));
    let rank = Expr::case(name.clone().eq(folded), 0)
        .case(like(name.clone(), &format!("{escaped}%")), 1)
        .finally(2);
    let mut select = Query::select();
    select
        .expr_as(Expr::val(kind.type_name()), Alias::new("kind"))
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

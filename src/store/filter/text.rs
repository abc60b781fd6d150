//! Case-insensitive matching that gives the same rows on SQLite and
//! PostgreSQL. The texts compared are folded in Rust (`entity::fold`): the
//! column's folded copy, kept on every write, and the client's text, folded
//! here. The databases then compare bytes, which both do alike; neither
//! LOWER() (ASCII-only on SQLite) nor a collation (a locale on PostgreSQL)
//! takes part.

use sea_orm::sea_query::{Condition, Expr, ExprTrait};

use super::literal::{escape_like, like, lit};

/// A text column as filters see it.
#[derive(Clone, Debug)]
pub struct Text {
    /// The column, for exact comparisons (`eq`, `in`...).
    pub exact: Expr,
    /// What case-insensitive operators compare with: the folded copy.
    folded: Expr,
    /// Whether `folded` compares byte by byte (SQLite's BINARY, PostgreSQL's
    /// "C"), so that a prefix is a range of it.
    bytewise: bool,
}

impl Text {
    /// A column with a folded copy beside it (`name` and `name_folded`).
    pub fn folded(exact: Expr, folded: Expr) -> Self {
        Self {
            exact,
            folded,
            bytewise: true,
        }
    }

    /// A column whose text is folded already, such as a slug (lower-case
    /// ASCII, checked on every write). It keeps the database's collation,
    /// so prefixes are matched with LIKE rather than as a range.
    pub fn plain(column: Expr) -> Self {
        Self {
            exact: column.clone(),
            folded: column,
            bytewise: false,
        }
    }

    /// Rows whose text contains `needle`, ignoring case.
    pub fn contains(&self, needle: &str) -> Expr {
        let needle = entity::fold(needle);
        like(self.folded.clone(), &format!("%{}%", escape_like(&needle)))
    }

    /// Rows whose text starts with `prefix`, ignoring case. On a folded copy,
    /// the range `[prefix, next)`: every text starting with `prefix`, and no
    /// other, sorts there by code point, and an index serves it on both
    /// backends.
    pub fn starts_with(&self, prefix: &str) -> Expr {
        let prefix = entity::fold(prefix);
        if !self.bytewise {
            return like(self.folded.clone(), &format!("{}%", escape_like(&prefix)));
        }
        let from = self.folded.clone().gte(lit(prefix.clone()));
        match next_after_prefixes(&prefix) {
            Some(to) => Condition::all()
                .add(from)
                .add(self.folded.clone().lt(lit(to)))
                .into(),
            None => from,
        }
    }
}

/// The least text greater than every text that starts with `prefix`: the
/// prefix with its last character replaced by the next one (dropping
/// characters that have none). None when there is no such text (an empty
/// prefix, or one of U+10FFFF alone).
fn next_after_prefixes(prefix: &str) -> Option<String> {
    let mut chars: Vec<char> = prefix.chars().collect();
    while let Some(last) = chars.pop() {
        let next = (last as u32 + 1..=char::MAX as u32).find_map(char::from_u32);
        if let Some(next) = next {
            chars.push(next);
            return Some(chars.into_iter().collect());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use sea_orm::sea_query::{Alias, PostgresQueryBuilder, Query, SqliteQueryBuilder};

    #[test]
    fn the_range_after_a_prefix_ends_at_its_last_character_plus_one() {
        assert_eq!(next_after_prefixes("ab").as_deref(), Some("ac"));
        assert_eq!(next_after_prefixes("ö").as_deref(), Some("÷"));
        assert_eq!(
            next_after_prefixes("a\u{D7FF}").as_deref(),
            Some("a\u{E000}")
        );
        assert_eq!(next_after_prefixes("a\u{10FFFF}").as_deref(), Some("b"));
        assert_eq!(next_after_prefixes("\u{10FFFF}"), None);
        assert_eq!(next_after_prefixes(""), None);
    }

    #[test]
    fn matching_writes_the_same_folded_literals_on_both_backends() {
        let name = Text::folded(
            Expr::col(Alias::new("name")),
            Expr::col(Alias::new("name_folded")),
        );
        let select = Query::select()
            .column(Alias::new("id"))
            .from(Alias::new("park"))
            .and_where(name.contains("Ö'_"))
            .and_where(name.starts_with("IT"))
            .to_owned();

        let (sqlite, values) = select.build(SqliteQueryBuilder);
        assert!(values.0.is_empty(), "{values:?}");
        assert_eq!(
            sqlite,
            r#"SELECT "id" FROM "park" WHERE "name_folded" LIKE '%ö''\_%' ESCAPE '\' AND ("name_folded" >= 'it' AND "name_folded" < 'iu')"#
        );
        let (postgres, _) = select.build(PostgresQueryBuilder);
        assert!(postgres.contains(r#""name_folded" >= 'it' AND "name_folded" < 'iu'"#));
        assert!(!postgres.to_lowercase().contains("lower("), "{postgres}");
    }
}

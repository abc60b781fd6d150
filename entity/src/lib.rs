//! sea-orm entities for parkgraph's tables. No API concerns here: the server
//! crate wraps these models in its own GraphQL types.
//!
//! Text that lists are sorted by and matched against (names, a firm's
//! sector, an indicator's key and period) has a folded copy beside it
//! (`name_folded`...): the same on SQLite and PostgreSQL, whatever either
//! database's collation or locale, because it is made here, in Rust, on
//! every write.

pub mod api_key;
pub mod change;
pub mod city;
pub mod city_coordinate;
pub mod firm;
pub mod idempotency_key;
pub mod indicator;
pub mod key_document;
pub mod milestone;
pub mod organization;
pub mod park;
pub mod park_claim;
pub mod programme;
pub mod programme_centre;
pub mod project;
pub mod project_claim;
pub mod project_partner;
pub mod source;
pub mod source_document;
pub mod stp_evidence;
pub mod tenancy;
pub mod tenancy_observation;

/// Text folded for sorting and case-insensitive matching: lower case by
/// Unicode's full mappings (`"Ölpark"` and `"ÖLPARK"` both give `"ölpark"`).
/// Compared byte by byte (SQLite's BINARY, PostgreSQL's `"C"` collation),
/// folded texts sort by code point.
pub fn fold(text: &str) -> String {
    text.to_lowercase()
}

/// A text column whose folded copy a model keeps.
pub trait Foldable: Sized {
    /// The folded copy of `self`.
    fn folded(&self) -> Self;
}

impl Foldable for String {
    fn folded(&self) -> Self {
        fold(self)
    }
}

impl Foldable for Option<String> {
    fn folded(&self) -> Self {
        self.as_deref().map(fold)
    }
}

/// Sets `folded` from `text` when `text` is being written.
pub fn fold_into<T>(text: &sea_orm::ActiveValue<T>, folded: &mut sea_orm::ActiveValue<T>)
where
    T: Foldable + Into<sea_orm::Value>,
{
    if let sea_orm::ActiveValue::Set(text) = text {
        *folded = sea_orm::ActiveValue::Set(text.folded());
    }
}

/// `keeps_folded!(name => name_folded)`: the model's `before_save` sets each
/// folded column from its text whenever the text is written. Bulk inserts,
/// which sea-orm runs without the hook, call it themselves.
macro_rules! keeps_folded {
    ($($text:ident => $folded:ident),+) => {
        #[sea_orm::prelude::async_trait::async_trait]
        impl ActiveModelBehavior for ActiveModel {
            async fn before_save<C>(mut self, _db: &C, _insert: bool) -> Result<Self, DbErr>
            where
                C: ConnectionTrait,
            {
                $(crate::fold_into(&self.$text, &mut self.$folded);)+
                Ok(self)
            }
        }
    };
}
pub(crate) use keeps_folded;

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn folding_lowers_every_script_not_just_ascii() {
        assert_eq!(fold("IT Park"), "it park");
        assert_eq!(fold("Ölpark"), "ölpark");
        assert_eq!(fold("ÇAY PARK"), "çay park");
        assert_eq!(fold("ΣΟΦΙΑ"), "σοφια");
        assert_eq!(fold("NED-1, Karachi"), "ned-1, karachi");
    }
}

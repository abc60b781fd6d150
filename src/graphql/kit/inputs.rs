//! The inputs of every list, declared per record: its filter
//! ([`entity_filter!`](crate::entity_filter), with `and`, `or` and `not`)
//! and its sort keys ([`entity_order!`](crate::entity_order)), built from
//! the operator inputs of [`filters`](super::filters).

/// `entity_filter! { /// docs  Name on table::Entity { /// docs  field: Type =>
/// |f| condition, ... } }`: a filter input over one table, with `and`,
/// `or` and `not` before the given fields; its `condition()` in SQL, and
/// `ids()`, the ids of the rows it matches (for relation filters).
#[macro_export]
macro_rules! entity_filter {
    (
        $(#[$meta:meta])*
        $name:ident on $entity:path {
            $($(#[$fmeta:meta])* $field:ident: $fty:ty => |$f:ident| $cond:expr),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(async_graphql::InputObject, Clone, Debug, Default)]
        pub struct $name {
            /// Every one of these filters must match.
            pub and: Option<Vec<$name>>,
            /// At least one of these filters must match.
            pub or: Option<Vec<$name>>,
            /// This filter must not match.
            pub not: Option<Box<$name>>,
            $($(#[$fmeta])* pub $field: Option<$fty>,)*
        }

        impl $name {
            /// The SQL condition on its table.
            pub fn condition(&self) -> sea_orm::sea_query::Condition {
                let own = sea_orm::sea_query::Condition::all()
                    $(.add_option(self.$field.as_ref().map(|$f| $cond)))*;
                $crate::store::filter::combine(
                    own,
                    self.and.as_deref(),
                    self.or.as_deref(),
                    self.not.as_deref(),
                    |f| f.condition(),
                )
            }

            /// `SELECT id FROM its table WHERE <this filter>`, for relation filters.
            // Not every filter is some relation's filter (source documents').
            #[allow(dead_code)]
            pub fn ids(&self) -> sea_orm::sea_query::SelectStatement {
                $crate::store::table::ids_where::<$entity>(self.condition())
            }
        }

        impl $crate::store::filter::Filter for $name {
            type Table = $entity;
            fn condition(&self) -> sea_orm::sea_query::Condition {
                $name::condition(self)
            }
        }
    };
}

/// `entity_order! { /// docs  Order by /// docs  Field { /// docs  Variant =>
/// required|optional Kind ("name", expr), ... } }`: the enum of what a list
/// sorts by, each variant with its SQL key (`OrderKey::required` or
/// `optional`, of `KeyKind::Kind`, named `name` in cursors), and the sort
/// key input (`field`, and `direction`, ascending by default).
#[macro_export]
macro_rules! entity_order {
    (
        $(#[$meta:meta])* $name:ident by
        $(#[$fmeta:meta])* $field:ident {
            $($(#[$vmeta:meta])* $variant:ident => $need:ident $kind:ident ($key:literal, $expr:expr)),+ $(,)?
        }
    ) => {
        $(#[$fmeta])*
        #[derive(async_graphql::Enum, Copy, Clone, Debug, PartialEq, Eq)]
        pub enum $field {
            $($(#[$vmeta])* $variant,)+
        }

        impl $field {
            /// The SQL sort key.
            pub fn key(self, desc: bool) -> $crate::store::listing::OrderKey {
                match self {
                    $(Self::$variant => $crate::store::listing::OrderKey::$need(
                        $key,
                        $expr,
                        $crate::store::listing::KeyKind::$kind,
                        desc,
                    ),)+
                }
            }
        }

        $(#[$meta])*
        #[derive(async_graphql::InputObject, Clone, Copy, Debug)]
        pub struct $name {
            /// What to sort by.
            pub field: $field,
            /// Which way (default ascending).
            #[graphql(default_with = "Some(crate::graphql::kit::filters::SortDirection::Asc)")]
            pub direction: Option<$crate::graphql::kit::filters::SortDirection>,
        }

        impl $crate::store::listing::SortKey for $name {
            fn key(&self) -> $crate::store::listing::OrderKey {
                let desc = self.direction == Some($crate::graphql::kit::filters::SortDirection::Desc);
                self.field.key(desc)
            }
        }
    };
}

//! The pieces every domain's GraphQL side repeats, written once: object
//! types with list fields and write stamps ([`object!`](crate::object)),
//! entity filters ([`entity_filter!`](crate::entity_filter)) and sort keys
//! ([`entity_order!`](crate::entity_order)). Each keeps the field order and
//! the descriptions of the schema exactly as a hand-written type would.

/// `object! { /// docs  impl Type { items } }`: `#[async_graphql::Object] impl
/// Type`, each item a resolver method as usual, or one of:
///
/// - `list fn name(&self, ctx, filter: F, order_by: O, args) -> Conn { body }`:
///   a connection field taking the filter, `orderBy` and the four paging
///   arguments, with their descriptions; `ctx` is the context and `args` the
///   paging arguments (`PageArgs`) in `body`, which returns `AppResult<Conn>`.
/// - `lookup fn name(&self, ctx, slug) -> T { body }`: a root lookup by
///   slug, with the argument's description; `body` returns
///   `AppResult<Option<T>>`.
/// - `stamp;`: the `version` and `updatedAt` of a record that keeps them.
#[macro_export]
macro_rules! object {
    ($(#[$meta:meta])* impl $ty:ident { $($items:tt)* }) => {
        $crate::object!(@items [$(#[$meta])*] $ty [] $($items)*);
    };
    (@items $metas:tt $ty:ident [$($done:tt)*]
        $(#[$attr:meta])*
        list fn $name:ident(
            &$this:ident, $ctx:ident, $filter:ident: $fty:ty, $order:ident: $oty:ty, $args:ident $(,)?
        ) -> $ret:ty $body:block
        $($rest:tt)*
    ) => {
        $crate::object!(@items $metas $ty [$($done)*
            $(#[$attr])*
            async fn $name(
                &$this,
                $ctx: &async_graphql::Context<'_>,
                #[graphql(desc = "Only records matching this filter.")] $filter: Option<$fty>,
                #[graphql(
                    desc = "Sort keys, most significant first; ties are broken by id. Default: by id."
                )]
                $order: Option<Vec<$oty>>,
                #[graphql(
                    desc = "At most this many records from the start, or after `after` (0 to 100; default 20)."
                )]
                first: Option<i32>,
                #[graphql(desc = "Only records after this cursor (from `endCursor` or an edge).")]
                after: Option<String>,
                #[graphql(
                    desc = "At most this many records from the end, or before `before` (0 to 100); not with `first`."
                )]
                last: Option<i32>,
                #[graphql(desc = "Only records before this cursor (from `startCursor` or an edge).")]
                before: Option<String>,
            ) -> async_graphql::Result<$ret> {
                let $args = $crate::store::listing::PageArgs::new(first, after, last, before);
                let result: $crate::error::AppResult<$ret> = $body;
                Ok(result?)
            }
        ] $($rest)*);
    };
    (@items $metas:tt $ty:ident [$($done:tt)*]
        $(#[$attr:meta])*
        lookup fn $name:ident(&$this:ident, $ctx:ident, $slug:ident $(,)?) -> $ret:ty $body:block
        $($rest:tt)*
    ) => {
        $crate::object!(@items $metas $ty [$($done)*
            $(#[$attr])*
            async fn $name(
                &$this,
                $ctx: &async_graphql::Context<'_>,
                #[graphql(
                    desc = "The record's slug, its stable public key (as in `slug` fields).",
                    validator(custom = "crate::graphql::kit::filters::NoNul")
                )]
                $slug: String,
            ) -> async_graphql::Result<Option<$ret>> {
                let result: $crate::error::AppResult<Option<$ret>> = $body;
                Ok(result?)
            }
        ] $($rest)*);
    };
    (@items $metas:tt $ty:ident [$($done:tt)*] stamp; $($rest:tt)*) => {
        $crate::object!(@items $metas $ty [$($done)*
            /// Bumped on every write; send it back with updates to avoid lost updates.
            async fn version(&self) -> i32 {
                self.0.version
            }

            /// When the record last changed (ISO-8601 UTC).
            async fn updated_at(&self) -> &str {
                &self.0.updated_at
            }
        ] $($rest)*);
    };
    (@items $metas:tt $ty:ident [$($done:tt)*]
        $(#[$attr:meta])* $vis:vis async fn $name:ident $params:tt -> $ret:ty $body:block
        $($rest:tt)*
    ) => {
        $crate::object!(@items $metas $ty [$($done)*
            $(#[$attr])* $vis async fn $name $params -> $ret $body
        ] $($rest)*);
    };
    (@items [$($meta:tt)*] $ty:ident [$($done:tt)*]) => {
        $($meta)*
        #[async_graphql::Object]
        impl $ty {
            $($done)*
        }
    };
}

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
            pub fn ids(&self) -> sea_orm::sea_query::SelectStatement {
                $crate::store::table::ids_where::<$entity>(self.condition())
            }
        }

        impl $crate::store::filter::Filter for $name {
            fn condition(&self) -> sea_orm::sea_query::Condition {
                $name::condition(self)
            }
        }
    };
}

/// `entity_order! { /// docs  Name by Field }`: one sort key input
/// (`field`, and `direction`, ascending by default); `Field::key(field,
/// desc)` gives its SQL key.
#[macro_export]
macro_rules! entity_order {
    ($(#[$meta:meta])* $name:ident by $field:ident) => {
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

/// `aggregate! { /// docs  Aggregate, Numbers ("park", "parks") { /// docs
/// field, ... } }`: the count, sum, average, minimum and maximum of some
/// numeric fields over every row a filter matches, read from a statistics
/// row of `summary_measures` over the same fields in the same order.
#[macro_export]
macro_rules! aggregate {
    (
        $(#[$meta:meta])*
        $aggregate:ident, $numbers:ident ($one:literal, $many:literal) {
            $($(#[$fmeta:meta])* $field:ident),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(async_graphql::SimpleObject, Clone, Debug)]
        pub struct $aggregate {
            #[doc = concat!("How many ", $many, " match.")]
            pub count: i64,
            #[doc = concat!("Sums (null when no ", $one, " has a value).")]
            pub sum: $numbers,
            #[doc = concat!("Averages over the ", $many, " that have a value.")]
            pub avg: $numbers,
            /// Smallest values.
            pub min: $numbers,
            /// Largest values.
            pub max: $numbers,
        }

        #[doc = concat!("One figure for each numeric ", $one, " field.")]
        #[derive(async_graphql::SimpleObject, Clone, Debug)]
        pub struct $numbers {
            $($(#[$fmeta])* pub $field: Option<f64>,)+
        }

        impl From<$crate::store::listing::StatRow> for $aggregate {
            fn from(row: $crate::store::listing::StatRow) -> Self {
                let numbers = |op| {
                    let mut field = 0;
                    $numbers {
                        $($field: {
                            field += 1;
                            $crate::store::listing::summary(&row, field - 1, op)
                        },)+
                    }
                };
                Self {
                    count: row.count(0),
                    sum: numbers(0),
                    avg: numbers(1),
                    min: numbers(2),
                    max: numbers(3),
                }
            }
        }
    };
}

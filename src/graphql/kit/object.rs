//! [`object!`](crate::object): a GraphQL object type whose fields are
//! declared by what they show (a column, an enum, a related record, a list)
//! rather than written out, with the field order and descriptions of the
//! schema kept exactly as written.

/// A stored value as a field shows it: text by reference, numbers and flags
/// by value.
pub trait Shown<'a, T> {
    /// The value to show.
    fn shown(&'a self) -> T;
}

impl<'a> Shown<'a, &'a str> for String {
    fn shown(&'a self) -> &'a str {
        self
    }
}

impl<'a> Shown<'a, Option<&'a str>> for Option<String> {
    fn shown(&'a self) -> Option<&'a str> {
        self.as_deref()
    }
}

impl<T: Copy> Shown<'_, T> for T {
    fn shown(&self) -> T {
        *self
    }
}

/// `object! { /// docs  impl Type { items } }`: `#[async_graphql::Object] impl
/// Type` over a wrapped model (`Type(pub Model)`). Each item has its own
/// `///` docs and is a resolver method as usual, or one of:
///
/// - `node "Type";`: the Relay `id`.
/// - `field name: T;`: the model's `name`, shown as `T` (see [`Shown`]).
/// - `enum name: E;`: the model's `name`, stored as text, as the enum `E`.
/// - `ref name: T from column in table::Entity;`: the `T` the model's
///   `column` refers to (`ref name: Option<T> ...` when it may be null).
/// - `children name: Vec<T> of Key;`: the rows the `ChildOf` key `Key`
///   finds for this record, each as a `T`.
/// - `list fn name(&self, ctx, filter: F, order_by: O, args) -> Conn { body }`:
///   a connection field taking the filter, `orderBy` and the four paging
///   arguments, with their descriptions; `ctx` is the context and `args` the
///   paging arguments (`PageArgs`) in `body`, which returns `AppResult<Conn>`.
///   More arguments follow `args` as `, name: T = "description"`.
/// - `lookup fn name(&self, ctx, slug) -> T { body }`: a root lookup by
///   slug, with the argument's description; `body` returns
///   `AppResult<Option<T>>`.
/// - `write fn ...;` and `delete fn ...;`: a mutation (see
///   [`mutation_item!`](crate::mutation_item)).
/// - `page in path::to::documents;`: `sourceUrl`, `source` and `quote` of a
///   record that names its page by URL (claims, sightings, STP evidence).
/// - `stamp;`: the `version` and `updatedAt` of a record that keeps them.
#[macro_export]
macro_rules! object {
    ($(#[$meta:meta])* impl $ty:ident { $($items:tt)* }) => {
        $crate::object!(@items [$(#[$meta])*] $ty [] $($items)*);
    };
    (@items $metas:tt $ty:ident [$($done:tt)*] node $name:literal; $($rest:tt)*) => {
        $crate::object!(@items $metas $ty [$($done)*
            /// Opaque global ID (Relay `Node`).
            pub async fn id(&self) -> async_graphql::ID {
                $crate::graphql::node::global_id($name, self.0.id)
            }
        ] $($rest)*);
    };
    (@items $metas:tt $ty:ident [$($done:tt)*]
        $(#[$attr:meta])* field $name:ident: $t:ty; $($rest:tt)*
    ) => {
        $crate::object!(@items $metas $ty [$($done)*
            $(#[$attr])*
            async fn $name(&self) -> $t {
                $crate::graphql::kit::object::Shown::shown(&self.0.$name)
            }
        ] $($rest)*);
    };
    (@items $metas:tt $ty:ident [$($done:tt)*]
        page in $($docs:ident)::+; $($rest:tt)*
    ) => {
        $crate::object!(@items $metas $ty [$($done)*
            /// The page it comes from (the URL of its `source`).
            async fn source_url(&self) -> &str {
                &self.0.source_url
            }

            /// That page: its publisher, kind and own publication date.
            async fn source(
                &self,
                ctx: &async_graphql::Context<'_>,
            ) -> async_graphql::Result<$($docs)::+::SourceDocument> {
                $($docs)::+::document(ctx, &self.0.source_url).await
            }

            /// The page's words for it, short (a translation says so); null if none was kept.
            async fn quote(&self) -> Option<&str> {
                self.0.quote.as_deref()
            }
        ] $($rest)*);
    };
    (@items $metas:tt $ty:ident [$($done:tt)*]
        $(#[$attr:meta])* enum $name:ident: $t:ty; $($rest:tt)*
    ) => {
        $crate::object!(@items $metas $ty [$($done)*
            $(#[$attr])*
            async fn $name(&self) -> async_graphql::Result<$t> {
                Ok($crate::graphql::enums::from_db(&self.0.$name)?)
            }
        ] $($rest)*);
    };
    (@items $metas:tt $ty:ident [$($done:tt)*]
        $(#[$attr:meta])* ref $name:ident: Option<$t:ident> from $column:ident in $table:path;
        $($rest:tt)*
    ) => {
        $crate::object!(@items $metas $ty [$($done)*
            $(#[$attr])*
            async fn $name(
                &self,
                ctx: &async_graphql::Context<'_>,
            ) -> async_graphql::Result<Option<$t>> {
                let Some(id) = self.0.$column else {
                    return Ok(None);
                };
                Ok($crate::graphql::kit::loader::by_id::<$table>(ctx, id).await?.map($t))
            }
        ] $($rest)*);
    };
    (@items $metas:tt $ty:ident [$($done:tt)*]
        $(#[$attr:meta])* ref $name:ident: $t:ident from $column:ident in $table:path;
        $($rest:tt)*
    ) => {
        $crate::object!(@items $metas $ty [$($done)*
            $(#[$attr])*
            async fn $name(&self, ctx: &async_graphql::Context<'_>) -> async_graphql::Result<$t> {
                let id = self.0.$column;
                Ok($t($crate::graphql::kit::loader::required::<$table>(ctx, id).await?))
            }
        ] $($rest)*);
    };
    (@items $metas:tt $ty:ident [$($done:tt)*]
        $(#[$attr:meta])* children $name:ident: Vec<$t:ident> of $key:ty; $($rest:tt)*
    ) => {
        $crate::object!(@items $metas $ty [$($done)*
            $(#[$attr])*
            async fn $name(
                &self,
                ctx: &async_graphql::Context<'_>,
            ) -> async_graphql::Result<Vec<$t>> {
                let rows = $crate::graphql::kit::loader::children::<$key>(ctx, self.0.id).await?;
                Ok(rows.into_iter().map($t).collect())
            }
        ] $($rest)*);
    };
    (@items $metas:tt $ty:ident [$($done:tt)*]
        $(#[$attr:meta])*
        list fn $name:ident(
            &$this:ident, $ctx:ident, $filter:ident: $fty:ty, $order:ident: $oty:ty, $args:ident
            $(, $extra:ident: $ety:ty = $edesc:literal)*
        ) -> $ret:ty $body:block
        $($rest:tt)*
    ) => {
        $crate::object!(@items $metas $ty [$($done)*
            $(#[$attr])*
            // The arguments are the field's, as GraphQL clients send them.
            #[allow(clippy::too_many_arguments)]
            async fn $name(
                &$this,
                $ctx: &async_graphql::Context<'_>,
                #[graphql(desc = "Only records matching this filter.")] $filter: Option<$fty>,
                #[graphql(
                    desc = "Sort keys, most significant first; ties are broken by id. Default: by id."
                )]
                $order: Option<Vec<$oty>>,
                $(#[graphql(desc = $edesc)] $extra: $ety,)*
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
    (@items $metas:tt $ty:ident $done:tt $(#[$attr:meta])* write fn $($rest:tt)*) => {
        $crate::mutation_item!(@write [$metas $ty $done] $(#[$attr])* $($rest)*);
    };
    (@items $metas:tt $ty:ident $done:tt $(#[$attr:meta])* delete fn $($rest:tt)*) => {
        $crate::mutation_item!(@delete [$metas $ty $done] $(#[$attr])* $($rest)*);
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

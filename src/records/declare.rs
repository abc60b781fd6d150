//! [`record!`](crate::record): a record declared as one list of its file's
//! columns, from which its header, its fields, its references and the
//! reading of its rows all follow, so the four cannot disagree.

use super::{Keys, Kind, Row};

/// A reference column of a model: `i32` when the reference is required,
/// `Option<i32>` when it may be empty.
pub trait RefId: Sized {
    /// Whether an empty cell is a problem.
    const REQUIRED: bool;
    /// The id referred to, if any.
    fn id(&self) -> Option<i32>;
    /// The column's value for a read id (0 where a required reference
    /// failed; its problem is recorded).
    fn from_read(id: Option<i32>) -> Self;
}

impl RefId for i32 {
    const REQUIRED: bool = true;
    fn id(&self) -> Option<i32> {
        Some(*self)
    }
    fn from_read(id: Option<i32>) -> Self {
        id.unwrap_or_default()
    }
}

impl RefId for Option<i32> {
    const REQUIRED: bool = false;
    fn id(&self) -> Option<i32> {
        *self
    }
    fn from_read(id: Option<i32>) -> Self {
        id
    }
}

/// The id in `column` of `row`: a `kind` key resolved through `keys`.
pub fn read_ref<T: RefId>(row: &Row<'_>, column: &str, keys: &Keys, kind: Kind) -> T {
    T::from_read(row.reference(column, keys, kind, T::REQUIRED))
}

/// A cell that holds a public key: required (`String`) or optional
/// (`Option<String>`, where none is no reference).
pub trait KeyCell {
    /// The key, when there is one to check.
    fn key(&self) -> Option<&str>;
}

impl KeyCell for String {
    fn key(&self) -> Option<&str> {
        Some(self)
    }
}

impl KeyCell for Option<String> {
    fn key(&self) -> Option<&str> {
        self.as_deref()
    }
}

/// Checks that `key`, read from `column` of `row`, is the key of a `kind`
/// row (known through `keys`: in the data, or in the same import); an
/// optional key may be absent.
pub fn check_key(row: &Row<'_>, column: &str, key: &impl KeyCell, keys: &Keys, kind: Kind) {
    let Some(key) = key.key() else { return };
    if key.is_empty() {
        row.fail(column, "must not be empty");
    } else if keys.id(kind, key).is_none() {
        let (name, file) = (kind.type_name(), kind.file());
        row.fail(column, format!("unknown {name} {key:?} (add it to {file})"));
    }
}

/// Text and its folded copy (see `entity::fold`), kept for sorting and
/// matching.
pub trait Folded {
    /// The folded copy.
    fn folded(&self) -> Self;
}

impl Folded for String {
    fn folded(&self) -> Self {
        entity::fold(self)
    }
}

impl Folded for Option<String> {
    fn folded(&self) -> Self {
        self.as_deref().map(entity::fold)
    }
}

/// `record! { Model in Entity as "park" from "parks.csv", key [slug] (, flag)*;
/// column, ... }`: `impl Record` (and with `slugged`, `impl Slugged`) for a
/// model with `version` and `updated_at`. Flags: `referable`, `slugged`
/// (whose rows are found by slug), `key_tail_optional` (empty parts at the
/// key's end are left out); a record without a slug says how its
/// rows are found by key with `near Variant(args)` after its key (see `Near`).
/// Each column of the file, in the file's order, ends with a comma and is
/// one of:
///
/// - `name: reader(args) => folded_copy`: the model field of that name,
///   read by `Row::reader(column, args)`; `(args)` and `=> folded_copy`
///   (a field kept folded, see [`Folded`]) are optional.
/// - `city_slug -> city_id: City`: a reference by public key, held in
///   `city_id` (`i32` required, `Option<i32>` optional; see [`RefId`]).
/// - `source_url: url key of SourceDocument`: a required reference held as
///   the public key itself, read by `Row::url`, which must name a row of
///   that kind.
///
/// After the columns, `check |row| { ... }` may add checks on the row.
// The accumulated pieces name the row, the keys, the refs and `self`
// through tokens made once, by the first rule, and passed along: a later
// expansion's own `self` or `r` would not be the same variable (hygiene).
#[macro_export]
macro_rules! record {
    (
        $model:ident in $table:ident as $type:literal from $file:literal,
        key [$($key:ident),+] $(near $near:ident($($narg:expr),*))? $(, $flag:ident)* ;
        $($columns:tt)*
    ) => {
        $crate::record!(@column [$model $table $type $file [$($key)+] [$($flag)*]
            [$($crate::records::Near::$near($($narg),*))?]]
            [r keys refs self] [] [] [] [] [] $($columns)*);
    };
    (@column $head:tt [$r:ident $keys:ident $refs:ident $this:tt]
        [$($h:tt)*] [$($v:tt)*] [$($read:tt)*] [$($init:tt)*] [$($rf:tt)*]
        $header:ident -> $field:ident : $kind:ident, $($rest:tt)*
    ) => {
        $crate::record!(@column $head [$r $keys $refs $this]
            [$($h)* $header]
            [$($v)* (
                stringify!($header),
                $crate::records::reference(
                    $refs,
                    $crate::records::Kind::$kind,
                    $crate::records::RefId::id(&$this.$field),
                ),
            )]
            [$($read)* let $field = $crate::records::read_ref(
                $r, stringify!($header), $keys, $crate::records::Kind::$kind,
            );]
            [$($init)* $field]
            [$($rf)* ($header $kind $crate::records::RefId::id(&$this.$field))]
            $($rest)*);
    };
    (@column $head:tt [$r:ident $keys:ident $refs:ident $this:tt]
        [$($h:tt)*] [$($v:tt)*] [$($read:tt)*] [$($init:tt)*] [$($rf:tt)*]
        $field:ident : $reader:ident key of $kind:ident, $($rest:tt)*
    ) => {
        $crate::record!(@column $head [$r $keys $refs $this]
            [$($h)* $field]
            [$($v)* (stringify!($field), serde_json::Value::from($this.$field.clone()))]
            [$($read)*
                let $field = $r.$reader(stringify!($field));
                $crate::records::check_key(
                    $r, stringify!($field), &$field, $keys, $crate::records::Kind::$kind,
                );]
            [$($init)* $field]
            [$($rf)* ($field $kind None::<i32>)]
            $($rest)*);
    };
    (@column $head:tt [$r:ident $keys:ident $refs:ident $this:tt]
        [$($h:tt)*] [$($v:tt)*] [$($read:tt)*] [$($init:tt)*] $rf:tt
        $field:ident : $reader:ident $(($($arg:expr),*))? $(=> $folded:ident)?, $($rest:tt)*
    ) => {
        $crate::record!(@column $head [$r $keys $refs $this]
            [$($h)* $field]
            [$($v)* (stringify!($field), serde_json::Value::from($this.$field.clone()))]
            [$($read)*
                let $field = $r.$reader(stringify!($field) $($(, $arg)*)?);
                $(let $folded = $crate::records::Folded::folded(&$field);)?]
            [$($init)* $field $($folded)?]
            $rf
            $($rest)*);
    };
    (@column [$model:ident $table:ident $type:literal $file:literal [$($key:ident)+] [$($flag:ident)*]
            [$($near:expr)?]]
        [$r:ident $keys:ident $refs:ident $this:tt]
        [$($h:ident)*] [$($v:tt)*] [$($read:tt)*] [$($init:ident)*]
        [$(($rh:ident $rk:ident $rid:expr))*]
        $(check |$row:ident| $check:block)?
    ) => {
        impl $crate::records::Record for $model {
            type Table = $table;
            const TYPE: &'static str = $type;
            const FILE: &'static str = $file;
            const HEADERS: &'static [&'static str] = &[$(stringify!($h)),*];
            const KEY: &'static [&'static str] = &[$(stringify!($key)),+];
            const EMBEDDED: &'static str =
                include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/", $file));
            $(const NEAR: $crate::records::Near = $near;)?
            const REFS: &'static [(&'static str, $crate::records::Kind)] =
                &[$((stringify!($rh), $crate::records::Kind::$rk)),*];
            $($crate::record!(@flag $flag);)*

            $crate::versioned!();

            fn fields(&$this, $refs: &$crate::records::Refs) -> $crate::records::Fields {
                let _ = $refs;
                $crate::records::fields(vec![$($v),*])
            }

            fn references(&$this) -> Vec<($crate::records::Kind, i32)> {
                let all: Vec<($crate::records::Kind, Option<i32>)> =
                    vec![$(($crate::records::Kind::$rk, $rid)),*];
                all.into_iter().filter_map(|(kind, id)| Some((kind, id?))).collect()
            }

            // Columns not in the file (derived ones) start empty.
            #[allow(clippy::needless_update)]
            fn from_row(
                $r: &$crate::records::Row<'_>,
                $keys: &$crate::records::Keys,
                id: i32,
                now: &str,
            ) -> Self {
                let _ = $keys;
                $($read)*
                $((|$row: &$crate::records::Row<'_>| $check)($r);)?
                Self { id, $($init,)* version: 1, updated_at: now.to_owned(), ..Default::default() }
            }
        }

        $($crate::record!(@outer $model $flag);)*
    };
    (@flag referable) => {
        const REFERABLE: bool = true;
    };
    (@flag key_tail_optional) => {
        const KEY_TAIL_OPTIONAL: bool = true;
    };
    (@flag slugged) => {
        const NEAR: $crate::records::Near = $crate::records::Near::First("slug");
        $crate::slugged!();
    };
    (@outer $model:ident referable) => {};
    (@outer $model:ident key_tail_optional) => {};
    (@outer $model:ident slugged) => {
        impl $crate::records::Slugged for $model {
            const SLUG: Column = Column::Slug;
            fn slug(&self) -> &str {
                &self.slug
            }
        }
    };
}

//! Validating `first`/`after`/`last`/`before` and the opaque cursors they carry.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::Value;

use super::keyset::{KeyKind, OrderKey};
use crate::error::{AppError, AppResult};

/// Page size when neither `first` nor `last` is given.
pub const DEFAULT_PAGE_SIZE: u64 = 20;
/// The largest `first` or `last` a client may ask for.
pub const MAX_PAGE_SIZE: u64 = 100;

/// The pagination arguments as the client sent them.
#[derive(Clone, Debug, Default)]
pub struct PageArgs {
    /// Rows after the cursor `after`, at most this many.
    pub first: Option<i32>,
    /// Only rows after this cursor.
    pub after: Option<String>,
    /// Rows before the cursor `before`, at most this many (counted back from the end).
    pub last: Option<i32>,
    /// Only rows before this cursor.
    pub before: Option<String>,
}

impl PageArgs {
    /// Builds the arguments from a resolver's four optional inputs.
    pub fn new(
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> Self {
        Self {
            first,
            after,
            last,
            before,
        }
    }
}

/// Validated pagination: how many rows, in which direction, between which cursors.
#[derive(Clone, Debug, PartialEq)]
pub struct PageRequest {
    /// Rows to return; one more is fetched to learn whether more exist.
    pub limit: u64,
    /// True for `last`: read the order backwards from the end (or from `before`).
    pub backward: bool,
    /// Sort-key values of the `after` cursor.
    pub after: Option<Vec<Value>>,
    /// Sort-key values of the `before` cursor.
    pub before: Option<Vec<Value>>,
}

impl PageArgs {
    /// Checks sizes and decodes cursors against the order in force; every
    /// problem is a `BAD_USER_INPUT` naming the argument.
    /// `list` names the list the cursors belong to (`park`, `tenancy`...).
    pub fn validate(&self, list: &str, keys: &[OrderKey]) -> AppResult<PageRequest> {
        let size = |name: &str, value: i32| -> AppResult<u64> {
            if value < 0 || value as u64 > MAX_PAGE_SIZE {
                return Err(AppError::bad_input(
                    name,
                    format!("`{name}` must be between 0 and {MAX_PAGE_SIZE}, got {value}"),
                ));
            }
            Ok(value as u64)
        };
        let (limit, backward) = match (self.first, self.last) {
            (Some(_), Some(_)) => {
                return Err(AppError::bad_input(
                    "last",
                    "pass `first` or `last`, not both",
                ));
            }
            (Some(first), None) => (size("first", first)?, false),
            (None, Some(last)) => (size("last", last)?, true),
            (None, None) => (DEFAULT_PAGE_SIZE, false),
        };
        Ok(PageRequest {
            limit,
            backward,
            after: self
                .after
                .as_deref()
                .map(|c| decode_cursor("after", c, list, keys))
                .transpose()?,
            before: self
                .before
                .as_deref()
                .map(|c| decode_cursor("before", c, list, keys))
                .transpose()?,
        })
    }
}

/// A name for a list and its order, stored in cursors so that a cursor made
/// for another list or under another `orderBy` is refused instead of silently
/// skipping rows.
pub fn order_signature(list: &str, keys: &[OrderKey]) -> String {
    let order: Vec<String> = keys
        .iter()
        .map(|k| format!("{}{}", if k.desc { "-" } else { "" }, k.name))
        .collect();
    format!("{list}:{}", order.join(","))
}

/// A row's sort-key values: its position in a list, encoded into an opaque
/// cursor only when a client asks for one (most pages are read without).
#[derive(Clone, Debug)]
pub struct Cursor {
    /// The list and order it belongs to (`order_signature`), shared by a page.
    pub signature: std::sync::Arc<str>,
    /// The row's sort-key values, in key order.
    pub values: Vec<Value>,
}

impl Cursor {
    /// The opaque text clients pass back as `after` or `before`.
    pub fn encode(&self) -> String {
        let body = serde_json::json!({ "o": &*self.signature, "v": self.values });
        URL_SAFE_NO_PAD.encode(body.to_string())
    }
}

fn decode_cursor(arg: &str, cursor: &str, list: &str, keys: &[OrderKey]) -> AppResult<Vec<Value>> {
    let bad = |why: &str| AppError::bad_input(arg, format!("`{arg}` is not a valid cursor: {why}"));
    let bytes = URL_SAFE_NO_PAD
        .decode(cursor.trim_end_matches('='))
        .map_err(|_| bad("not a cursor this API issued"))?;
    let body: Value =
        serde_json::from_slice(&bytes).map_err(|_| bad("not a cursor this API issued"))?;
    if body.get("o").and_then(Value::as_str) != Some(order_signature(list, keys).as_str()) {
        return Err(bad("it was issued for another list or orderBy"));
    }
    let values = body
        .get("v")
        .and_then(Value::as_array)
        .ok_or_else(|| bad("not a cursor this API issued"))?;
    if values.len() != keys.len() {
        return Err(bad("not a cursor this API issued"));
    }
    for (key, value) in keys.iter().zip(values) {
        let fits = match (key.kind, value) {
            (_, Value::Null) => key.nullable,
            (KeyKind::Int, v) => v.is_i64(),
            (KeyKind::Float, v) => v.is_number(),
            // PostgreSQL refuses NUL in text; no stored value has one.
            (KeyKind::Text, v) => v.as_str().is_some_and(|s| !s.contains('\0')),
        };
        if !fits {
            return Err(bad("its values do not match the order"));
        }
    }
    Ok(values.clone())
}

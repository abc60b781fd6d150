//! The key a kept answer is found by: the document, operation and variables
//! of a public query, the caller's visibility, and the day.

use async_graphql::Request;
use sha2::Digest as _;

use crate::auth::{Caller, Credentials, KeyScope};

/// Who may be served a kept answer. Reads need no key and see the same data
/// with one; a key with more than `read` scope is not served from the cache
/// (its reads may be within a write's document).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Visibility {
    /// No key.
    Anonymous,
    /// A key with the `read` scope.
    ReadKey,
}

/// The key of `request` (resolved and admitted) when its answer may be
/// kept: a query, from a caller without a key or with a `read` key.
pub fn key_of(request: &mut Request) -> Option<[u8; 32]> {
    use crate::graphql::mutations::data_of;
    use async_graphql::parser::types::OperationType;
    let visibility = match (data_of::<Credentials>(request), data_of::<Caller>(request)) {
        (None | Some(Credentials(None)), _) => Visibility::Anonymous,
        (_, Some(Caller(actor))) if actor.scope == KeyScope::Read => Visibility::ReadKey,
        _ => return None,
    };
    let name = request.operation_name.clone();
    let document = request.parsed_query().ok()?;
    let operation = crate::graphql::response_order::operation(document, name.as_deref())?;
    if operation.node.ty != OperationType::Query {
        return None;
    }
    let day = time::OffsetDateTime::now_utc().date();
    Some(key(request, visibility, day))
}

/// The key of `request` (resolved and admitted) for a caller who sees
/// `visibility`, on `day`.
pub fn key(request: &Request, visibility: Visibility, day: time::Date) -> [u8; 32] {
    let mut hash = sha2::Sha256::new();
    let variables = serde_json::to_vec(&request.variables).unwrap_or_default();
    let operation = request.operation_name.as_deref().unwrap_or("");
    // Each part's length first, so that no two requests run together alike.
    let visibility = [visibility as u8];
    let day = day.to_string();
    for part in [
        &visibility[..],
        day.as_bytes(),
        operation.as_bytes(),
        request.query.as_bytes(),
        &variables,
    ] {
        hash.update((part.len() as u64).to_le_bytes());
        hash.update(part);
    }
    hash.finalize().into()
}

#[cfg(test)]
mod tests {
    use async_graphql::Variables;

    use super::*;

    #[test]
    fn requests_that_differ_in_any_part_have_different_keys() {
        let day = time::Date::from_calendar_date(2026, time::Month::December, 7).unwrap();
        let request = || Request::new("query Q($n: Int) { parks(first: $n) { totalCount } }");
        let base = key(&request(), Visibility::Anonymous, day);
        assert_eq!(base, key(&request(), Visibility::Anonymous, day));
        let variables = Variables::from_json(serde_json::json!({ "n": 2 }));
        let others = [
            key(&request(), Visibility::ReadKey, day),
            key(&request(), Visibility::Anonymous, day.next_day().unwrap()),
            key(&request().operation_name("Q"), Visibility::Anonymous, day),
            key(&request().variables(variables), Visibility::Anonymous, day),
            key(
                &Request::new("{ parks { totalCount } }"),
                Visibility::Anonymous,
                day,
            ),
        ];
        for other in others {
            assert_ne!(base, other);
        }
    }
}

//! Puts each object of a response in the order its query selected the
//! fields. async-graphql 7.2 resolves an object's fields concurrently and
//! inserts each as it completes (`FuturesUnordered` in its container
//! resolver), so the order changed from one request to the next: against the
//! spec, confusing in GraphiQL, and an ETag that changed with no data change.

use async_graphql::Name;
use async_graphql::Value;
use async_graphql::parser::types::{ExecutableDocument, Selection, SelectionSet};

// Fragments cannot form cycles in a validated document; this only bounds
// the walk if one ever got through.
const MAX_FRAGMENT_DEPTH: usize = 64;

/// Reorders `data`, the result of `operation` in `document`, in place.
pub fn reorder(document: &ExecutableDocument, operation: Option<&str>, data: &mut Value) {
    let selected = document
        .operations
        .iter()
        .find(|(name, _)| operation.is_none() || name.map(|n| n.as_str()) == operation);
    if let Some((_, op)) = selected {
        reorder_value(document, &[&op.node.selection_set.node], data);
    }
}

fn reorder_value(document: &ExecutableDocument, sets: &[&SelectionSet], value: &mut Value) {
    match value {
        Value::Object(map) => {
            let mut keys = Vec::new();
            for set in sets {
                collect(document, set, &mut keys, 0);
            }
            let mut old = std::mem::take(map);
            for (key, subsets) in keys {
                if let Some(mut inner) = old.swap_remove(&key) {
                    reorder_value(document, &subsets, &mut inner);
                    map.insert(key, inner);
                }
            }
            map.extend(old);
        }
        Value::List(items) => items
            .iter_mut()
            .for_each(|item| reorder_value(document, sets, item)),
        _ => {}
    }
}

/// The response keys of `set` in order, fragments expanded, each with the
/// selection sets asked of it (a key selected twice merges its sets).
fn collect<'a>(
    document: &'a ExecutableDocument,
    set: &'a SelectionSet,
    keys: &mut Vec<(Name, Vec<&'a SelectionSet>)>,
    depth: usize,
) {
    if depth > MAX_FRAGMENT_DEPTH {
        return;
    }
    for selection in &set.items {
        match &selection.node {
            Selection::Field(field) => {
                let key = field.node.response_key().node.clone();
                let sub = &field.node.selection_set.node;
                match keys.iter_mut().find(|(k, _)| *k == key) {
                    Some((_, sets)) => sets.push(sub),
                    None => keys.push((key, vec![sub])),
                }
            }
            Selection::FragmentSpread(spread) => {
                if let Some(fragment) = document.fragments.get(&spread.node.fragment_name.node) {
                    collect(document, &fragment.node.selection_set.node, keys, depth + 1);
                }
            }
            Selection::InlineFragment(inline) => {
                collect(document, &inline.node.selection_set.node, keys, depth + 1);
            }
        }
    }
}

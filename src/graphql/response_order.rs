//! Puts each object of a response in the order its query selected the
//! fields. async-graphql 7.2 resolves an object's fields concurrently and
//! inserts each as it completes (`FuturesUnordered` in its container
//! resolver), so the order changed from one request to the next: against the
//! spec, confusing in GraphiQL, and an ETag that changed with no data change.

use std::cell::OnceCell;

use async_graphql::Name;
use async_graphql::Positioned;
use async_graphql::Value;
use async_graphql::parser::types::{
    ExecutableDocument, OperationDefinition, Selection, SelectionSet,
};

// Fragments cannot form cycles in a validated document; this only bounds
// the walk if one ever got through.
const MAX_FRAGMENT_DEPTH: usize = 64;

/// Reorders `data`, the result of the operation `name` picks in `document`, in place.
pub fn reorder(document: &ExecutableDocument, name: Option<&str>, data: &mut Value) {
    if let Some(op) = operation(document, name) {
        Shape::of(document, &[&op.node.selection_set.node]).apply(document, data);
    }
}

/// The response keys expected of an object, in order, each with the shape
/// of its value. Built as the response is walked, so once per field of the
/// query and not once per object or list item.
struct Shape<'a> {
    keys: Vec<Key<'a>>,
}

struct Key<'a> {
    name: Name,
    // Every selection set asked of this key (a key selected twice merges).
    sets: Vec<&'a SelectionSet>,
    shape: OnceCell<Shape<'a>>,
}

impl<'a> Shape<'a> {
    fn of(document: &'a ExecutableDocument, sets: &[&'a SelectionSet]) -> Self {
        let mut keys = Vec::new();
        for set in sets {
            collect(document, set, &mut keys, 0);
        }
        let keys = keys
            .into_iter()
            .map(|(name, sets)| Key {
                name,
                sets,
                shape: OnceCell::new(),
            })
            .collect();
        Self { keys }
    }

    fn position(&self, name: &Name) -> usize {
        self.keys
            .iter()
            .position(|key| key.name == *name)
            .unwrap_or(usize::MAX)
    }

    fn apply(&self, document: &'a ExecutableDocument, value: &mut Value) {
        match value {
            Value::Object(map) => {
                // Most objects come out in order already; a stable sort
                // keeps any key the query did not select at the end.
                if !map.keys().map(|name| self.position(name)).is_sorted() {
                    map.sort_by_cached_key(|name, _| self.position(name));
                }
                for (name, inner) in map.iter_mut() {
                    if !matches!(inner, Value::Object(_) | Value::List(_)) {
                        continue;
                    }
                    if let Some(key) = self.keys.iter().find(|key| key.name == *name) {
                        key.shape
                            .get_or_init(|| Shape::of(document, &key.sets))
                            .apply(document, inner);
                    }
                }
            }
            Value::List(items) => items.iter_mut().for_each(|item| self.apply(document, item)),
            _ => {}
        }
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

/// The operation of `document` that `name` picks: the one so named, or the
/// first when no name is given (a document with several is refused by
/// validation).
pub fn operation<'a>(
    document: &'a ExecutableDocument,
    name: Option<&str>,
) -> Option<&'a Positioned<OperationDefinition>> {
    let mut operations = document.operations.iter();
    let found = match name {
        Some(name) => operations.find(|(n, _)| n.map(|n| n.as_str()) == Some(name)),
        None => operations.next(),
    };
    found.map(|(_, operation)| operation)
}

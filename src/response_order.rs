//! Puts each object of a response in the order its query selected the
//! fields. async-graphql 7.2 resolves an object's fields concurrently and
//! inserts each as it completes (`FuturesUnordered` in its container
//! resolver), so the order changed from one request to the next: against the
//! spec, confusing in GraphiQL, and an ETag that changed with no data change.

use std::collections::HashMap;
use std::rc::Rc;

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
        let mut walk = Walk {
            document,
            keys: HashMap::new(),
        };
        walk.value(&[&op.node.selection_set.node], data);
    }
}

/// Response keys in order, each with the selection sets asked of it.
type Keys<'a> = Vec<(Name, Vec<&'a SelectionSet>)>;

struct Walk<'a> {
    document: &'a ExecutableDocument,
    // The keys of each list of selection sets met so far: every item of a
    // list, and every object under them, shares its sets with its siblings.
    keys: HashMap<Vec<*const SelectionSet>, Rc<Keys<'a>>>,
}

impl<'a> Walk<'a> {
    fn value(&mut self, sets: &[&'a SelectionSet], value: &mut Value) {
        if !matches!(value, Value::Object(_) | Value::List(_)) {
            return;
        }
        let id: Vec<_> = sets.iter().map(|set| *set as *const SelectionSet).collect();
        let keys = match self.keys.get(&id) {
            Some(keys) => keys.clone(),
            None => {
                let mut keys = Vec::new();
                for set in sets {
                    collect(self.document, set, &mut keys, 0);
                }
                let keys = Rc::new(keys);
                self.keys.insert(id, keys.clone());
                keys
            }
        };
        self.with_keys(&keys, value);
    }

    fn with_keys(&mut self, keys: &Keys<'a>, value: &mut Value) {
        match value {
            Value::Object(map) => {
                let position = |key: &Name| {
                    keys.iter()
                        .position(|(k, _)| k == key)
                        .unwrap_or(usize::MAX)
                };
                // Most objects come out in order already; a stable sort
                // keeps any key the query did not select at the end.
                if !map.keys().map(position).is_sorted() {
                    map.sort_by_cached_key(|key, _| position(key));
                }
                for (key, inner) in map.iter_mut() {
                    if let Some((_, sets)) = keys.iter().find(|(k, _)| k == key) {
                        self.value(sets, inner);
                    }
                }
            }
            Value::List(items) => items.iter_mut().for_each(|item| self.with_keys(keys, item)),
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

//! Nested lists batched across parents: every sibling connection with the
//! same arguments (say `tenants(first: 20)` under each of 50 parks) becomes
//! one key per parent, and one statement serves the whole batch.

use std::hash::{Hash, Hasher};
use std::sync::Arc;

use sea_orm::sea_query::Expr;

/// A query shared by sibling connections, and the column tying rows to parents.
/// Siblings with equal queries are batched into one statement.
#[derive(Debug, PartialEq)]
pub struct Nested<S> {
    /// The page or stats query.
    pub spec: S,
    /// The parent column (`tenancy.park_id`, `park.city_id`).
    pub parent: Expr,
}

impl<S> Nested<S> {
    /// Wraps a spec for use as a loader key.
    pub fn new(spec: S, parent: Expr) -> Arc<Self> {
        Arc::new(Self { spec, parent })
    }
}

// Structural equality: cheaper by far than the Debug text once used as the
// identity (formatting the statement for each of 50 parks was a seventh of a
// nested page's instructions).
fn same<S: PartialEq>(a: &Arc<Nested<S>>, b: &Arc<Nested<S>>) -> bool {
    Arc::ptr_eq(a, b) || a == b
}

/// One parent's share of a nested query.
#[derive(Debug)]
pub struct NestedKey<S> {
    /// The parent row's id.
    pub parent: i32,
    /// The query, shared with the siblings.
    pub nested: Arc<Nested<S>>,
}

impl<S> Clone for NestedKey<S> {
    fn clone(&self) -> Self {
        Self {
            parent: self.parent,
            nested: self.nested.clone(),
        }
    }
}

impl<S: PartialEq> PartialEq for NestedKey<S> {
    fn eq(&self, other: &Self) -> bool {
        self.parent == other.parent && same(&self.nested, &other.nested)
    }
}

impl<S: PartialEq> Eq for NestedKey<S> {}

// Only the parent is hashed: equal keys have equal parents, and keys of the
// same parent with different queries are rare and merely share a bucket.
impl<S> Hash for NestedKey<S> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.parent.hash(state);
    }
}

/// Groups keys by their shared query, keeping the first `Arc` of each.
pub fn by_query<S: PartialEq>(keys: &[NestedKey<S>]) -> Vec<(Arc<Nested<S>>, Vec<i32>)> {
    let mut groups: Vec<(Arc<Nested<S>>, Vec<i32>)> = Vec::new();
    for key in keys {
        match groups
            .iter_mut()
            .find(|(nested, _)| same(nested, &key.nested))
        {
            Some((_, parents)) => parents.push(key.parent),
            None => groups.push((key.nested.clone(), vec![key.parent])),
        }
    }
    groups
}

//! DataLoaders that batch nested lists: every sibling connection with the same
//! arguments (say `tenants(first: 20)` under each of 50 parks) becomes one key
//! per parent, and one statement serves the whole batch.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::marker::PhantomData;
use std::sync::Arc;

use async_graphql::dataloader::Loader;
use sea_orm::DbErr;
use sea_orm::sea_query::Expr;

use crate::store::rows::Decode;

use super::page::{Page, PageSpec};
use super::stats::{StatRow, StatsSpec};
use crate::store::Db;

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
fn by_query<S: PartialEq>(keys: &[NestedKey<S>]) -> Vec<(Arc<Nested<S>>, Vec<i32>)> {
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

/// Loads pages of `T` for many parents.
pub struct PageLoader<T> {
    db: Db,
    rows: PhantomData<fn() -> T>,
}

impl<T> PageLoader<T> {
    /// A loader on this database.
    pub fn new(db: Db) -> Self {
        Self {
            db,
            rows: PhantomData,
        }
    }
}

impl<T> Loader<NestedKey<PageSpec>> for PageLoader<T>
where
    T: Decode + Clone + Send + Sync + 'static,
{
    // Shared, not cloned, from the batch to each parent's connection.
    type Value = Arc<Page<T>>;
    type Error = Arc<DbErr>;

    async fn load(
        &self,
        keys: &[NestedKey<PageSpec>],
    ) -> Result<HashMap<NestedKey<PageSpec>, Arc<Page<T>>>, Self::Error> {
        let mut out = HashMap::new();
        for (nested, parents) in by_query(keys) {
            let pages = nested
                .spec
                .fetch_for_parents::<T>(&self.db, &nested.parent, &parents)
                .await?;
            for (parent, page) in pages {
                let key = NestedKey {
                    parent,
                    nested: nested.clone(),
                };
                out.insert(key, Arc::new(page));
            }
        }
        Ok(out)
    }
}

/// Loads aggregates (counts, sums, groups) for many parents.
pub struct StatsLoader {
    db: Db,
}

impl StatsLoader {
    /// A loader on this database.
    pub fn new(db: Db) -> Self {
        Self { db }
    }
}

impl Loader<NestedKey<StatsSpec>> for StatsLoader {
    type Value = Vec<StatRow>;
    type Error = Arc<DbErr>;

    async fn load(
        &self,
        keys: &[NestedKey<StatsSpec>],
    ) -> Result<HashMap<NestedKey<StatsSpec>, Vec<StatRow>>, Self::Error> {
        let mut out = HashMap::new();
        for (nested, parents) in by_query(keys) {
            let mut stats = nested
                .spec
                .fetch_for_parents(&self.db, &nested.parent, &parents)
                .await?;
            for parent in parents {
                let rows = stats.remove(&parent).unwrap_or_default();
                let key = NestedKey {
                    parent,
                    nested: nested.clone(),
                };
                out.insert(key, rows);
            }
        }
        Ok(out)
    }
}

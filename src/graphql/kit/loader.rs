//! The DataLoader shapes every domain uses, over the store's batch reads:
//! rows by id, the children of many parents, pages and statistics of many
//! parents' nested lists.

use std::any::Any;
use std::collections::HashMap;
use std::marker::PhantomData;
use std::sync::Arc;

use async_graphql::Context;
use async_graphql::dataloader::{DataLoader, HashMapCache, Loader};
use futures::future::BoxFuture;
use sea_orm::DbErr;

use crate::error::{AppError, AppResult};
use crate::store::Db;
use crate::store::listing::{NestedKey, Page, PageSpec, StatRow, StatsSpec, by_query};
use crate::store::prefetch::{ChildOf, Kin, ModelOf, Prefetched, children_of};
use crate::store::rows::Decode;
use crate::store::table::{Table, by_ids};

/// A DataLoader that lives for one request and caches what it loaded.
pub type RequestLoader<L> = DataLoader<L, HashMapCache>;

/// Loads rows of `E` by id.
pub struct ById<E> {
    db: Db,
    entity: PhantomData<fn() -> E>,
}

impl<E> ById<E> {
    /// A loader on this database.
    pub fn new(db: Db) -> Self {
        Self {
            db,
            entity: PhantomData,
        }
    }
}

impl<E> Loader<i32> for ById<E>
where
    E: Table + Send + Sync + 'static,
    E::Model: Send + Sync + Clone + 'static,
{
    type Value = E::Model;
    type Error = Arc<DbErr>;

    async fn load(&self, ids: &[i32]) -> Result<HashMap<i32, E::Model>, Self::Error> {
        Ok(by_ids::<E>(&self.db, ids).await?)
    }
}

/// Loads the children `C` of many parents, each parent's list in id order.
pub struct Children<C> {
    db: Db,
    relation: PhantomData<fn() -> C>,
}

impl<C> Children<C> {
    /// A loader on this database.
    pub fn new(db: Db) -> Self {
        Self {
            db,
            relation: PhantomData,
        }
    }
}

impl<C> Loader<i32> for Children<C>
where
    C: ChildOf,
    ModelOf<C>: Send + Sync + Clone + 'static,
{
    type Value = Kin<ModelOf<C>>;
    type Error = Arc<DbErr>;

    async fn load(&self, parents: &[i32]) -> Result<HashMap<i32, Self::Value>, Self::Error> {
        Ok(children_of::<C>(&self.db, parents).await?)
    }
}

/// Loads pages of `T` for many parents: one statement per distinct query.
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

/// The request's `L`, which is always registered; its absence is a wiring bug.
pub fn loader<'c, L: Send + Sync + 'static>(ctx: &'c Context<'_>) -> AppResult<&'c L> {
    ctx.data::<L>()
        .map_err(|err| AppError::Internal(anyhow::anyhow!("missing context data: {}", err.message)))
}

/// The children of one parent, batched with its siblings' requests.
pub async fn children<C>(ctx: &Context<'_>, parent: i32) -> async_graphql::Result<Vec<ModelOf<C>>>
where
    C: ChildOf,
    ModelOf<C>: Send + Sync + Clone + 'static,
{
    let loader = loader::<RequestLoader<Children<C>>>(ctx)?;
    let kin = loader
        .load_one(parent)
        .await
        .map_err(AppError::from)?
        .unwrap_or_default();
    feed(ctx, &kin.prefetched).await?;
    Ok(kin.rows)
}

/// One row by id, batched with its siblings' requests.
pub async fn by_id<E>(ctx: &Context<'_>, id: i32) -> async_graphql::Result<Option<E::Model>>
where
    E: Table + Send + Sync + 'static,
    E::Model: Send + Sync + Clone + 'static,
{
    let loader = loader::<RequestLoader<ById<E>>>(ctx)?;
    Ok(loader.load_one(id).await.map_err(AppError::from)?)
}

/// Like [`by_id`], for a reference the schema guarantees (a foreign key).
pub async fn required<E>(ctx: &Context<'_>, id: i32) -> async_graphql::Result<E::Model>
where
    E: Table + Send + Sync + 'static,
    E::Model: Send + Sync + Clone + 'static,
{
    by_id::<E>(ctx, id).await?.ok_or_else(|| {
        crate::error::internal(format!(
            "dangling reference to {} {id}",
            E::default().table_name()
        ))
    })
}

/// How one join's rows reach their loader: the token the GraphQL side
/// gives each [`Join`](crate::store::prefetch::Join).
pub type Feed =
    for<'a, 'b> fn(&'a Context<'b>, &'a (dyn Any + Send + Sync)) -> BoxFuture<'a, AppResult<()>>;

/// Puts every prefetched relation into this request's loader caches.
pub async fn feed(ctx: &Context<'_>, prefetched: &Prefetched) -> AppResult<()> {
    for fetched in &prefetched.0 {
        let feed = fetched
            .token
            .downcast_ref::<Feed>()
            .ok_or_else(|| wiring("a join made without a feed"))?;
        feed(ctx, &*fetched.rows).await?;
    }
    Ok(())
}

pub(super) fn wiring(what: &str) -> AppError {
    AppError::Internal(anyhow::anyhow!("prefetch wiring: {what}"))
}

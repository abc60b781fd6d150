//! Joins asked for from the GraphQL side, and the rows they bring put into
//! the request's loaders: a to-one join's rows into its table's by-id
//! loader, a lookup's nested lists into their child loaders. Resolvers then
//! read them from the cache, with no statement of their own.

use std::any::Any;
use std::sync::Arc;

use async_graphql::Context;
use futures::future::BoxFuture;
use sea_orm::ColumnTrait;
use serde::de::DeserializeOwned;

use super::loader::{ById, Children, Feed, RequestLoader, feed, loader, wiring};
use crate::error::AppResult;
use crate::records::Slugged;
use crate::store::Db;
use crate::store::prefetch::{ChildOf, Join, Kin, ModelOf, find_one};
use crate::store::rows::Decode;
use crate::store::table::Table;

/// The to-one relation to `E` through `foreign_key`, read with a list's rows
/// (see [`Join::to`]), its rows then in the request's by-id loader of `E`.
pub fn join_to<E>(alias: &'static str, foreign_key: impl ColumnTrait) -> Join
where
    E: Table + Send + Sync + 'static,
    E::Model: Decode + DeserializeOwned + Clone + Send + Sync + 'static,
{
    Join::to::<E>(alias, foreign_key, Arc::new(rows::<E> as Feed))
}

/// A looked-up row's children `C`, read in its statement (see
/// [`Join::children`]), then in the request's loader of `C`.
pub fn join_children<C>(alias: &'static str, parent_id: impl ColumnTrait) -> Join
where
    C: ChildOf,
    ModelOf<C>: DeserializeOwned + Clone + Send + Sync + 'static,
{
    Join::children::<C>(alias, parent_id, Arc::new(families::<C> as Feed))
}

/// The `R` with this slug, with `joins` read in its statement; its
/// prefetched relations and itself go into the loaders (its children may
/// point back at it: a park's projects' `park`). Not batched: root lookups
/// ask for one row.
pub async fn by_slug<R: Slugged>(
    ctx: &Context<'_>,
    slug: &str,
    joins: &[Join],
) -> AppResult<Option<R>> {
    let db = loader::<Db>(ctx)?;
    let Some((model, prefetched)) = find_one::<R::Table>(db, R::SLUG, slug, joins).await? else {
        return Ok(None);
    };
    feed(ctx, &prefetched).await?;
    let by_id = loader::<RequestLoader<ById<R::Table>>>(ctx)?;
    by_id.feed_one(model.id(), model.clone()).await;
    Ok(Some(model))
}

fn rows<'a, E>(
    ctx: &'a Context<'_>,
    rows: &'a (dyn Any + Send + Sync),
) -> BoxFuture<'a, AppResult<()>>
where
    E: Table + Send + Sync + 'static,
    E::Model: Clone + Send + Sync + 'static,
{
    Box::pin(async move {
        let rows = rows
            .downcast_ref::<Vec<E::Model>>()
            .ok_or_else(|| wiring("to-one rows of another type"))?;
        let by_id = loader::<RequestLoader<ById<E>>>(ctx)?;
        by_id
            .feed_many(rows.iter().map(|m| (E::id_of(m), m.clone())))
            .await;
        Ok(())
    })
}

fn families<'a, C>(
    ctx: &'a Context<'_>,
    rows: &'a (dyn Any + Send + Sync),
) -> BoxFuture<'a, AppResult<()>>
where
    C: ChildOf,
    ModelOf<C>: Clone + Send + Sync + 'static,
{
    Box::pin(async move {
        let families = rows
            .downcast_ref::<Vec<(i32, Kin<ModelOf<C>>)>>()
            .ok_or_else(|| wiring("children of another relation"))?;
        let children = loader::<RequestLoader<Children<C>>>(ctx)?;
        children.feed_many(families.iter().cloned()).await;
        Ok(())
    })
}

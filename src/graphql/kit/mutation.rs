//! What every mutation resolver does around its write: check the caller's
//! key, run the write as one transaction (replaying an earlier result for
//! the same idempotency key), and answer with the record as written.

use async_graphql::Context;
use futures::future::BoxFuture;

use crate::auth::{KeyScope, actor};
use crate::error::AppResult;
use crate::records::Record;
use crate::writes::rows::load;
use crate::writes::{Idempotency, Write, handles, run};

/// Runs `body` as one write by the caller, whose key needs `scope`, safe to
/// retry with `key`; answers with the `R` whose id `body` returned.
pub async fn write<R, F>(
    ctx: &Context<'_>,
    scope: KeyScope,
    key: Option<Idempotency>,
    body: F,
) -> async_graphql::Result<R>
where
    R: Record,
    F: for<'w> FnOnce(&'w mut Write) -> BoxFuture<'w, AppResult<i32>>,
{
    let actor = actor(ctx, scope).await?;
    let (db, hub) = handles(ctx);
    let id = run(db, hub, &actor, key, body).await?;
    Ok(load::<R>(db, id).await?)
}

/// Runs `body` as one write by the caller, whose key needs `scope`;
/// answers true (a deletion has nothing left to show).
pub async fn delete<F>(ctx: &Context<'_>, scope: KeyScope, body: F) -> async_graphql::Result<bool>
where
    F: for<'w> FnOnce(&'w mut Write) -> BoxFuture<'w, AppResult<i32>>,
{
    let actor = actor(ctx, scope).await?;
    let (db, hub) = handles(ctx);
    run(db, hub, &actor, None, body).await?;
    Ok(true)
}

//! What every mutation resolver does around its write: check the caller's
//! key, run the write as its part of the document's one transaction
//! (replaying an earlier result for the same idempotency key), and answer
//! with the record as written; and
//! [`mutation_item!`](crate::mutation_item), such a resolver declared in one
//! line.

use std::sync::Arc;

use async_graphql::Context;
use futures::future::BoxFuture;

use crate::auth::{KeyScope, actor};
use crate::error::{AppError, AppResult};
use crate::records::Record;
use crate::writes::document::{Body, StandIn, Step};
use crate::writes::rows::load;
use crate::writes::{DocumentWrite, Idempotency, Write, handles};

/// Runs `body` in the document's write by the caller, whose key needs
/// `scope`, safe to retry with `key`; answers with the `R` whose id `body`
/// returned, as the document has it so far.
pub async fn write<R, F>(
    ctx: &Context<'_>,
    scope: KeyScope,
    key: Option<Idempotency>,
    body: F,
) -> async_graphql::Result<R>
where
    R: Record + Default,
    F: for<'w> FnOnce(&'w mut Write) -> BoxFuture<'w, AppResult<i32>> + Send + 'static,
{
    let body: Body<R> = Box::new(move |w| {
        Box::pin(async move {
            let id = body(w).await?;
            Ok((id, load::<R>(w, id).await?))
        })
    });
    // A retry's answer is its first one (put in place at the document's
    // end); the record stands in meanwhile, or, deleted since, an empty one.
    let stand_in: StandIn<R> = Box::new(|w, id| {
        Box::pin(async move {
            match load::<R>(w, id).await {
                Err(AppError::NotFound(_)) => Ok(R::default()),
                found => found,
            }
        })
    });
    Ok(in_document(ctx, scope, key, body, stand_in).await?)
}

/// Runs `body` in the document's write by the caller, whose key needs
/// `scope`, safe to retry with `key`; answers true (a deletion has nothing
/// left to show).
pub async fn delete<F>(
    ctx: &Context<'_>,
    scope: KeyScope,
    key: Option<Idempotency>,
    body: F,
) -> async_graphql::Result<bool>
where
    F: for<'w> FnOnce(&'w mut Write) -> BoxFuture<'w, AppResult<i32>> + Send + 'static,
{
    let body: Body<bool> = Box::new(move |w| Box::pin(async move { Ok((body(w).await?, true)) }));
    let stand_in: StandIn<bool> = Box::new(|_, _| Box::pin(async { Ok(true) }));
    Ok(in_document(ctx, scope, key, body, stand_in).await?)
}

/// Runs `body` as this mutation field's part of its document's write (see
/// [`DocumentWrite`]), by the caller, whose key needs `scope`; a retry under
/// `key` runs `stand_in` instead.
pub async fn in_document<T>(
    ctx: &Context<'_>,
    scope: KeyScope,
    key: Option<Idempotency>,
    body: Body<T>,
    stand_in: StandIn<T>,
) -> AppResult<T> {
    let document = ctx.data_opt::<Arc<DocumentWrite>>().ok_or_else(|| {
        AppError::Internal(anyhow::anyhow!(
            "a mutation ran outside graphql::execute, without its document's write"
        ))
    })?;
    let (db, hub) = handles(ctx);
    let field = ctx.item.node.response_key().node.as_str();
    let step = Step { field, scope, key };
    let caller = async { actor(ctx, scope).await };
    document.run(db, hub, step, caller, body, stand_in).await
}

/// The `write fn` and `delete fn` items of [`object!`](crate::object):
///
/// - `write fn name(arg: T = "desc", ...) -> Type by Scope, retry "opName" => f;`:
///   a mutation that runs `f(w, arg, ...)` (returning the id written) with a
///   key of scope `Scope` and answers with the record as `Type`; it takes an
///   `idempotencyKey` and keeps its first answer under the operation name.
/// - `write fn ... -> Type of [Model] by Scope, retry ...`: the same, for a
///   `Type` that wraps what `Model` converts into (a claim of any subject).
/// - `delete fn name(arg: T = "desc", ...) by Scope, retry "opName" => f;`:
///   the same for a deletion, answering true.
///
/// An argument may end with `default "expr"` (its `default_with`).
#[macro_export]
macro_rules! mutation_item {
    (@answer $wrap:ident $written:ident) => { $wrap($written) };
    (@answer $wrap:ident $written:ident $model:ty) => {{
        let model: $model = $written;
        $wrap(model.into())
    }};
    (@write [$metas:tt $ty:ident [$($done:tt)*]] $(#[$attr:meta])*
        $name:ident($($arg:ident: $aty:ty = $desc:literal $(default $dv:literal)?),* $(,)?)
        -> $wrap:ident $(of [$model:ty])? by $scope:ident, retry $op:literal => $f:path;
        $($rest:tt)*
    ) => {
        $crate::object!(@items $metas $ty [$($done)*
            $(#[$attr])*
            async fn $name(
                &self,
                ctx: &async_graphql::Context<'_>,
                $(#[graphql(desc = $desc $(, default_with = $dv)?)] $arg: $aty,)*
                #[graphql(desc = "Sending it again with the same key and input answers with the first response, byte for byte, and writes nothing; with another input it is CONFLICT. A retry arriving while the first runs waits for it. Keys are kept per API key for PARKGRAPH_IDEMPOTENCY_KEY_HOURS (default 24).")]
                idempotency_key: Option<String>,
            ) -> async_graphql::Result<$wrap> {
                let key = $crate::writes::idempotency(idempotency_key, $op, &($(&$arg),*))?;
                let scope = $crate::auth::KeyScope::$scope;
                let written = $crate::graphql::kit::mutation::write(ctx, scope, key, move |w| {
                    Box::pin($f(w, $($arg),*))
                })
                .await?;
                Ok($crate::mutation_item!(@answer $wrap written $($model)?))
            }
        ] $($rest)*);
    };
    (@delete [$metas:tt $ty:ident [$($done:tt)*]] $(#[$attr:meta])*
        $name:ident($($arg:ident: $aty:ty = $desc:literal $(default $dv:literal)?),* $(,)?)
        by $scope:ident, retry $op:literal => $f:path; $($rest:tt)*
    ) => {
        $crate::object!(@items $metas $ty [$($done)*
            $(#[$attr])*
            async fn $name(
                &self,
                ctx: &async_graphql::Context<'_>,
                $(#[graphql(desc = $desc $(, default_with = $dv)?)] $arg: $aty,)*
                #[graphql(desc = "Sending it again with the same key and input answers with the first response, byte for byte, and writes nothing; with another input it is CONFLICT. A retry arriving while the first runs waits for it. Keys are kept per API key for PARKGRAPH_IDEMPOTENCY_KEY_HOURS (default 24).")]
                idempotency_key: Option<String>,
            ) -> async_graphql::Result<bool> {
                let key = $crate::writes::idempotency(idempotency_key, $op, &($(&$arg),*))?;
                let scope = $crate::auth::KeyScope::$scope;
                $crate::graphql::kit::mutation::delete(ctx, scope, key, move |w| {
                    Box::pin($f(w, $($arg),*))
                })
                .await
            }
        ] $($rest)*);
    };
}

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
    R: Record,
    F: for<'w> FnOnce(&'w mut Write) -> BoxFuture<'w, AppResult<i32>> + Send + 'static,
{
    Ok(in_document(ctx, scope, |w| {
        Box::pin(async move {
            let id = match w.replayed(key.as_ref()).await? {
                Some(id) => id,
                None => {
                    let id = body(w).await?;
                    w.remember(key.as_ref(), id).await?;
                    id
                }
            };
            load::<R>(w, id).await
        })
    })
    .await?)
}

/// Runs `body` in the document's write by the caller, whose key needs
/// `scope`; answers true (a deletion has nothing left to show).
pub async fn delete<F>(ctx: &Context<'_>, scope: KeyScope, body: F) -> async_graphql::Result<bool>
where
    F: for<'w> FnOnce(&'w mut Write) -> BoxFuture<'w, AppResult<i32>>,
{
    in_document(ctx, scope, body).await?;
    Ok(true)
}

/// Runs `body` as this mutation field's part of its document's write (see
/// [`DocumentWrite`]), by the caller, whose key needs `scope`.
pub async fn in_document<T>(
    ctx: &Context<'_>,
    scope: KeyScope,
    body: impl for<'w> FnOnce(&'w mut Write) -> BoxFuture<'w, AppResult<T>>,
) -> AppResult<T> {
    let document = ctx.data_opt::<Arc<DocumentWrite>>().ok_or_else(|| {
        AppError::Internal(anyhow::anyhow!(
            "a mutation ran outside graphql::execute, without its document's write"
        ))
    })?;
    let (db, hub) = handles(ctx);
    let field = ctx.item.node.response_key().node.as_str();
    let caller = async { actor(ctx, scope).await };
    document.run(db, hub, field, scope, caller, body).await
}

/// The `write fn` and `delete fn` items of [`object!`](crate::object):
///
/// - `write fn name(arg: T = "desc", ...) -> Type by Scope, retry "opName" => f;`:
///   a mutation that runs `f(w, arg, ...)` (returning the id written) with a
///   key of scope `Scope` and answers with the record as `Type`; with
///   `retry`, it takes an `idempotencyKey` and remembers its result under
///   the operation name.
/// - `write fn ... -> Type of [Model] by Scope, retry ...`: the same, for a
///   `Type` that wraps what `Model` converts into (a claim of any subject).
/// - `delete fn name(arg: T = "desc", ...) by Scope => f;`: the same for a
///   deletion, answering true.
///
/// An argument may end with `default "expr"` (its `default_with`).
#[macro_export]
macro_rules! mutation_item {
    (@write [$metas:tt $ty:ident [$($done:tt)*]] $(#[$attr:meta])*
        $name:ident($($arg:ident: $aty:ty = $desc:literal $(default $dv:literal)?),* $(,)?)
        -> $wrap:ident by $scope:ident, retry $op:literal => $f:path; $($rest:tt)*
    ) => {
        $crate::object!(@items $metas $ty [$($done)*
            $(#[$attr])*
            async fn $name(
                &self,
                ctx: &async_graphql::Context<'_>,
                $(#[graphql(desc = $desc $(, default_with = $dv)?)] $arg: $aty,)*
                #[graphql(
                    desc = "Retrying with the same key and input returns the first result and writes nothing."
                )]
                idempotency_key: Option<String>,
            ) -> async_graphql::Result<$wrap> {
                let key = $crate::writes::idempotency(idempotency_key, $op, &($(&$arg),*))?;
                let scope = $crate::auth::KeyScope::$scope;
                let written = $crate::graphql::kit::mutation::write(ctx, scope, key, move |w| {
                    Box::pin($f(w, $($arg),*))
                });
                Ok($wrap(written.await?))
            }
        ] $($rest)*);
    };
    (@write [$metas:tt $ty:ident [$($done:tt)*]] $(#[$attr:meta])*
        $name:ident($($arg:ident: $aty:ty = $desc:literal $(default $dv:literal)?),* $(,)?)
        -> $wrap:ident of [$model:ty] by $scope:ident, retry $op:literal => $f:path; $($rest:tt)*
    ) => {
        $crate::object!(@items $metas $ty [$($done)*
            $(#[$attr])*
            async fn $name(
                &self,
                ctx: &async_graphql::Context<'_>,
                $(#[graphql(desc = $desc $(, default_with = $dv)?)] $arg: $aty,)*
                #[graphql(
                    desc = "Retrying with the same key and input returns the first result and writes nothing."
                )]
                idempotency_key: Option<String>,
            ) -> async_graphql::Result<$wrap> {
                let key = $crate::writes::idempotency(idempotency_key, $op, &($(&$arg),*))?;
                let scope = $crate::auth::KeyScope::$scope;
                let written: $model = $crate::graphql::kit::mutation::write(ctx, scope, key, move |w| {
                    Box::pin($f(w, $($arg),*))
                })
                .await?;
                Ok($wrap(written.into()))
            }
        ] $($rest)*);
    };
    (@write [$metas:tt $ty:ident [$($done:tt)*]] $(#[$attr:meta])*
        $name:ident($($arg:ident: $aty:ty = $desc:literal $(default $dv:literal)?),* $(,)?)
        -> $wrap:ident by $scope:ident => $f:path; $($rest:tt)*
    ) => {
        $crate::object!(@items $metas $ty [$($done)*
            $(#[$attr])*
            async fn $name(
                &self,
                ctx: &async_graphql::Context<'_>,
                $(#[graphql(desc = $desc $(, default_with = $dv)?)] $arg: $aty,)*
            ) -> async_graphql::Result<$wrap> {
                let scope = $crate::auth::KeyScope::$scope;
                let written = $crate::graphql::kit::mutation::write(ctx, scope, None, move |w| {
                    Box::pin($f(w, $($arg),*))
                });
                Ok($wrap(written.await?))
            }
        ] $($rest)*);
    };
    (@delete [$metas:tt $ty:ident [$($done:tt)*]] $(#[$attr:meta])*
        $name:ident($($arg:ident: $aty:ty = $desc:literal $(default $dv:literal)?),* $(,)?)
        by $scope:ident => $f:path; $($rest:tt)*
    ) => {
        $crate::object!(@items $metas $ty [$($done)*
            $(#[$attr])*
            async fn $name(
                &self,
                ctx: &async_graphql::Context<'_>,
                $(#[graphql(desc = $desc $(, default_with = $dv)?)] $arg: $aty,)*
            ) -> async_graphql::Result<bool> {
                let scope = $crate::auth::KeyScope::$scope;
                $crate::graphql::kit::mutation::delete(ctx, scope, move |w| {
                    Box::pin($f(w, $($arg),*))
                })
                .await
            }
        ] $($rest)*);
    };
}

//! What every mutation resolver does around its write: check the caller's
//! key, run the write as one transaction (replaying an earlier result for
//! the same idempotency key), and answer with the record as written; and
//! [`mutation_item!`](crate::mutation_item), such a resolver declared in one
//! line.

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
                let written = $crate::graphql::kit::mutation::write(ctx, scope, key, |w| {
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
                let written: $model = $crate::graphql::kit::mutation::write(ctx, scope, key, |w| {
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
                let written = $crate::graphql::kit::mutation::write(ctx, scope, None, |w| {
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
                $crate::graphql::kit::mutation::delete(ctx, scope, |w| {
                    Box::pin($f(w, $($arg),*))
                })
                .await
            }
        ] $($rest)*);
    };
}

//! Who may write: API keys with a scope (`read`, `write`, `admin`), optionally
//! bound to one organization. Reads need no key; every mutation resolves the
//! caller's [`Actor`] first and checks what it may touch.

pub mod documents;
mod keys;

pub use keys::{KeyInfo, NewKey, create, list, revoke};

use async_graphql::{Context, Enum};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::error::{AppError, AppResult};
use crate::store::Db;

/// What a key may do. Each scope includes the ones before it.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum KeyScope {
    /// Reads only (reads need no key; such keys identify a client).
    Read,
    /// May change parks, firms, tenancies, projects and milestones.
    Write,
    /// May also manage organizations, cities and indicators, and import datasets.
    Admin,
}

impl KeyScope {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Read => "read",
            Self::Write => "write",
            Self::Admin => "admin",
        }
    }

    /// Parses the stored (or command-line) name.
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "read" => Some(Self::Read),
            "write" => Some(Self::Write),
            "admin" => Some(Self::Admin),
            _ => None,
        }
    }
}

/// Who is reading: the caller's key when it sent one (UNAUTHENTICATED when
/// that key is unknown or revoked), else None.
pub async fn viewer(ctx: &Context<'_>) -> AppResult<Option<Actor>> {
    let token = ctx.data_opt::<Credentials>().and_then(|c| c.0.clone());
    match token {
        Some(token) => Ok(Some(caller(ctx, &token).await?)),
        None => Ok(None),
    }
}

/// The key behind a request's credentials, once looked up (by the trusted
/// documents' check, before execution), so that resolvers need not look
/// it up again.
#[derive(Clone, Debug)]
pub struct Caller(pub Actor);

/// The caller's key, from the request when it was already looked up.
async fn caller(ctx: &Context<'_>, token: &str) -> AppResult<Actor> {
    match ctx.data_opt::<Caller>() {
        Some(Caller(actor)) => Ok(actor.clone()),
        None => authenticate(ctx.data_unchecked::<Db>(), token).await,
    }
}

/// The bearer token of a request, as the HTTP layer found it.
#[derive(Clone, Debug, Default)]
pub struct Credentials(pub Option<String>);

/// A caller that presented a valid key.
#[derive(Clone, Debug)]
pub struct Actor {
    /// The key's row id (idempotency keys are remembered per key).
    pub key_id: i32,
    /// The key's name, recorded in the change log as who wrote.
    pub name: String,
    /// What it may do.
    pub scope: KeyScope,
    /// When set, it may only change what this organization owns.
    pub organization_id: Option<i32>,
    /// When set, the key runs only its trusted documents (or, in rollout,
    /// logs the others); see [`documents`].
    pub trust: Option<documents::Trust>,
}

impl Actor {
    /// The command line: full rights, recorded as `cli`.
    pub fn cli() -> Self {
        Self {
            key_id: 0,
            name: "cli".to_owned(),
            scope: KeyScope::Admin,
            organization_id: None,
            trust: None,
        }
    }

    /// FORBIDDEN unless the key has at least `scope`.
    pub fn require(&self, scope: KeyScope) -> AppResult<()> {
        if self.scope >= scope {
            Ok(())
        } else {
            Err(AppError::Forbidden(format!(
                "this API key has the `{}` scope; this needs `{}`",
                self.scope.as_str(),
                scope.as_str()
            )))
        }
    }

    /// The one ownership rule, asked by mutations and imports alike:
    /// FORBIDDEN unless this key may create (`is_new`) or change `what`, a
    /// record that `owners` own. Keys bound to no organization follow their
    /// scope alone; a bound key may change only what its organization owns.
    pub fn may_change(&self, owners: Owners<'_>, is_new: bool, what: &str) -> AppResult<()> {
        let allowed = match (owners, self.organization_id) {
            (Owners::Admins, None) => return self.require(KeyScope::Admin),
            (Owners::Admins, Some(_)) => false,
            (_, None) => true,
            (Owners::Shared, Some(_)) => is_new,
            (Owners::Orgs(orgs), Some(org)) => orgs.contains(&org),
        };
        if allowed {
            return Ok(());
        }
        let verb = if is_new { "create" } else { "change" };
        Err(AppError::Forbidden(format!(
            "this key's organization may not {verb} {what}"
        )))
    }
}

/// Who owns a record, for [`Actor::may_change`].
#[derive(Clone, Copy, Debug)]
pub enum Owners<'a> {
    /// Admin keys alone (cities, organizations, indicators).
    Admins,
    /// Everyone's: any key may add one, but only keys bound to no
    /// organization may change it (firms, which many parks share).
    Shared,
    /// These organizations (a park's operator, a project's partners).
    Orgs(&'a [i32]),
}

/// The caller behind this request's bearer token, with at least `scope`.
/// UNAUTHENTICATED without a token, or with an unknown or revoked one.
pub async fn actor(ctx: &Context<'_>, scope: KeyScope) -> AppResult<Actor> {
    let token = ctx
        .data_opt::<Credentials>()
        .and_then(|c| c.0.clone())
        .ok_or_else(|| {
            AppError::Unauthenticated(
                "mutations need an API key: send `Authorization: Bearer KEY`".to_owned(),
            )
        })?;
    let actor = caller(ctx, &token).await?;
    actor.require(scope)?;
    Ok(actor)
}

/// The key behind `token`, if it is known and not revoked.
pub async fn authenticate(db: &Db, token: &str) -> AppResult<Actor> {
    use entity::api_key::{Column, Entity};
    let found = Entity::find()
        .filter(Column::Hash.eq(keys::hash(token)))
        .one(&db.conn)
        .await?;
    match found {
        Some(key) if key.revoked_at.is_none() => Ok(Actor {
            key_id: key.id,
            name: key.name,
            scope: KeyScope::parse(&key.scope).unwrap_or(KeyScope::Read),
            organization_id: key.organization_id,
            trust: documents::Trust::parse(key.documents.as_deref()),
        }),
        Some(_) => Err(AppError::Unauthenticated(
            "this API key has been revoked".to_owned(),
        )),
        None => Err(AppError::Unauthenticated("unknown API key".to_owned())),
    }
}

use async_graphql::{Context, InputObject, MaybeUndefined, Object};

use super::types::Firm;
use super::write;
use crate::auth::{KeyScope, actor};
use crate::writes::sources::SourceInput;
use crate::writes::{handles, idempotency, run};

/// A new firm.
#[derive(InputObject, Clone, Debug)]
pub struct CreateFirmInput {
    /// Its stable public key: lower-case words joined by hyphens.
    pub slug: String,
    /// Its name.
    pub name: String,
    /// What it does.
    pub sector: Option<String>,
    /// Head count (zero or more).
    pub employees: Option<i32>,
    /// Its citations.
    pub sources: Option<Vec<SourceInput>>,
}

/// Fields left out are unchanged; fields sent as null are cleared.
#[derive(InputObject, Clone, Debug)]
pub struct UpdateFirmInput {
    /// Its name (cannot be null).
    pub name: MaybeUndefined<String>,
    /// What it does.
    pub sector: MaybeUndefined<String>,
    /// Head count.
    pub employees: MaybeUndefined<i32>,
    /// Replaces its citations (same URL: updated; missing: removed).
    pub sources: Option<Vec<SourceInput>>,
}

/// Writes to firms.
#[derive(Default)]
pub struct FirmMutation;

/// Writes to firms.
#[Object]
impl FirmMutation {
    /// Creates a firm. Needs a `write` key (keys bound to an organization may
    /// create firms, to add them as tenants, but not change existing ones).
    async fn create_firm(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The new firm.")] input: CreateFirmInput,
        #[graphql(
            desc = "Retrying with the same key and input returns the first result and writes nothing."
        )]
        idempotency_key: Option<String>,
    ) -> async_graphql::Result<Firm> {
        let actor = actor(ctx, KeyScope::Write).await?;
        let key = idempotency(idempotency_key, "createFirm", &input)?;
        let (db, hub) = handles(ctx);
        let id = run(db, hub, &actor, key, |w| Box::pin(write::create(w, input))).await?;
        Ok(Firm(write::load(db, id).await?))
    }

    /// Changes a firm. `version` must equal the firm's current version, else
    /// CONFLICT and nothing changes.
    async fn update_firm(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The firm's slug.")] slug: String,
        #[graphql(desc = "The version you last read (`Firm.version`).")] version: i32,
        #[graphql(desc = "The changes.")] input: UpdateFirmInput,
        #[graphql(
            desc = "Retrying with the same key and input returns the first result and writes nothing."
        )]
        idempotency_key: Option<String>,
    ) -> async_graphql::Result<Firm> {
        let actor = actor(ctx, KeyScope::Write).await?;
        let key = idempotency(idempotency_key, "updateFirm", &(&slug, version, &input))?;
        let (db, hub) = handles(ctx);
        let id = run(db, hub, &actor, key, |w| {
            Box::pin(write::update(w, slug, version, input))
        })
        .await?;
        Ok(Firm(write::load(db, id).await?))
    }

    /// Deletes a firm. With tenancies it is CONFLICT unless `cascade` is true,
    /// which deletes them too.
    async fn delete_firm(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The firm's slug.")] slug: String,
        #[graphql(desc = "The version you last read (`Firm.version`).")] version: i32,
        #[graphql(desc = "Also delete its tenancies.", default_with = "Some(false)")]
        cascade: Option<bool>,
    ) -> async_graphql::Result<bool> {
        let actor = actor(ctx, KeyScope::Write).await?;
        let (db, hub) = handles(ctx);
        run(db, hub, &actor, None, |w| {
            Box::pin(write::delete(w, slug, version, cascade.unwrap_or(false)))
        })
        .await?;
        Ok(true)
    }
}

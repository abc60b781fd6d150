use async_graphql::{Context, InputObject, MaybeUndefined, Object};

use super::types::{Organization, OrganizationKind};
use super::write;
use crate::auth::{KeyScope, actor};
use crate::writes::sources::SourceInput;
use crate::writes::{handles, idempotency, run};

/// A new organization.
#[derive(InputObject, Clone, Debug)]
pub struct CreateOrganizationInput {
    /// Its stable public key: lower-case words joined by hyphens (not `none`).
    pub slug: String,
    /// Its name.
    pub name: String,
    /// What kind of organization it is.
    pub kind: OrganizationKind,
    /// Its citations.
    pub sources: Option<Vec<SourceInput>>,
}

/// Fields left out are unchanged; fields sent as null are cleared.
#[derive(InputObject, Clone, Debug)]
pub struct UpdateOrganizationInput {
    /// Its name (cannot be null).
    pub name: MaybeUndefined<String>,
    /// What kind of organization it is (cannot be null).
    pub kind: MaybeUndefined<OrganizationKind>,
    /// Replaces its citations (same URL: updated; missing: removed).
    pub sources: Option<Vec<SourceInput>>,
}

/// Writes to organizations (admin keys only).
#[derive(Default)]
pub struct OrganizationMutation;

/// Writes to organizations (admin keys only).
#[Object]
impl OrganizationMutation {
    /// Creates an organization. Needs an `admin` key.
    async fn create_organization(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The new organization.")] input: CreateOrganizationInput,
        #[graphql(
            desc = "Retrying with the same key and input returns the first result and writes nothing."
        )]
        idempotency_key: Option<String>,
    ) -> async_graphql::Result<Organization> {
        let actor = actor(ctx, KeyScope::Admin).await?;
        let key = idempotency(idempotency_key, "createOrganization", &input)?;
        let (db, hub) = handles(ctx);
        let id = run(db, hub, &actor, key, |w| Box::pin(write::create(w, input))).await?;
        Ok(Organization(write::load(db, id).await?))
    }

    /// Changes an organization. `version` must equal its current version,
    /// else CONFLICT and nothing changes. Needs an `admin` key.
    async fn update_organization(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The organization's slug.")] slug: String,
        #[graphql(desc = "The version you last read (`Organization.version`).")] version: i32,
        #[graphql(desc = "The changes.")] input: UpdateOrganizationInput,
        #[graphql(
            desc = "Retrying with the same key and input returns the first result and writes nothing."
        )]
        idempotency_key: Option<String>,
    ) -> async_graphql::Result<Organization> {
        let actor = actor(ctx, KeyScope::Admin).await?;
        let key = idempotency(
            idempotency_key,
            "updateOrganization",
            &(&slug, version, &input),
        )?;
        let (db, hub) = handles(ctx);
        let id = run(db, hub, &actor, key, |w| {
            Box::pin(write::update(w, slug, version, input))
        })
        .await?;
        Ok(Organization(write::load(db, id).await?))
    }

    /// Deletes an organization. CONFLICT while it operates parks, partners in
    /// projects or has API keys bound to it (there is no cascade: reassign
    /// or delete those first). Needs an `admin` key.
    async fn delete_organization(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The organization's slug.")] slug: String,
        #[graphql(desc = "The version you last read (`Organization.version`).")] version: i32,
    ) -> async_graphql::Result<bool> {
        let actor = actor(ctx, KeyScope::Admin).await?;
        let (db, hub) = handles(ctx);
        run(db, hub, &actor, None, |w| {
            Box::pin(write::delete(w, slug, version))
        })
        .await?;
        Ok(true)
    }
}

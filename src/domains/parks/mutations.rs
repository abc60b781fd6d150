use async_graphql::{Context, InputObject, MaybeUndefined, Object};

use super::types::{Park, ParkKind, ParkStatus};
use super::write;
use crate::auth::{KeyScope, actor};
use crate::writes::sources::SourceInput;
use crate::writes::{idempotency, run};

/// A new park.
#[derive(InputObject, Clone, Debug)]
pub struct CreateParkInput {
    /// Its stable public key: lower-case words joined by hyphens.
    pub slug: String,
    /// Its name.
    pub name: String,
    /// What kind of park it is.
    pub kind: ParkKind,
    /// Where it stands.
    pub status: ParkStatus,
    /// The slug of its city.
    pub city_slug: String,
    /// The slug of the organization that runs it. A key bound to an
    /// organization must name its own.
    pub operator_slug: Option<String>,
    /// Covered area in square feet (zero or more).
    pub area_sqft: Option<i64>,
    /// The year it opened (1900 to 2200).
    pub opened_year: Option<i32>,
    /// Free-text notes.
    pub notes: Option<String>,
    /// Its citations.
    pub sources: Option<Vec<SourceInput>>,
}

/// Fields left out are unchanged; fields sent as null are cleared.
#[derive(InputObject, Clone, Debug)]
pub struct UpdateParkInput {
    /// Its name (cannot be null).
    pub name: MaybeUndefined<String>,
    /// What kind of park it is (cannot be null).
    pub kind: MaybeUndefined<ParkKind>,
    /// Where it stands (cannot be null).
    pub status: MaybeUndefined<ParkStatus>,
    /// The slug of its city (cannot be null).
    pub city_slug: MaybeUndefined<String>,
    /// The slug of the organization that runs it; null for none.
    pub operator_slug: MaybeUndefined<String>,
    /// Covered area in square feet.
    pub area_sqft: MaybeUndefined<i64>,
    /// The year it opened.
    pub opened_year: MaybeUndefined<i32>,
    /// Free-text notes.
    pub notes: MaybeUndefined<String>,
    /// Replaces its citations (same URL: updated; missing: removed).
    pub sources: Option<Vec<SourceInput>>,
}

/// Writes to parks.
#[derive(Default)]
pub struct ParkMutation;

/// Writes to parks.
#[Object]
impl ParkMutation {
    /// Creates a park. Needs a `write` key; a key bound to an organization may
    /// only create parks that organization operates.
    async fn create_park(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The new park.")] input: CreateParkInput,
        #[graphql(
            desc = "Retrying with the same key and input returns the first result and writes nothing."
        )]
        idempotency_key: Option<String>,
    ) -> async_graphql::Result<Park> {
        let actor = actor(ctx, KeyScope::Write).await?;
        let key = idempotency(idempotency_key, "createPark", &input)?;
        let (db, hub) = crate::writes::handles(ctx);
        let id = run(db, hub, &actor, key, |w| Box::pin(write::create(w, input))).await?;
        Ok(Park(write::load(db, id).await?))
    }

    /// Changes a park. `version` must equal the park's current version, else
    /// CONFLICT and nothing changes.
    async fn update_park(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The park's slug.")] slug: String,
        #[graphql(desc = "The version you last read (`Park.version`).")] version: i32,
        #[graphql(desc = "The changes.")] input: UpdateParkInput,
        #[graphql(
            desc = "Retrying with the same key and input returns the first result and writes nothing."
        )]
        idempotency_key: Option<String>,
    ) -> async_graphql::Result<Park> {
        let actor = actor(ctx, KeyScope::Write).await?;
        let key = idempotency(idempotency_key, "updatePark", &(&slug, version, &input))?;
        let (db, hub) = crate::writes::handles(ctx);
        let id = run(db, hub, &actor, key, |w| {
            Box::pin(write::update(w, slug, version, input))
        })
        .await?;
        Ok(Park(write::load(db, id).await?))
    }

    /// Deletes a park. With tenancies or projects it is CONFLICT unless
    /// `cascade` is true, which deletes its tenancies and unlinks its projects.
    async fn delete_park(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The park's slug.")] slug: String,
        #[graphql(desc = "The version you last read (`Park.version`).")] version: i32,
        #[graphql(
            desc = "Also delete its tenancies and unlink its projects.",
            default_with = "Some(false)"
        )]
        cascade: Option<bool>,
    ) -> async_graphql::Result<bool> {
        let actor = actor(ctx, KeyScope::Write).await?;
        let (db, hub) = crate::writes::handles(ctx);
        run(db, hub, &actor, None, |w| {
            Box::pin(write::delete(w, slug, version, cascade.unwrap_or(false)))
        })
        .await?;
        Ok(true)
    }
}

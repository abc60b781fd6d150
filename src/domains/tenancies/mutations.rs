use async_graphql::{Context, Object};

use super::types::Tenancy;
use super::write;
use crate::auth::{KeyScope, actor};
use crate::writes::{handles, run};

/// Writes to tenancies.
#[derive(Default)]
pub struct TenancyMutation;

/// Writes to tenancies.
#[Object]
impl TenancyMutation {
    /// Records that a firm rents space in a park. CONFLICT while the firm
    /// already has an open tenancy there (end it first). Keys bound to an
    /// organization may only add tenancies to parks it operates.
    async fn add_tenancy(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The park's slug.")] park_slug: String,
        #[graphql(desc = "The firm's slug.")] firm_slug: String,
        #[graphql(desc = "Space rented, square feet (zero or more).")] area_sqft: Option<i64>,
        #[graphql(desc = "When it began: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.")] since: Option<
            String,
        >,
    ) -> async_graphql::Result<Tenancy> {
        let actor = actor(ctx, KeyScope::Write).await?;
        let (db, hub) = handles(ctx);
        let id = run(db, hub, &actor, None, |w| {
            Box::pin(write::add(w, park_slug, firm_slug, area_sqft, since))
        })
        .await?;
        Ok(Tenancy(write::load(db, id).await?))
    }

    /// Ends the firm's open tenancy in the park on `until`. NOT_FOUND when it
    /// has none.
    async fn end_tenancy(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The park's slug.")] park_slug: String,
        #[graphql(desc = "The firm's slug.")] firm_slug: String,
        #[graphql(desc = "When it ended: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, not before `since`.")]
        until: String,
    ) -> async_graphql::Result<Tenancy> {
        let actor = actor(ctx, KeyScope::Write).await?;
        let (db, hub) = handles(ctx);
        let id = run(db, hub, &actor, None, |w| {
            Box::pin(write::end(w, park_slug, firm_slug, until))
        })
        .await?;
        Ok(Tenancy(write::load(db, id).await?))
    }
}

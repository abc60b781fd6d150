//! The mutations for tenancies (they are read through parks and firms).

use async_graphql::Context;

use super::types::Tenancy;
use super::write;
use crate::auth::KeyScope;
use crate::graphql::kit::mutation;

/// Writes to tenancies.
#[derive(Default)]
pub struct TenancyMutation;

crate::object! {
    /// Writes to tenancies.
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
            #[graphql(desc = "When it began: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.")]
            since: Option<String>,
        ) -> async_graphql::Result<Tenancy> {
            let written = mutation::write(ctx, KeyScope::Write, None, |w| {
                Box::pin(write::add(w, park_slug, firm_slug, area_sqft, since))
            });
            Ok(Tenancy(written.await?))
        }

        /// Ends the firm's open tenancy in the park on `until`. NOT_FOUND when it
        /// has none.
        async fn end_tenancy(
            &self,
            ctx: &Context<'_>,
            #[graphql(desc = "The park's slug.")] park_slug: String,
            #[graphql(desc = "The firm's slug.")] firm_slug: String,
            #[graphql(
                desc = "When it ended: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, not before `since`."
            )]
            until: String,
        ) -> async_graphql::Result<Tenancy> {
            let written = mutation::write(ctx, KeyScope::Write, None, |w| {
                Box::pin(write::end(w, park_slug, firm_slug, until))
            });
            Ok(Tenancy(written.await?))
        }
    }
}

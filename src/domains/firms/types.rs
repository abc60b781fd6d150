//! Firms as the API shows them.

use async_graphql::{Context, ID};
use entity::firm;

use super::service;
use crate::domains::sources::Source;
use crate::domains::tenancies::{TenanciesOfFirm, Tenancy};
use crate::graphql::kit::loader::children;
use crate::graphql::loaders::Served;
use crate::store::listing::summary_measures;

/// A firm that rents (or rented) space in a park.
#[derive(Clone, Debug)]
pub struct Firm(pub firm::Model);

crate::object! {
    /// A firm that rents (or rented) space in a park.
    impl Firm {
        /// Opaque global ID (Relay `Node`).
        pub async fn id(&self) -> ID {
            crate::graphql::node::global_id("Firm", self.0.id)
        }

        /// Stable public key, e.g. `techlogix-ltd`.
        async fn slug(&self) -> &str {
            &self.0.slug
        }

        /// The firm's name as its sources give it.
        async fn name(&self) -> &str {
            &self.0.name
        }

        /// What the firm does, as its sources describe it; null when unknown.
        async fn sector(&self) -> Option<&str> {
            self.0.sector.as_deref()
        }

        /// Head count; null when no source gives one.
        async fn employees(&self) -> Option<i32> {
            self.0.employees
        }

        /// Every recorded tenancy of this firm, in any park, oldest record first.
        async fn tenancies(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Tenancy>> {
            let rows = children::<TenanciesOfFirm>(ctx, self.0.id).await?;
            Ok(rows.into_iter().map(Tenancy).collect())
        }

        /// Where the facts about this firm come from, with as-of dates.
        async fn sources(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Source>> {
            crate::domains::sources::of::<firm::Model>(ctx, self.0.id).await
        }

        stamp;
    }
}

crate::connection!(
    /// A page of firms. `aggregate` covers every firm the filter matches.
    FirmConnection, FirmEdge, Firm, firm::Model,
    {
        /// Count, sum, average, minimum and maximum of head counts over every
        /// matching firm.
        async fn aggregate(&self, ctx: &Context<'_>) -> async_graphql::Result<FirmAggregate> {
            let measures = summary_measures(&service::numeric_fields());
            let rows = self.0.stats(ctx, measures, None, |_| {}).await?;
            Ok(FirmAggregate::from(rows.into_iter().next().unwrap_or_default()))
        }
    }
);

crate::aggregate! {
    /// Summary figures over every firm a filter matches.
    FirmAggregate, FirmNumbers ("firm", "firms") {
        /// Head count.
        employees,
    }
}

impl Served for firm::Model {
    const BY_ID: bool = true;
    const SOURCED: bool = true;
}

//! National indicators as the API shows them.

use async_graphql::{Context, ID};
use entity::indicator;

use crate::domains::sources::Source;
use crate::graphql::loaders::Served;

/// A national figure such as IT export receipts for a fiscal period.
#[derive(Clone, Debug)]
pub struct Indicator(pub indicator::Model);

crate::object! {
    /// A national figure such as IT export receipts for a fiscal period.
    impl Indicator {
        /// Opaque global ID (Relay `Node`).
        pub async fn id(&self) -> ID {
            crate::graphql::node::global_id("Indicator", self.0.id)
        }

        /// What is measured, e.g. `stp_count` or `ict_exports_usd`.
        async fn key(&self) -> &str {
            &self.0.key
        }

        /// The period it covers (`FY2024-25`, `2025-02`...); a qualifier in
        /// parentheses tells apart figures from different sources for one period.
        async fn period(&self) -> &str {
            &self.0.period
        }

        /// The figure, in `unit`.
        async fn value(&self) -> f64 {
            self.0.value
        }

        /// The unit of `value` (`USD`, `count`, `people`, `sq ft`...).
        async fn unit(&self) -> &str {
            &self.0.unit
        }

        /// Caveats (which series, disagreements between sources).
        async fn notes(&self) -> Option<&str> {
            self.0.notes.as_deref()
        }

        /// Where the figure comes from, with as-of dates.
        async fn sources(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Source>> {
            crate::domains::sources::of::<entity::indicator::Model>(ctx, self.0.id).await
        }

        stamp;
    }
}

impl Served for entity::indicator::Model {
    const BY_ID: bool = true;
    const SOURCED: bool = true;
}

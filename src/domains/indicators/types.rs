//! National indicators as the API shows them.

use entity::indicator;

use crate::domains::sources::{Source, SourcesOf};
use crate::graphql::loaders::Served;

/// A national figure such as IT export receipts for a fiscal period.
#[derive(Clone, Debug)]
pub struct Indicator(pub indicator::Model);

crate::object! {
    /// A national figure such as IT export receipts for a fiscal period.
    impl Indicator {
        node "Indicator";

        /// What is measured, e.g. `stp_count` or `ict_exports_usd`.
        field key: &str;

        /// The period it covers (`FY2024-25`, `2025-02`...); a qualifier in
        /// parentheses tells apart figures from different sources for one period.
        field period: &str;

        /// The figure, in `unit`.
        field value: f64;

        /// The unit of `value` (`USD`, `count`, `people`, `sq ft`...).
        field unit: &str;

        /// Caveats (which series, disagreements between sources).
        field notes: Option<&str>;

        /// Where the figure comes from, with as-of dates.
        children sources: Vec<Source> of SourcesOf<indicator::Model>;

        stamp;
    }
}

impl Served for entity::indicator::Model {
    const BY_ID: bool = true;
    const SOURCED: bool = true;
    const NODE: Option<&'static str> = Some("Indicator");
}

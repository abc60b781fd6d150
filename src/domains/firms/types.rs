//! Firms as the API shows them.

use async_graphql::Context;
use entity::firm;

use crate::domains::sources::{Source, SourcesOf};
use crate::domains::tenancies::{TenanciesOfFirm, Tenancy};
use crate::graphql::loaders::Served;
use crate::store::filter::col;

/// A firm that rents (or rented) space in a park.
#[derive(Clone, Debug)]
pub struct Firm(pub firm::Model);

crate::object! {
    /// A firm that rents (or rented) space in a park.
    impl Firm {
        node "Firm";

        /// Stable public key, e.g. `techlogix-ltd`.
        field slug: &str;

        /// The firm's name as its sources give it.
        field name: &str;

        /// What the firm does, as its sources describe it; null when unknown.
        field sector: Option<&str>;

        /// Head count; null when no source gives one.
        field employees: Option<i32>;

        /// Every recorded tenancy of this firm, in any park, oldest record first.
        children tenancies: Vec<Tenancy> of TenanciesOfFirm;

        /// Where the facts about this firm come from, with as-of dates.
        children sources: Vec<Source> of SourcesOf<firm::Model>;

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
            Ok(self.0.summary(ctx).await?)
        }
    }
);

crate::aggregate! {
    /// Summary figures over every firm a filter matches.
    FirmAggregate, FirmNumbers ("firm", "firms") {
        /// Head count.
        employees = col(firm::Column::Employees),
    }
}

impl Served for firm::Model {
    const BY_ID: bool = true;
    const SOURCED: bool = true;
    const NODE: Option<&'static str> = Some("Firm");
    const SEARCHED: bool = true;
}

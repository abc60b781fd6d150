//! Organizations as the API shows them.

use async_graphql::Enum;
use entity::organization;

use crate::domains::parks::{ParkConnection, ParkFilter, ParkOrder};
use crate::domains::partners::{PartnersOfOrganization, ProjectPartner};
use crate::domains::sources::{Source, SourcesOf};
use crate::graphql::loaders::Served;
use crate::store::listing::Scope;

/// What kind of organization this is.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum OrganizationKind {
    /// A ministry, board, authority or other public body.
    Government,
    /// A university or other academic institution.
    University,
    /// A private company.
    Company,
    /// A lender or funder (e.g. Korea Eximbank).
    Financier,
    /// A real-estate or park developer.
    Developer,
    /// Anything else.
    Other,
}

/// A government body, university, company, financier or developer.
#[derive(Clone, Debug)]
pub struct Organization(pub organization::Model);

crate::object! {
    /// A government body, university, company, financier or developer.
    impl Organization {
        node "Organization";

        /// Stable public key, e.g. `pseb`.
        field slug: &str;

        /// The organization's name.
        field name: &str;

        /// What kind of organization this is.
        enum kind: OrganizationKind;

        /// Parks this organization runs. Same arguments as the root `parks`.
        list fn parks_operated(&self, ctx, filter: ParkFilter, order_by: ParkOrder, args) -> ParkConnection {
            let scope = Scope::child(entity::park::Column::OperatorId, self.0.id);
            crate::domains::parks::connection(ctx, filter, order_by, &args, scope)
        }

        /// The projects this organization takes part in, with its role in each.
        children projects: Vec<ProjectPartner> of PartnersOfOrganization;

        /// Sources that name this organization.
        children sources: Vec<Source> of SourcesOf<organization::Model>;

        stamp;
    }
}

crate::connection!(
    /// A page of organizations.
    OrganizationConnection, OrganizationEdge, Organization, organization::Model, {}
);

impl Served for organization::Model {
    const BY_ID: bool = true;
    const SOURCED: bool = true;
    const NODE: Option<&'static str> = Some("Organization");
    const SEARCHED: bool = true;
}

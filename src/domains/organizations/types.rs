//! Organizations as the API shows them.

use async_graphql::{Enum, ID};
use entity::organization;

use crate::domains::parks::{ParkConnection, ParkFilter, ParkOrder};
use crate::domains::partners::{PartnersOfOrganization, ProjectPartner};
use crate::domains::sources::Source;
use crate::graphql::kit::loader::children;
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
        /// Opaque global ID (Relay `Node`).
        pub async fn id(&self) -> ID {
            crate::graphql::node::global_id("Organization", self.0.id)
        }

        /// Stable public key, e.g. `pseb`.
        async fn slug(&self) -> &str {
            &self.0.slug
        }

        /// The organization's name.
        async fn name(&self) -> &str {
            &self.0.name
        }

        /// What kind of organization this is.
        async fn kind(&self) -> async_graphql::Result<OrganizationKind> {
            Ok(crate::graphql::enums::from_db(&self.0.kind)?)
        }

        /// Parks this organization runs. Same arguments as the root `parks`.
        list fn parks_operated(&self, ctx, filter: ParkFilter, order_by: ParkOrder, args) -> ParkConnection {
            let scope = Scope::child(entity::park::Column::OperatorId, self.0.id);
            crate::domains::parks::connection(ctx, filter, order_by, &args, scope)
        }

        /// The projects this organization takes part in, with its role in each.
        async fn projects(&self, ctx: &async_graphql::Context<'_>) -> async_graphql::Result<Vec<ProjectPartner>> {
            let rows = children::<PartnersOfOrganization>(ctx, self.0.id).await?;
            Ok(rows.into_iter().map(ProjectPartner).collect())
        }

        /// Sources that name this organization.
        async fn sources(&self, ctx: &async_graphql::Context<'_>) -> async_graphql::Result<Vec<Source>> {
            crate::domains::sources::of::<organization::Model>(ctx, self.0.id).await
        }

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
}

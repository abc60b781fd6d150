use async_graphql::{Context, Enum, ID, Object};
use entity::organization;
use sea_orm::sea_query::Expr;

use crate::connection;
use crate::domains::parks::{ParkConnection, ParkFilter, ParkOrder};
use crate::domains::projects::{PartnersOfOrganization, ProjectPartner};
use crate::domains::sources::Source;
use crate::graphql::loaders::Served;
use crate::store::listing::{PageArgs, Scope};

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

/// A government body, university, company, financier or developer.
#[Object]
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
    async fn parks_operated(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only records matching this filter.")] filter: Option<ParkFilter>,
        #[graphql(
            desc = "Sort keys, most significant first; ties are broken by id. Default: by id."
        )]
        order_by: Option<Vec<ParkOrder>>,
        #[graphql(
            desc = "At most this many records from the start, or after `after` (0 to 100; default 20)."
        )]
        first: Option<i32>,
        #[graphql(desc = "Only records after this cursor (from `endCursor` or an edge).")]
        after: Option<String>,
        #[graphql(
            desc = "At most this many records from the end, or before `before` (0 to 100); not with `first`."
        )]
        last: Option<i32>,
        #[graphql(desc = "Only records before this cursor (from `startCursor` or an edge).")]
        before: Option<String>,
    ) -> async_graphql::Result<ParkConnection> {
        let scope = Scope::Child {
            column: Expr::col((entity::park::Entity, entity::park::Column::OperatorId)),
            id: self.0.id,
        };
        let args = PageArgs::new(first, after, last, before);
        Ok(crate::domains::parks::connection(
            ctx, filter, order_by, &args, scope,
        )?)
    }

    /// The projects this organization takes part in, with its role in each.
    async fn projects(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<ProjectPartner>> {
        let rows =
            crate::graphql::kit::loader::children::<PartnersOfOrganization>(ctx, self.0.id).await?;
        Ok(rows.into_iter().map(ProjectPartner).collect())
    }

    /// Sources that name this organization.
    async fn sources(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Source>> {
        crate::domains::sources::of::<entity::organization::Model>(ctx, self.0.id).await
    }

    /// Bumped on every write; send it back with updates to avoid lost updates.
    async fn version(&self) -> i32 {
        self.0.version
    }

    /// When the record last changed (ISO-8601 UTC).
    async fn updated_at(&self) -> &str {
        &self.0.updated_at
    }
}

connection!(
    /// A page of organizations.
    OrganizationConnection, OrganizationEdge, Organization, organization::Model, {}
);

impl Served for entity::organization::Model {
    const BY_ID: bool = true;
    const SOURCED: bool = true;
}

use async_graphql::{Context, Object};

use super::inputs::{OrganizationFilter, OrganizationOrder};
use super::service;
use super::types::{Organization, OrganizationConnection};
use crate::db::Db;
use crate::relay::PageArgs;

/// Root fields for organizations.
#[derive(Default)]
pub struct OrganizationQuery;

#[Object]
impl OrganizationQuery {
    /// The organization with this slug; null when there is none.
    async fn organization(
        &self,
        ctx: &Context<'_>,
        slug: String,
    ) -> async_graphql::Result<Option<Organization>> {
        let db = ctx.data::<Db>()?;
        Ok(service::find_by_slug(db, &slug).await?.map(Organization))
    }

    /// Organizations, filtered and paged. Default order is by id.
    async fn organizations(
        &self,
        filter: Option<OrganizationFilter>,
        order_by: Option<Vec<OrganizationOrder>>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> async_graphql::Result<OrganizationConnection> {
        let args = PageArgs::new(first, after, last, before);
        Ok(OrganizationConnection(service::listing(
            filter, order_by, &args,
        )?))
    }
}

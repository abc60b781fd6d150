use async_graphql::{Context, Object};
use entity::{firm, park, tenancy};

use super::row::TenantRow;
use super::service::TenanciesOfFirm;
use crate::domains::firms::Firm;
use crate::domains::parks::Park;
use crate::graphql::kit::connection::{Connection, PageInfo};
use crate::graphql::kit::loader::Children;
use crate::graphql::kit::loader::PageLoader;
use crate::graphql::loaders::{LoaderSet, Served};

/// A firm renting space in a park over a period.
#[derive(Clone, Debug)]
pub struct Tenancy(pub tenancy::Model);

/// A firm renting space in a park over a period.
#[Object]
impl Tenancy {
    /// The park the space is in.
    async fn park(&self, ctx: &Context<'_>) -> async_graphql::Result<Park> {
        Ok(Park(
            crate::graphql::kit::loader::required::<park::Entity>(ctx, self.0.park_id).await?,
        ))
    }

    /// The firm renting it.
    async fn firm(&self, ctx: &Context<'_>) -> async_graphql::Result<Firm> {
        Ok(Firm(
            crate::graphql::kit::loader::required::<firm::Entity>(ctx, self.0.firm_id).await?,
        ))
    }

    /// Space rented, square feet; null when unknown.
    async fn area_sqft(&self) -> Option<i64> {
        self.0.area_sqft
    }

    /// When the tenancy began (ISO-8601, possibly just `YYYY`); null when unknown.
    async fn since(&self) -> Option<&str> {
        self.0.since.as_deref()
    }

    /// When it ended (ISO-8601); null while current or when unknown.
    async fn until(&self) -> Option<&str> {
        self.0.until.as_deref()
    }

    /// True when no end date is recorded.
    async fn current(&self) -> bool {
        self.0.until.is_none()
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

/// A firm in a park, with the terms of its tenancy.
pub struct TenancyEdge {
    cursor: crate::store::listing::Cursor,
    row: TenantRow,
}

/// A firm in a park, with the terms of its tenancy.
#[Object]
impl TenancyEdge {
    /// Opaque position of this edge; pass it as `after` or `before`.
    async fn cursor(&self) -> String {
        self.cursor.encode()
    }

    /// The tenant firm.
    async fn node(&self) -> Firm {
        Firm(self.row.firm.clone())
    }

    /// The terms: area, since, until.
    async fn tenancy(&self) -> Tenancy {
        Tenancy(self.row.tenancy.clone())
    }
}

/// A page of a park's tenants.
pub struct TenancyConnection(pub Connection<TenantRow>);

/// A page of a park's tenants.
#[Object]
impl TenancyConnection {
    /// The page's tenants with their tenancies and cursors.
    async fn edges(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<TenancyEdge>> {
        let page = self.0.page(ctx).await?;
        Ok(page
            .items
            .iter()
            .map(|(cursor, row)| TenancyEdge {
                cursor: cursor.clone(),
                row: row.clone(),
            })
            .collect())
    }

    /// The page's tenant firms (edges without tenancy terms or cursors).
    async fn nodes(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Firm>> {
        let page = self.0.page(ctx).await?;
        Ok(page
            .items
            .iter()
            .map(|(_, row)| Firm(row.firm.clone()))
            .collect())
    }

    /// Whether more pages exist, and the cursors at the page's ends.
    async fn page_info(&self, ctx: &Context<'_>) -> async_graphql::Result<PageInfo> {
        Ok(self.0.page_info(ctx).await?)
    }

    /// How many tenancies match the filter across all pages. Counted only when asked for.
    async fn total_count(&self, ctx: &Context<'_>) -> async_graphql::Result<i64> {
        Ok(self.0.total_count(ctx).await?)
    }
}

impl Served for entity::tenancy::Model {
    fn loaders(set: &mut LoaderSet<'_>) {
        set.cached(Children::<TenanciesOfFirm>::new);
        set.uncached(PageLoader::<TenantRow>::new);
    }
}

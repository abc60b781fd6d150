//! The part of parkgraph's schema that Q1-Q4 use, with the same names,
//! arguments and answers, resolved from `Data`.

use crate::data::{Data, Park, Project};
use async_graphql::{Context, Enum, InputObject, Object};

fn data<'a>(ctx: &Context<'a>) -> &'static Data {
    ctx.data_unchecked::<&'static Data>()
}

pub struct Query;

#[derive(Clone, Copy, PartialEq, Eq, Enum)]
pub enum ParkOrderField {
    Id,
    Name,
    AreaSqft,
}

#[derive(Clone, Copy, PartialEq, Eq, Enum, Default)]
pub enum OrderDirection {
    #[default]
    Asc,
    Desc,
}

#[derive(InputObject)]
pub struct ParkOrder {
    field: ParkOrderField,
    #[graphql(default)]
    direction: OrderDirection,
}

#[derive(InputObject)]
pub struct StringFilter {
    starts_with: Option<String>,
}

#[derive(InputObject)]
pub struct IntFilter {
    gte: Option<i64>,
}

#[derive(InputObject)]
pub struct CityFilter {
    name: Option<StringFilter>,
}

#[derive(InputObject)]
pub struct ParkFilter {
    city: Option<CityFilter>,
    area_sqft: Option<IntFilter>,
}

#[Object]
impl Query {
    async fn parks(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        order_by: Option<Vec<ParkOrder>>,
        filter: Option<ParkFilter>,
    ) -> ParkConnection {
        let order = order_by.as_ref().and_then(|o| o.first());
        let order = match order.map(|o| (o.field, o.direction)) {
            Some((ParkOrderField::Name, OrderDirection::Asc)) => Order::Name,
            Some((ParkOrderField::AreaSqft, OrderDirection::Desc)) => Order::AreaDesc,
            _ => Order::Id,
        };
        let first = first.unwrap_or(20).max(0) as usize;
        // Folded once, as the city names were at load.
        let mut filter = filter;
        let prefix =
            (filter.as_mut()).and_then(|f| f.city.as_mut()?.name.as_mut()?.starts_with.as_mut());
        if let Some(prefix) = prefix {
            *prefix = prefix.to_lowercase();
        }
        ParkConnection {
            data: data(ctx),
            order,
            filter,
            first,
        }
    }

    async fn project(&self, ctx: &Context<'_>, slug: String) -> Option<ProjectView> {
        data(ctx).projects.get(&slug).map(ProjectView)
    }
}

fn matches(data: &Data, park: &Park, filter: Option<&ParkFilter>) -> bool {
    let Some(filter) = filter else { return true };
    let prefix = filter
        .city
        .as_ref()
        .and_then(|c| c.name.as_ref()?.starts_with.as_deref());
    let city_ok = prefix.is_none_or(|p| data.cities[park.city].folded.starts_with(p));
    let gte = filter.area_sqft.as_ref().and_then(|a| a.gte);
    let area_ok = gte.is_none_or(|g| park.area_sqft.is_some_and(|a| a >= g));
    city_ok && area_ok
}

/// The orders a server from memory keeps ready.
#[derive(Clone, Copy)]
enum Order {
    Id,
    Name,
    AreaDesc,
}

pub struct ParkConnection {
    data: &'static Data,
    order: Order,
    filter: Option<ParkFilter>,
    first: usize,
}

impl ParkConnection {
    /// The matching parks in order, found as they are read.
    fn matching(&self) -> impl Iterator<Item = &'static Park> + '_ {
        let data = self.data;
        let order: Box<dyn Iterator<Item = usize>> = match self.order {
            Order::Id => Box::new(0..data.parks.len()),
            Order::Name => Box::new(data.parks_by_name.iter().copied()),
            Order::AreaDesc => Box::new(data.parks_by_area_desc.iter().copied()),
        };
        let filter = self.filter.as_ref();
        // Largest first: the parks below a least area end the list, as an
        // index on area would.
        let least = match self.order {
            Order::AreaDesc => filter.and_then(|f| f.area_sqft.as_ref()?.gte),
            _ => None,
        };
        order
            .map(|i| &data.parks[i])
            .take_while(move |p| least.is_none_or(|l| p.area_sqft.is_some_and(|a| a >= l)))
            .filter(move |p| matches(data, p, filter))
    }
}

#[Object]
impl ParkConnection {
    async fn total_count(&self) -> usize {
        self.matching().count()
    }

    async fn nodes(&self) -> Vec<ParkView> {
        self.matching().take(self.first).map(ParkView).collect()
    }
}

pub struct ParkView(&'static Park);

#[Object(name = "Park")]
impl ParkView {
    async fn slug(&self) -> &str {
        &self.0.slug
    }

    async fn name(&self) -> &str {
        &self.0.name
    }

    async fn area_sqft(&self) -> Option<i64> {
        self.0.area_sqft
    }

    async fn city(&self, ctx: &Context<'_>) -> CityView {
        CityView(&data(ctx).cities[self.0.city].name)
    }

    async fn tenants(&self, ctx: &Context<'_>, first: Option<i32>) -> TenancyConnection {
        let first = first.unwrap_or(20).max(0) as usize;
        let firms = &data(ctx).firms;
        let nodes = self
            .0
            .tenants
            .iter()
            .take(first)
            .map(|&f| FirmView(&firms[f]));
        TenancyConnection(nodes.collect())
    }
}

pub struct CityView(&'static str);

#[Object(name = "City")]
impl CityView {
    async fn name(&self) -> &str {
        self.0
    }
}

pub struct TenancyConnection(Vec<FirmView>);

#[Object]
impl TenancyConnection {
    async fn nodes(&self) -> &[FirmView] {
        &self.0
    }
}

pub struct FirmView(&'static crate::data::Firm);

#[Object(name = "Firm")]
impl FirmView {
    async fn name(&self) -> &str {
        &self.0.name
    }

    async fn employees(&self) -> Option<i32> {
        self.0.employees
    }
}

pub struct ProjectView(&'static Project);

#[Object(name = "Project")]
impl ProjectView {
    async fn name(&self) -> &str {
        &self.0.name
    }

    /// Already in the enum's spelling (a String costs what an enum does).
    async fn status(&self) -> &str {
        &self.0.status
    }

    async fn city(&self, ctx: &Context<'_>) -> CityView {
        CityView(&data(ctx).cities[self.0.city].name)
    }

    async fn park(&self, ctx: &Context<'_>) -> Option<ParkView> {
        self.0.park.map(|p| ParkView(&data(ctx).parks[p]))
    }

    async fn partners(&self, ctx: &Context<'_>) -> Vec<PartnerView> {
        let organizations = &data(ctx).organizations;
        (self.0.partners.iter())
            .map(|p| PartnerView(&p.role, &organizations[p.organization]))
            .collect()
    }

    async fn milestones(&self) -> Vec<MilestoneView> {
        self.0.milestones.iter().map(MilestoneView).collect()
    }
}

pub struct PartnerView(&'static str, &'static crate::data::Organization);

#[Object(name = "ProjectPartner")]
impl PartnerView {
    async fn role(&self) -> &str {
        self.0
    }

    async fn organization(&self) -> OrganizationView {
        OrganizationView(self.1)
    }
}

pub struct OrganizationView(&'static crate::data::Organization);

#[Object(name = "Organization")]
impl OrganizationView {
    async fn name(&self) -> &str {
        &self.0.name
    }

    async fn kind(&self) -> &str {
        &self.0.kind
    }
}

pub struct MilestoneView(&'static crate::data::Milestone);

#[Object(name = "Milestone")]
impl MilestoneView {
    async fn title(&self) -> &str {
        &self.0.title
    }

    async fn due(&self) -> Option<&str> {
        self.0.due.as_deref()
    }

    async fn reached(&self) -> Option<&str> {
        self.0.reached.as_deref()
    }
}

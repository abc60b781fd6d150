//! The schema: root objects merged from every domain, built without data for
//! SDL export, and the per-request data (DataLoaders) every request needs.
//! Nothing here knows about HTTP.

use async_graphql::dataloader::{DataLoader, HashMapCache, Loader};
use async_graphql::{EmptyMutation, EmptySubscription, MergedObject, Request, Schema, SchemaBuilder};
use entity::{city, firm, indicator, organization, park, project};

use crate::cities::CityQuery;
use crate::db::Db;
use crate::firms::FirmQuery;
use crate::indicators::IndicatorQuery;
use crate::loaders::{ById, Children};
use crate::node::NodeQuery;
use crate::organizations::OrganizationQuery;
use crate::parks::ParkQuery;
use crate::projects::{
    MilestonesOfProject, PartnersOfOrganization, PartnersOfProject, ProjectQuery, ProjectsOfPark,
};
use crate::relay::{PageLoader, StatsLoader};
use crate::search::SearchQuery;
use crate::sources::{
    CitySources, FirmSources, IndicatorSources, MilestoneSources, OrganizationSources,
    ParkSources, ProjectSources,
};
use crate::tenancies::{TenanciesOfFirm, TenantRow};

/// Every root query field, merged from the domains.
#[derive(MergedObject, Default)]
pub struct Query(
    NodeQuery,
    ParkQuery,
    FirmQuery,
    ProjectQuery,
    CityQuery,
    OrganizationQuery,
    IndicatorQuery,
    SearchQuery,
);

/// The schema type.
pub type AppSchema = Schema<Query, EmptyMutation, EmptySubscription>;

/// The schema's types and settings, with no data attached.
pub fn schema_builder() -> SchemaBuilder<Query, EmptyMutation, EmptySubscription> {
    Schema::build(Query::default(), EmptyMutation, EmptySubscription)
}

/// The schema in SDL, as checked in at `schema.graphql`.
pub fn sdl() -> String {
    schema_builder().finish().sdl()
}

/// The schema with the database attached.
pub fn build_schema(db: Db) -> AppSchema {
    schema_builder().data(db).finish()
}

fn loader<L: Loader<K>, K>(loader: L) -> DataLoader<L, HashMapCache>
where
    K: Send + Sync + std::hash::Hash + Eq + Clone + 'static,
{
    DataLoader::with_cache(loader, tokio::spawn, HashMapCache::default())
}

/// Attaches fresh DataLoaders to one request. They cache rows for this request
/// only, so no request sees another's rows.
pub fn with_loaders(request: Request, db: &Db) -> Request {
    let d = || db.clone();
    request
        .data(loader::<_, i32>(ById::<city::Entity>::new(d())))
        .data(loader::<_, i32>(ById::<organization::Entity>::new(d())))
        .data(loader::<_, i32>(ById::<park::Entity>::new(d())))
        .data(loader::<_, i32>(ById::<firm::Entity>::new(d())))
        .data(loader::<_, i32>(ById::<project::Entity>::new(d())))
        .data(loader::<_, i32>(ById::<indicator::Entity>::new(d())))
        .data(loader::<_, i32>(Children::<ProjectsOfPark>::new(d())))
        .data(loader::<_, i32>(Children::<TenanciesOfFirm>::new(d())))
        .data(loader::<_, i32>(Children::<PartnersOfProject>::new(d())))
        .data(loader::<_, i32>(Children::<PartnersOfOrganization>::new(d())))
        .data(loader::<_, i32>(Children::<MilestonesOfProject>::new(d())))
        .data(loader::<_, i32>(Children::<CitySources>::new(d())))
        .data(loader::<_, i32>(Children::<OrganizationSources>::new(d())))
        .data(loader::<_, i32>(Children::<ParkSources>::new(d())))
        .data(loader::<_, i32>(Children::<FirmSources>::new(d())))
        .data(loader::<_, i32>(Children::<ProjectSources>::new(d())))
        .data(loader::<_, i32>(Children::<MilestoneSources>::new(d())))
        .data(loader::<_, i32>(Children::<IndicatorSources>::new(d())))
        .data(DataLoader::new(PageLoader::<park::Model>::new(d()), tokio::spawn))
        .data(DataLoader::new(PageLoader::<project::Model>::new(d()), tokio::spawn))
        .data(DataLoader::new(PageLoader::<TenantRow>::new(d()), tokio::spawn))
        .data(DataLoader::new(StatsLoader::new(d()), tokio::spawn))
}

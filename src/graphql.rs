//! The schema: root objects merged from every domain, built without data for
//! SDL export, and the per-request data (DataLoaders) every request needs.
//! Nothing here knows about HTTP.

use std::time::Duration;

use async_graphql::dataloader::{DataLoader, HashMapCache, Loader};
use async_graphql::{
    EmptyMutation, EmptySubscription, MergedObject, Request, Schema, SchemaBuilder,
};
use entity::{city, firm, indicator, organization, park, project};

use crate::cities::CityQuery;
use crate::db::Db;
use crate::firms::FirmQuery;
use crate::indicators::IndicatorQuery;
use crate::loaders::{ById, Children, RequestLoader};
use crate::node::NodeQuery;
use crate::organizations::OrganizationQuery;
use crate::parks::ParkQuery;
use crate::projects::{
    MilestonesOfProject, PartnersOfOrganization, PartnersOfProject, ProjectQuery, ProjectsOfPark,
};
use crate::relay::{PageLoader, StatsLoader};
use crate::search::SearchQuery;
use crate::sources::{
    CitySources, FirmSources, IndicatorSources, MilestoneSources, OrganizationSources, ParkSources,
    ProjectSources,
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

fn cached<L: Loader<i32>>(loader: L, delay: Duration) -> RequestLoader<L> {
    DataLoader::with_cache(loader, tokio::spawn, HashMapCache::default()).delay(delay)
}

/// Attaches fresh DataLoaders to one request. They cache rows for this request
/// only, so no request sees another's rows. `delay` is how long each collects
/// keys before it queries.
pub fn with_loaders(request: Request, db: &Db, delay: Duration) -> Request {
    let db = || db.clone();
    request
        .data(cached(ById::<city::Entity>::new(db()), delay))
        .data(cached(ById::<organization::Entity>::new(db()), delay))
        .data(cached(ById::<park::Entity>::new(db()), delay))
        .data(cached(ById::<firm::Entity>::new(db()), delay))
        .data(cached(ById::<project::Entity>::new(db()), delay))
        .data(cached(ById::<indicator::Entity>::new(db()), delay))
        .data(cached(Children::<ProjectsOfPark>::new(db()), delay))
        .data(cached(Children::<TenanciesOfFirm>::new(db()), delay))
        .data(cached(Children::<PartnersOfProject>::new(db()), delay))
        .data(cached(Children::<PartnersOfOrganization>::new(db()), delay))
        .data(cached(Children::<MilestonesOfProject>::new(db()), delay))
        .data(cached(Children::<CitySources>::new(db()), delay))
        .data(cached(Children::<OrganizationSources>::new(db()), delay))
        .data(cached(Children::<ParkSources>::new(db()), delay))
        .data(cached(Children::<FirmSources>::new(db()), delay))
        .data(cached(Children::<ProjectSources>::new(db()), delay))
        .data(cached(Children::<MilestoneSources>::new(db()), delay))
        .data(cached(Children::<IndicatorSources>::new(db()), delay))
        .data(DataLoader::new(PageLoader::<park::Model>::new(db()), tokio::spawn).delay(delay))
        .data(DataLoader::new(PageLoader::<project::Model>::new(db()), tokio::spawn).delay(delay))
        .data(DataLoader::new(PageLoader::<TenantRow>::new(db()), tokio::spawn).delay(delay))
        .data(DataLoader::new(StatsLoader::new(db()), tokio::spawn).delay(delay))
}

//! The schema: root objects merged from every domain, built without data for
//! SDL export, and the per-request data (DataLoaders) every request needs.
//! Nothing here knows about HTTP.

use std::sync::Arc;
use std::time::Duration;

use async_graphql::dataloader::{DataLoader, HashMapCache, Loader};
use async_graphql::{
    EmptyMutation, EmptySubscription, MergedObject, Request, Response, Schema, SchemaBuilder,
};
use entity::{city, firm, indicator, organization, park, project};

use crate::batch::{Gate, Quiesce};
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

fn cached<L: Loader<i32>>(loader: L, gate: &Arc<Gate>) -> RequestLoader<L> {
    DataLoader::with_cache(loader, gate.spawner(), HashMapCache::default()).delay(Duration::ZERO)
}

fn uncached<L>(loader: L, gate: &Arc<Gate>) -> DataLoader<L> {
    DataLoader::new(loader, gate.spawner()).delay(Duration::ZERO)
}

/// Runs one request with fresh DataLoaders. They cache rows for this request
/// only, so no request sees another's rows, and each batches every key a
/// nesting level asks for into one statement (see [`crate::batch`]).
pub async fn execute(schema: &AppSchema, db: &Db, request: Request) -> Response {
    let gate = Arc::new(Gate::default());
    let request = with_loaders(request, db, &gate);
    Quiesce::new(schema.execute(request), gate).await
}

fn with_loaders(request: Request, db: &Db, gate: &Arc<Gate>) -> Request {
    let db = || db.clone();
    request
        .data(cached(ById::<city::Entity>::new(db()), gate))
        .data(cached(ById::<organization::Entity>::new(db()), gate))
        .data(cached(ById::<park::Entity>::new(db()), gate))
        .data(cached(ById::<firm::Entity>::new(db()), gate))
        .data(cached(ById::<project::Entity>::new(db()), gate))
        .data(cached(ById::<indicator::Entity>::new(db()), gate))
        .data(cached(Children::<ProjectsOfPark>::new(db()), gate))
        .data(cached(Children::<TenanciesOfFirm>::new(db()), gate))
        .data(cached(Children::<PartnersOfProject>::new(db()), gate))
        .data(cached(Children::<PartnersOfOrganization>::new(db()), gate))
        .data(cached(Children::<MilestonesOfProject>::new(db()), gate))
        .data(cached(Children::<CitySources>::new(db()), gate))
        .data(cached(Children::<OrganizationSources>::new(db()), gate))
        .data(cached(Children::<ParkSources>::new(db()), gate))
        .data(cached(Children::<FirmSources>::new(db()), gate))
        .data(cached(Children::<ProjectSources>::new(db()), gate))
        .data(cached(Children::<MilestoneSources>::new(db()), gate))
        .data(cached(Children::<IndicatorSources>::new(db()), gate))
        .data(uncached(PageLoader::<park::Model>::new(db()), gate))
        .data(uncached(PageLoader::<project::Model>::new(db()), gate))
        .data(uncached(PageLoader::<TenantRow>::new(db()), gate))
        .data(uncached(StatsLoader::new(db()), gate))
}

//! The schema: root objects merged from every domain, built without data for
//! SDL export, and the per-request data (DataLoaders) every request needs.
//! Nothing here knows about HTTP.

pub mod batching;
pub mod cache;
pub mod check;
pub mod enums;
pub mod kit;
pub mod limits;
pub mod loaders;
pub mod mutations;
pub mod node;
pub mod persisted;
pub mod request;
pub mod response_order;

use std::sync::Arc;

use async_graphql::parser::types::OperationType;
use async_graphql::{MergedObject, MergedSubscription, Request, Response, Schema, SchemaBuilder};

use crate::changes::{ChangeQuery, ChangeSubscription, FeedAccess, Hub};
use crate::config::Config;
use crate::dataset::licenses::LicenseQuery;
use crate::dataset::transfer::{ExportQuery, ImportMutation};
use crate::domains::cities::CityQuery;
use crate::domains::documents::{SourceDocumentMutation, SourceDocumentQuery};
use crate::domains::firms::{FirmMutation, FirmQuery};
use crate::domains::indicators::IndicatorQuery;
use crate::domains::milestones::MilestoneMutation;
use crate::domains::organizations::{OrganizationMutation, OrganizationQuery};
use crate::domains::park_claims::ParkClaimMutation;
use crate::domains::parks::{ParkMutation, ParkQuery};
use crate::domains::programmes::ProgrammeQuery;
use crate::domains::project_claims::ProjectClaimMutation;
use crate::domains::projects::{ProjectMutation, ProjectQuery};
use crate::domains::tenancies::{Freshness, TenancyMutation};
use crate::domains::tenancy_observations::TenancyObservationMutation;
use crate::graphql::batching::{Gate, Quiesce};
use crate::graphql::cache::{Lookup, ResponseCache};
use crate::graphql::limits::Admitted;
use crate::graphql::node::NodeQuery;
use crate::graphql::persisted::PersistedQueries;
use crate::graphql::request::{Front, refused};
use crate::search::SearchQuery;
use crate::store::{Db, Tally, counting};

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
    ProgrammeQuery,
    SourceDocumentQuery,
    SearchQuery,
    ChangeQuery,
    LicenseQuery,
    ExportQuery,
);

/// Every mutation, merged from the domains. Each needs an API key.
///
/// The mutations of one document are all-or-nothing: they run in document
/// order in one transaction, and each answer already shows what the fields
/// before it wrote. If any fails (bad input, `CONFLICT`, `FORBIDDEN`,
/// `NOT_FOUND`), none is written: `data` is null, the errors name the failing
/// field's path, the fields after it answer `NOT_RUN`, and the change feed
/// shows nothing.
#[derive(MergedObject, Default)]
pub struct Mutation(
    ParkMutation,
    ParkClaimMutation,
    FirmMutation,
    TenancyMutation,
    TenancyObservationMutation,
    ProjectMutation,
    ProjectClaimMutation,
    MilestoneMutation,
    OrganizationMutation,
    SourceDocumentMutation,
    ImportMutation,
);

/// Every subscription.
#[derive(MergedSubscription, Default)]
pub struct Subscription(ChangeSubscription);

/// The schema type.
pub type AppSchema = Schema<Query, Mutation, Subscription>;

/// The schema's types and settings, with no data attached.
pub fn schema_builder() -> SchemaBuilder<Query, Mutation, Subscription> {
    Schema::build(
        Query::default(),
        Mutation::default(),
        Subscription::default(),
    )
}

/// The schema in SDL, as checked in at `schema.graphql`.
pub fn sdl() -> String {
    schema_builder().finish().sdl()
}

/// The schema with the database and the change hub attached. Persisted
/// queries and the limits are in front of it: see [`crate::graphql::request`].
pub fn build_schema(db: Db, hub: Hub, config: &Config) -> AppSchema {
    let freshness = Freshness {
        months: config.tenancy_fresh_months,
        as_of: config.as_of,
    };
    let feed = FeedAccess {
        requires_key: config.feed_requires_key,
    };
    let mut builder = schema_builder()
        .data(db)
        .data(hub)
        .data(freshness)
        .data(feed);
    if !config.introspection {
        builder = builder.disable_introspection();
    }
    if config.production {
        builder = builder.disable_suggestions();
    }
    builder.finish()
}

/// What stands in front of the schema: persisted queries, then the limits.
pub fn build_front(config: &Config, persisted: Arc<PersistedQueries>) -> Front {
    Front::new(persisted, config.limits.clone(), &sdl())
}

/// Runs one request, past the [`Front`], with fresh DataLoaders. They cache
/// rows for this request only, so no request sees another's rows, and each
/// batches every key a nesting level asks for into one statement (see
/// [`crate::graphql::batching`]).
pub async fn execute(schema: &AppSchema, front: &Front, db: &Db, request: Request) -> Response {
    match execute_counted(schema, front, db, None, request).await.0 {
        Answer::Ran(response) => response,
        Answer::Kept(entry) => entry.response(),
    }
}

/// What a request is answered with.
// Moved once per request; boxing the response would allocate for every one.
#[allow(clippy::large_enum_variant)]
pub enum Answer {
    /// A response to send, as it ran.
    Ran(Response),
    /// An answer the response cache holds: kept before, or just now.
    Kept(Arc<cache::Entry>),
}

/// [`execute`], answering public queries from `cache` when it holds them
/// (and keeping their answers when it may); also returns how many SQL
/// statements the request ran.
pub async fn execute_counted(
    schema: &AppSchema,
    front: &Front,
    db: &Db,
    cache: Option<&ResponseCache>,
    mut request: Request,
) -> (Answer, u64) {
    // A key bound to a manifest may name its document by id alone.
    if let Err(error) = crate::auth::documents::admit(db, &mut request).await {
        return (Answer::Ran(refused(error)), 0);
    }
    front.fetch_shared(&request).await;
    let admitted = match front.admit(&mut request) {
        Ok(admitted) => admitted,
        Err(error) => return (Answer::Ran(refused(error)), 0),
    };
    front.share_registered().await;
    let operation = request.operation_name.clone();
    let operation = operation.as_deref();
    if let Some((cache, key)) = cache.and_then(|c| Some((c, cache::key_of(&mut request)?))) {
        let looked = Arc::new(Tally::default());
        let pending = match counting(looked.clone(), cache.lookup(db, key)).await {
            Lookup::Hit(entry) => return (Answer::Kept(entry), looked.statements()),
            Lookup::Miss(pending) => pending,
        };
        let gate = Gate::watching(cache.tables());
        let (response, tally) = read(schema, db, request, gate, &admitted, operation).await;
        let statements = looked.statements() + tally.statements();
        return match cache.keep(pending, tally.named(), &response) {
            Some(entry) => (Answer::Kept(entry), statements),
            None => (Answer::Ran(response), statements),
        };
    }
    let Some(document) = mutations::document_write(&mut request) else {
        let gate = Gate::default();
        let (response, tally) = read(schema, db, request, gate, &admitted, operation).await;
        return (Answer::Ran(response), tally.statements());
    };
    let gate = Arc::new(Gate::default());
    let tally = gate.tally.clone();
    let work = mutations::run(schema, db, request, document.clone(), gate);
    let mut response = counting(tally.clone(), work).await;
    admitted.finish(operation, &mut response);
    // After `finish`, so that what is kept for a retry is in the query's order.
    document.finish(&mut response).await;
    (Answer::Ran(response), tally.statements())
}

/// Runs a query with fresh loaders whose batches wait on `gate`; the
/// response in its query's order, and what its statements did.
async fn read(
    schema: &AppSchema,
    db: &Db,
    request: Request,
    gate: Gate,
    admitted: &Admitted,
    operation: Option<&str>,
) -> (Response, Arc<Tally>) {
    let gate = Arc::new(gate);
    let tally = gate.tally.clone();
    let request = loaders::with_loaders(request, db, &gate);
    let mut response = counting(tally.clone(), Quiesce::new(schema.execute(request), gate)).await;
    admitted.finish(operation, &mut response);
    (response, tally)
}

/// The schema and database as one [`async_graphql::Executor`], for transports
/// (the WebSocket) that drive execution themselves: queries and mutations go
/// through [`execute`], subscriptions get the same per-request loaders.
#[derive(Clone)]
pub struct Executor {
    /// The schema.
    pub schema: AppSchema,
    /// What every operation passes first.
    pub front: Arc<Front>,
    /// The database.
    pub db: Db,
}

impl async_graphql::Executor for Executor {
    async fn execute(&self, request: Request) -> Response {
        execute(&self.schema, &self.front, &self.db, request).await
    }

    fn execute_stream(
        &self,
        request: Request,
        session_data: Option<Arc<async_graphql::Data>>,
    ) -> futures::stream::BoxStream<'static, Response> {
        use futures::StreamExt as _;
        if !is_subscription(&request) {
            let this = self.clone();
            return futures::stream::once(async move { this.execute(request).await }).boxed();
        }
        let mut request = request;
        let admitted = match self.front.admit(&mut request) {
            Ok(admitted) => admitted,
            Err(error) => return futures::stream::once(async { refused(error) }).boxed(),
        };
        let operation = request.operation_name.clone();
        // Subscription events are resolved as they arrive; the batching gate
        // (driven by `Quiesce` for one-shot requests) falls back to its guard.
        let gate = Arc::new(Gate::default());
        let request = loaders::with_loaders(request, &self.db, &gate);
        let stream = match session_data {
            Some(data) => self.schema.execute_stream_with_session_data(request, data),
            None => self.schema.execute_stream(request),
        };
        stream
            .map(move |mut response| {
                admitted.finish(operation.as_deref(), &mut response);
                response
            })
            .boxed()
    }
}

fn is_subscription(request: &Request) -> bool {
    operation_type(request) == Some(OperationType::Subscription)
}

/// The type of the operation `request` would run; None when its document
/// does not parse or names no such operation (execution reports those).
pub fn operation_type(request: &Request) -> Option<OperationType> {
    let document = async_graphql::parser::parse_query(&request.query).ok()?;
    crate::graphql::response_order::operation(&document, request.operation_name.as_deref())
        .map(|op| op.node.ty)
}

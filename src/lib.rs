//! parkgraph: a GraphQL service for data about Pakistan's technology parks.
//!
//! # Layout
//!
//! The README's "Layout" shows the same map (a test keeps the two equal and
//! fails when a module is missing from it):
//!
//! ```text
//! src/                  bands from the edge down; a band uses only the bands below it
//!   main.rs cli/        the binary and its subcommands: mod.rs (serve, migrate, schema),
//!                       dataset.rs (seed, import, export), keys.rs (keys, trusted documents)
//!   app.rs              building the server: connect, migrate, seed, bind, serve
//!   config/             settings from the environment (values.rs), secrets redacted (redact.rs)
//!   error.rs            the one error enum and its codes
//!   telemetry.rs        logs and OpenTelemetry traces
//!   clock.rs            the time writes stamp
//!   http/               the edge: routes (mod.rs), GraphQL over HTTP (graphql.rs, params.rs,
//!                       negotiate.rs), over WebSocket (socket.rs: keys, limits), error bodies
//!                       (errors.rs), rate limits (rate.rs), metrics.rs,
//!                       graphiql/ (its files in the binary, assets.rs). Knows no tables.
//!   graphql/            the request: request.rs (admit, execute, finish), limits/ (analyze.rs,
//!                       config.rs, documents.rs, tokens.rs: depth, cost, aliases before parsing),
//!                       persisted.rs, batching.rs (one statement per nesting level), cache/
//!                       (the response cache: mod.rs, key.rs, generations.rs: what the
//!                       change log says changed),
//!                       response_order.rs, the schema (mod.rs), mutations.rs (a mutation
//!                       document's run, its Idempotency-Key), loaders.rs (what each record
//!                       serves), node.rs (global IDs), enums.rs, check/ (`schema check`:
//!                       breaking.rs, stored documents validated). Knows no axum.
//!     kit/              the GraphQL side every domain shares: object.rs (object!), connection.rs
//!                       (pages, aggregate!), filters.rs (operator inputs), inputs.rs (entity_filter!,
//!                       entity_order!), loader.rs, prefetch.rs, shape.rs (the one place a selection
//!                       becomes what SQL fetches), mutation.rs (mutation_item!)
//!   domains/            one folder per record, the same files in each:
//!                       record.rs (what it is, record!), types.rs (its API objects), inputs.rs
//!                       (filter, sort keys, write inputs), resolvers.rs (root fields, mutations),
//!                       service.rs (its own reads, when it has any), write.rs (its writes, when it
//!                       has any): cities city_coordinates organizations parks park_claims firms
//!                       tenancies tenancy_observations projects project_claims claims (the
//!                       vocabulary and API type of every claim) partners
//!                       milestones indicators sources documents programmes
//!                       programme_centres stp_evidence
//!   search/             search across names: service.rs (SQL), types.rs, resolvers.rs
//!   writes/             one-transaction writes (mod.rs: lock, change log), document.rs (a mutation
//!                       document's fields in one write), idempotency.rs, rows.rs
//!                       (insert, save, remove, each logged), lookup.rs, validate.rs (rules as
//!                       BAD_USER_INPUT), sources.rs (citations and their pages), figures.rs (a
//!                       project's or park's figures kept with its claims)
//!   auth/               API keys (keys.rs), scopes, the ownership rule (Actor::may_change),
//!                       trusted documents per key (documents.rs)
//!   changes/            the change feed: hub.rs (fan-out, LISTEN/NOTIFY), log.rs (its head), types.rs,
//!                       resolvers.rs
//!   dataset/            whole datasets: seed/ (read.rs, write.rs, synthetic.rs) and transfer/
//!                       (export.rs, files.rs, read.rs and find.rs: an import read against the
//!                       database by key, plan.rs, scope.rs, import.rs, resolvers.rs), and
//!                       licenses.rs (the licenses of data served beside our own)
//!   records/            what a stored record is: the Record trait (mod.rs), record! (declare.rs),
//!                       the one list of records (registry.rs), refs.rs (keys and ids), file.rs and
//!                       row.rs (reading rows), validate.rs (the rules), derived.rs (columns
//!                       that follow from other rows: a tenancy's sightings), figures.rs (a
//!                       project's or park's figures from its claims). Knows no GraphQL.
//!   store/              the SQL engine: the pool (mod.rs), listing/ (args.rs, keyset.rs, page.rs,
//!                       nested.rs, stats.rs), prefetch/ (children.rs, kin.rs), filter/ (literal.rs,
//!                       text.rs), rows.rs (rows by position), table.rs, tally.rs (a
//!                       request's statements and the tables they name), literal.rs, read.rs,
//!                       sqlite_plan.rs, shared.rs (what replicas share on PostgreSQL: rate
//!                       buckets, persisted documents). Knows no GraphQL and no record.
//! ```
//!
//! To add a kind of record, see the README's "Adding an entity".

pub mod app;
pub mod auth;
pub mod changes;
pub mod cli;
pub mod clock;
pub mod config;
pub mod dataset;
pub mod domains;
pub mod error;
pub mod graphql;
pub mod http;
pub mod records;
pub mod search;
pub mod store;
pub mod telemetry;
pub mod writes;

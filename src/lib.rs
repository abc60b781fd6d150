//! parkgraph: a GraphQL service for data about Pakistan's technology parks.
//!
//! # Layout
//! Data flows from HTTP down to the database and back:
//! - [`cli`] and [`app`]: the command line; building, binding and serving the server.
//! - [`http`]: routes, the GraphQL handler (request ids, error codes), GraphiQL,
//!   health and readiness. Knows nothing of tables.
//! - [`graphql`]: the schema merged from the domains, and per-request DataLoaders;
//!   [`batch`] makes each nesting level one batch. Knows nothing of axum.
//! - The domains, one folder each with the same files (`types`, `inputs`,
//!   `resolvers`, `service`, `loaders` where it has them): [`parks`], [`firms`],
//!   [`tenancies`], [`projects`], [`cities`], [`organizations`], [`indicators`],
//!   [`sources`], [`search`]; and [`node`] for global IDs.
//! - Shared machinery: [`relay`] (keyset connections, aggregates, nested pages),
//!   [`filters`] (operator inputs to SQL), [`loaders`] (by-id and child loaders),
//!   [`enums`] (GraphQL enums as stored text).
//! - [`db`] (the pool and its counters), [`error`] (the one error enum and its
//!   codes), [`config`], [`telemetry`], [`clock`].
//! - [`seed`]: validating and loading the shipped (or a synthetic) dataset.
//! - Writes: [`auth`] (API keys and scopes), [`writes`] (the one-transaction
//!   write with its lock, idempotency and change log; each writable domain adds
//!   `mutations` and `write`), [`changes`] (the change feed and subscriptions),
//!   [`transfer`] (export and all-or-nothing import).

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

//! parkgraph: a GraphQL service for data about Pakistan's technology parks.
//!
//! # Layout
//! - [`config`]: settings from the environment, with defaults.
//! - [`db`]: the connection pool and its statement counters.
//! - [`error`]: the one error enum and its GraphQL codes.
//! - [`relay`]: keyset connections, aggregates and nested-page loaders.
//! - [`filters`] and [`loaders`]: shared filter operators and DataLoader shapes.

pub mod config;
pub mod db;
pub mod enums;
pub mod error;
pub mod filters;
pub mod graphql;
pub mod loaders;
pub mod node;
pub mod relay;
pub mod telemetry;

pub mod app;
pub mod batch;
pub mod cities;
pub mod cli;
pub mod clock;
pub mod firms;
pub mod http;
pub mod indicators;
pub mod organizations;
pub mod parks;
pub mod projects;
pub mod search;
pub mod seed;
pub mod sources;
pub mod tenancies;

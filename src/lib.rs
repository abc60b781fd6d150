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
pub mod error;
pub mod filters;
pub mod loaders;
pub mod relay;
pub mod telemetry;
pub mod enums;
pub mod graphql;
pub mod node;

pub mod cities;
pub mod firms;
pub mod indicators;
pub mod organizations;
pub mod parks;
pub mod projects;
pub mod search;
pub mod sources;
pub mod tenancies;
pub mod clock;
pub mod seed;
pub mod app;
pub mod cli;
pub mod http;

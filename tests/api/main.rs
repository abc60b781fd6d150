//! The one integration-test binary: every test starts the real app on port 0
//! with a database of its own (see `helpers`).

mod helpers;

mod batching;
mod changes;
mod claims;
mod claims_stated;
mod cli;
mod collation;
mod columns;
mod contention;
mod dataset;
mod document_writes;
mod documents;
mod errors;
mod examples;
mod feed_sync;
mod filters;
mod graphiql;
mod http;
mod imports;
mod indicator_places;
mod keys;
mod layers;
mod limits;
mod lookups;
mod observations;
mod operations;
mod ownership;
mod pagination;
mod park_claims;
mod park_points;
mod persisted;
mod places;
mod programmes;
mod relations;
mod schema;
mod search;
mod seed;
mod sightings;
mod stats;
mod tenant_counts;
mod traffic;
mod transfer;
mod validation;
mod writes;

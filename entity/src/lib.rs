//! sea-orm entities for parkgraph's tables. No API concerns here: the server
//! crate wraps these models in its own GraphQL types.

pub mod api_key;
pub mod change;
pub mod city;
pub mod firm;
pub mod idempotency_key;
pub mod indicator;
pub mod milestone;
pub mod organization;
pub mod park;
pub mod project;
pub mod project_partner;
pub mod source;
pub mod tenancy;

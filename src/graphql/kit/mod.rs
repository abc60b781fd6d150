//! What the domains build their GraphQL side with. It names no domain.

pub mod connection;
pub mod filters;
pub mod inputs;
pub mod loader;
pub mod mutation;
pub mod object;
pub mod prefetch;
pub mod shape;

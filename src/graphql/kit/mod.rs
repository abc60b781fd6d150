//! What the domains build their GraphQL side with. It names no domain.

pub mod loader;

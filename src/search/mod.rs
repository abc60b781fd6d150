//! Text search across the names of parks, firms, projects, cities and
//! organizations, ranked exact match > prefix > contains.

mod resolvers;
mod service;
mod types;

pub use resolvers::SearchQuery;
pub use types::SearchResult;

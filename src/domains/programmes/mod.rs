//! Programmes that run centres across the country (the federal e-Rozgaar
//! centres of PSEB, PITB's e-Rozgaar centres in Punjab): each with the
//! organization that runs it, its centres where pages give their place,
//! the national figures about it (targets, counts) and its sources.

mod inputs;
mod record;
mod resolvers;
mod types;

pub use resolvers::ProgrammeQuery;
pub use types::{Programme, ProgrammeConnection};

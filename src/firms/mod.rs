//! Firms: the companies that rent space in parks (their tenancies live in
//! `tenancies`).

mod inputs;
mod resolvers;
mod service;
mod types;

pub use inputs::{FirmFilter, FirmOrder, FirmOrderField};
pub use resolvers::FirmQuery;
pub use types::{Firm, FirmConnection};

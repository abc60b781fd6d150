//! Firms: the companies that rent space in parks (their tenancies live in
//! `tenancies`).

mod inputs;
mod mutations;
mod record;
mod resolvers;
mod service;
mod types;
mod write;

pub use inputs::{FirmFilter, FirmOrder, FirmOrderField};
pub use mutations::{CreateFirmInput, FirmMutation, UpdateFirmInput};
pub use resolvers::FirmQuery;
pub use types::{Firm, FirmConnection};

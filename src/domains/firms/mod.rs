//! Firms: the companies that rent space in parks (their tenancies live in
//! `tenancies`).

mod inputs;
mod record;
mod resolvers;
mod types;
mod write;

pub use inputs::{CreateFirmInput, FirmFilter, FirmOrder, FirmOrderField, UpdateFirmInput};
pub use record::columns;
pub use resolvers::{FirmMutation, FirmQuery};
pub use types::{Firm, FirmConnection};

//! National figures (IT export receipts, STP counts, jobs...) by period, each
//! with its sources. A small table, served as a plain list.

mod inputs;
mod record;
mod resolvers;
mod service;
mod types;

pub use inputs::IndicatorFilter;
pub use resolvers::IndicatorQuery;
pub use types::Indicator;

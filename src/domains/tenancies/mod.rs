//! Tenancies: a firm renting space in a park over a period. They link parks and
//! firms (many-to-many, with history) and back `park.tenants` and
//! `firm.tenancies`.

mod record;
mod resolvers;
mod service;
mod types;
mod write;

pub use record::{Freshness, TenancyStatus, TenantRow, Window};
pub use resolvers::TenancyMutation;
pub use service::{TenantFilter, firm_ids_in_parks, park_ids_with_tenant, tenants_of_park};
pub use types::{TenanciesOfFirm, Tenancy, TenancyConnection, tenant_columns, window};

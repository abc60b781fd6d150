//! Tenancies: a firm renting space in a park over a period. They link parks and
//! firms (many-to-many, with history) and back `park.tenants` and
//! `firm.tenancies`.

mod service;
mod types;

pub use service::{TenanciesOfFirm, firm_ids_in_parks, park_ids_with_tenant, tenants_of_park};
pub use types::{Tenancy, TenancyConnection, TenantRow};

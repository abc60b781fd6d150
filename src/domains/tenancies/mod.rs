//! Tenancies: a firm renting space in a park over a period. They link parks and
//! firms (many-to-many, with history) and back `park.tenants` and
//! `firm.tenancies`.

mod mutations;
mod record;
mod row;
mod service;
mod types;
mod write;

pub use mutations::TenancyMutation;
pub use row::{TenantRow, wanted as tenant_columns_wanted};
pub use service::{TenanciesOfFirm, firm_ids_in_parks, park_ids_with_tenant, tenants_of_park};
pub use types::{Tenancy, TenancyConnection};

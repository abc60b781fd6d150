//! City-level evidence of Software Technology Parks: what each page says
//! about STPs in a city (among the 43 of FY2022-24, managed by PSEB, a
//! building identified, planned under the KP MoU...), with the count where
//! the page gives one. Read through `city.stpEvidence`; the parks a page
//! names one by one are `parks`.

mod record;
mod types;

pub use record::{StpEvidenceKind, StpStatus};
pub use types::{EvidenceOfCity, StpEvidence};

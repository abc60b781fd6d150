//! The domains, one folder each: what the API says about each kind of record.

pub mod cities;
pub mod city_coordinates;
pub mod claims;
pub mod documents;
pub mod firms;
pub mod indicators;
pub mod milestones;
pub mod organizations;
pub mod park_claims;
pub mod parks;
pub mod partners;
pub mod programme_centres;
pub mod programmes;
pub mod project_claims;
pub mod projects;
pub mod sources;
pub mod stp_evidence;
pub mod tenancies;
pub mod tenancy_observations;

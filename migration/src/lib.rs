//! parkgraph's schema, as backend-neutral sea-orm migrations that run unchanged on
//! SQLite and PostgreSQL. Migrations own the tables; the seed loader owns the data.

pub use sea_orm_migration::prelude::*;

mod helpers;
mod m20261127_000001_create_places_and_parks;
mod m20261127_000002_create_projects_and_facts;
mod m20261127_000003_create_keys_and_changes;
mod m20261128_000004_index_sort_and_filter_paths;
mod m20261128_000005_search_indexes;
mod m20261128_000006_park_tenant_counts;
mod m20261128_000007_sqlite_name_prefix_indexes;
mod m20261128_000008_covering_tenancy_indexes;
mod m20261206_000009_folded_text;
mod m20261206_000010_tenancy_sightings;
mod m20261206_000011_city_coordinates;
mod m20261206_000012_project_claims;
mod m20261206_000013_source_documents;
mod m20261206_000014_indicator_observations;
mod m20261206_000015_city_districts;
mod m20261206_000016_programmes;
mod m20261206_000017_stp_evidence;
mod m20261207_000018_claim_stated_by;
mod m20261207_000019_indicator_places_in_key;
mod m20261207_000020_park_points;
mod m20261207_000021_park_claims;
mod m20261207_000022_change_versions;
mod m20261207_000023_idempotent_responses;
mod m20261207_000024_change_log_trim;
mod m20261207_000025_shared_limits;
mod m20261207_000026_trusted_documents;
mod m20261207_000027_park_totals;

/// Every migration, oldest first.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261127_000001_create_places_and_parks::Migration),
            Box::new(m20261127_000002_create_projects_and_facts::Migration),
            Box::new(m20261127_000003_create_keys_and_changes::Migration),
            Box::new(m20261128_000004_index_sort_and_filter_paths::Migration),
            Box::new(m20261128_000005_search_indexes::Migration),
            Box::new(m20261128_000006_park_tenant_counts::Migration),
            Box::new(m20261128_000007_sqlite_name_prefix_indexes::Migration),
            Box::new(m20261128_000008_covering_tenancy_indexes::Migration),
            Box::new(m20261206_000009_folded_text::Migration),
            Box::new(m20261206_000010_tenancy_sightings::Migration),
            Box::new(m20261206_000011_city_coordinates::Migration),
            Box::new(m20261206_000012_project_claims::Migration),
            Box::new(m20261206_000013_source_documents::Migration),
            Box::new(m20261206_000014_indicator_observations::Migration),
            Box::new(m20261206_000015_city_districts::Migration),
            Box::new(m20261206_000016_programmes::Migration),
            Box::new(m20261206_000017_stp_evidence::Migration),
            Box::new(m20261207_000018_claim_stated_by::Migration),
            Box::new(m20261207_000019_indicator_places_in_key::Migration),
            Box::new(m20261207_000020_park_points::Migration),
            Box::new(m20261207_000021_park_claims::Migration),
            Box::new(m20261207_000022_change_versions::Migration),
            Box::new(m20261207_000023_idempotent_responses::Migration),
            Box::new(m20261207_000024_change_log_trim::Migration),
            Box::new(m20261207_000025_shared_limits::Migration),
            Box::new(m20261207_000026_trusted_documents::Migration),
            Box::new(m20261207_000027_park_totals::Migration),
        ]
    }
}

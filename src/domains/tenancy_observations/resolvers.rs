//! The mutations of tenancy observations (they are read through tenancies).

use super::inputs::TenancyObservationInput;
use super::types::TenancyObservation;
use super::write;

/// Writes to tenancy observations.
#[derive(Default)]
pub struct TenancyObservationMutation;

crate::object! {
    /// Writes to tenancy observations.
    impl TenancyObservationMutation {
        /// Records a sighting of a firm in a park, from a page that reports
        /// it; the tenancy's status follows. The firm must have a tenancy in
        /// the park (add it first). CONFLICT when the same sighting (park,
        /// firm, kind, date and page) is already recorded. Keys bound to an
        /// organization may only record sightings in parks it operates.
        write fn record_tenancy_observation(
            input: TenancyObservationInput = "The sighting.",
        ) -> TenancyObservation by Write, retry "recordTenancyObservation" => write::record;

        /// Deletes a sighting, named by its global fields.
        delete fn delete_tenancy_observation(
            park_slug: String = "The park's slug.",
            firm_slug: String = "The firm's slug.",
            kind: super::TenancyObservationKind = "What was observed.",
            observed_on: String = "When it held, as recorded.",
            source_url: String = "The page, as recorded.",
        ) by Write, retry "deleteTenancyObservation" => write::delete;
    }
}

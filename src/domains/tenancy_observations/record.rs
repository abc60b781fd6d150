//! What a tenancy observation (a sighting) is as a stored record, and the
//! kinds of sighting.

use async_graphql::Enum;
use entity::tenancy_observation::{Entity, Model};

use crate::graphql::enums::names;
use crate::records::Kind;

/// What was observed about a firm in a park.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum TenancyObservationKind {
    /// Named as a tenant (in a list of the park's firms, or of those a fire
    /// or a notice affected).
    ListedAsTenant,
    /// Its office in the park opened.
    OfficeOpened,
    /// It moved in.
    MovedIn,
    /// Its staff were reported at work in the park (presence inferred).
    StaffPresentInferred,
    /// It was served notice to vacate: present then, not an end by itself.
    EvictionNotice,
    /// It moved out: the tenancy ended.
    MovedOut,
    /// Its premises in the park were destroyed: the tenancy ended.
    PremisesDestroyed,
}

crate::store::rows::by_position! {
    Model {
        id, park_id, firm_id, kind, observed_on, area_sqft, source_url, quote, version,
        updated_at,
    }
}

crate::record! {
    Model in Entity as "tenancy_observation" from "tenancy_observations.csv",
        key [park_slug, firm_slug, kind, observed_on, source_url]
        near Parent(Kind::Park, "park_id");
    park_slug -> park_id: Park,
    firm_slug -> firm_id: Firm,
    kind: one_of(&names::<TenancyObservationKind>()),
    observed_on: required_date,
    area_sqft: count,
    source_url: url key of SourceDocument,
    quote: opt_text,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::derived::ENDING;

    #[test]
    fn the_kinds_that_end_a_tenancy_are_kinds_of_sighting() {
        let kinds = names::<TenancyObservationKind>();
        assert!(ENDING.iter().all(|end| kinds.contains(end)), "{ENDING:?}");
    }
}

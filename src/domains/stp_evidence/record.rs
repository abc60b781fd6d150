//! What a piece of STP evidence is as a stored record, and its kinds.

use async_graphql::Enum;
use entity::stp_evidence::{Entity, Model};

use crate::graphql::enums::names;
use crate::records::Kind;

/// What a page says about STPs in a city.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum StpEvidenceKind {
    /// Named by MoITT among the places of the 43 STPs PSEB set up in
    /// FY2022-24 (the parks are not named).
    AmongThe43Stps,
    /// PSEB is "presently managing" STPs here (27 in total; WealthPK).
    ManagedByPseb,
    /// Among the 15 technology parks that existed in July 2021, with their
    /// count here.
    Among15ExistingParks,
    /// PSEB had identified a building for a new STP.
    BuildingIdentified,
    /// A PSEB STP "under process".
    UnderProcess,
    /// A district chosen for an STP under the PSEB and KPITB MoU, first phase.
    KpMouDistrict,
    /// MoITT and PSEB working to set up an STP.
    WorkingToSetUp,
    /// An STP in "advanced stages" of setup, first phase.
    AdvancedStages,
}

/// Whether the evidence shows STPs there or one planned.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum StpStatus {
    /// STPs there when the page was written.
    Present,
    /// An STP planned, not yet shown open.
    Planned,
}

impl StpEvidenceKind {
    /// Whether it shows STPs there or one planned.
    pub fn status(self) -> StpStatus {
        match self {
            Self::AmongThe43Stps | Self::ManagedByPseb | Self::Among15ExistingParks => {
                StpStatus::Present
            }
            _ => StpStatus::Planned,
        }
    }
}

crate::store::rows::by_position! {
    Model { id, city_id, kind, stp_count, as_of, source_url, quote, version, updated_at }
}

crate::record! {
    Model in Entity as "stp_evidence" from "stp_evidence.csv",
        key [city_slug, kind, source_url] near Parent(Kind::City, "city_id");
    city_slug -> city_id: City,
    kind: one_of(&names::<StpEvidenceKind>()),
    stp_count: count,
    as_of: required_date,
    source_url: url key of SourceDocument,
    quote: opt_text,
}

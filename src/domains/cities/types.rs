//! Cities as the API shows them.

use async_graphql::Enum;
use entity::city;

use crate::domains::city_coordinates::{CoordinatesOfCity, GeoPoint};
use crate::domains::parks::{ParkConnection, ParkFilter, ParkOrder};
use crate::domains::projects::{ProjectConnection, ProjectFilter, ProjectOrder};
use crate::domains::sources::{Source, SourcesOf};
use crate::domains::stp_evidence::{EvidenceOfCity, StpEvidence};
use crate::graphql::kit::loader::children;
use crate::graphql::loaders::Served;
use crate::store::listing::Scope;

/// A province or territory of Pakistan.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum Province {
    /// Punjab.
    Punjab,
    /// Sindh.
    Sindh,
    /// Khyber Pakhtunkhwa.
    KhyberPakhtunkhwa,
    /// Balochistan.
    Balochistan,
    /// Islamabad Capital Territory.
    IslamabadCapitalTerritory,
    /// Gilgit-Baltistan.
    GilgitBaltistan,
    /// Azad Jammu and Kashmir.
    AzadJammuAndKashmir,
}

/// A city or district that has parks or projects.
#[derive(Clone, Debug)]
pub struct City(pub city::Model);

crate::object! {
    /// A city or district that has parks or projects.
    impl City {
        node "City";

        /// Stable public key, e.g. `karachi`.
        field slug: &str;

        /// The city's name as commonly written in English.
        field name: &str;

        /// The province or territory the city is in.
        enum province: Province;

        /// The district this town lies in, when the data holds the district
        /// as a city of its own (Mingora lies in Swat); null otherwise.
        ref district: Option<City> from district_id in city::Entity;

        /// Its point on the map, from GeoNames; null when none is known.
        async fn location(&self, ctx: &async_graphql::Context<'_>) -> async_graphql::Result<Option<GeoPoint>> {
            let points = children::<CoordinatesOfCity>(ctx, self.0.id).await?;
            Ok(points.into_iter().next().map(GeoPoint))
        }

        /// Parks in this city. Same arguments as the root `parks`; default order is by id.
        list fn parks(&self, ctx, filter: ParkFilter, order_by: ParkOrder, args) -> ParkConnection {
            let scope = Scope::child(entity::park::Column::CityId, self.0.id);
            crate::domains::parks::connection(ctx, filter, order_by, &args, scope)
        }

        /// Development projects in this city. Same arguments as the root `projects`.
        list fn projects(&self, ctx, filter: ProjectFilter, order_by: ProjectOrder, args) -> ProjectConnection {
            let scope = Scope::child(entity::project::Column::CityId, self.0.id);
            crate::domains::projects::connection(ctx, filter, order_by, &args, scope)
        }

        /// What pages say about Software Technology Parks here (among the 43
        /// of FY2022-24, managed by PSEB, planned...), each with its page;
        /// the parks a page names one by one are `parks`.
        children stp_evidence: Vec<StpEvidence> of EvidenceOfCity;

        /// Where the city's listing comes from (e.g. a ministry's list of STP locations).
        children sources: Vec<Source> of SourcesOf<city::Model>;

        stamp;
    }
}

crate::connection!(
    /// A page of cities.
    CityConnection, CityEdge, City, city::Model, {}
);

impl Served for city::Model {
    const BY_ID: bool = true;
    const SOURCED: bool = true;
    const NODE: Option<&'static str> = Some("City");
    const SEARCHED: bool = true;
}

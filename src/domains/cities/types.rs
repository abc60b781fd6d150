//! Cities as the API shows them.

use async_graphql::{Enum, ID};
use entity::city;

use crate::domains::parks::{ParkConnection, ParkFilter, ParkOrder};
use crate::domains::projects::{ProjectConnection, ProjectFilter, ProjectOrder};
use crate::domains::sources::Source;
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
        /// Opaque global ID (Relay `Node`).
        pub async fn id(&self) -> ID {
            crate::graphql::node::global_id("City", self.0.id)
        }

        /// Stable public key, e.g. `karachi`.
        async fn slug(&self) -> &str {
            &self.0.slug
        }

        /// The city's name as commonly written in English.
        async fn name(&self) -> &str {
            &self.0.name
        }

        /// The province or territory the city is in.
        async fn province(&self) -> async_graphql::Result<Province> {
            Ok(crate::graphql::enums::from_db(&self.0.province)?)
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

        /// Where the city's listing comes from (e.g. a ministry's list of STP locations).
        async fn sources(&self, ctx: &async_graphql::Context<'_>) -> async_graphql::Result<Vec<Source>> {
            crate::domains::sources::of::<city::Model>(ctx, self.0.id).await
        }

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
}

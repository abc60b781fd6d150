//! A point on the map as the API shows it, where parks are searched from,
//! and distances.

use async_graphql::InputObject;
use entity::city_coordinate;

use super::record::LocationBasis;
use crate::graphql::kit::loader::Children;
use crate::graphql::loaders::{LoaderSet, Served};

/// A point on the map (WGS 84): a city's, from GeoNames (CC BY 4.0; see
/// `dataLicenses`), or a park's own site, from the page the park names.
#[derive(Clone, Debug)]
pub struct GeoPoint(pub city_coordinate::Model);

crate::object! {
    /// A point on the map (WGS 84): a city's, from GeoNames (CC BY 4.0; see
    /// `dataLicenses`), or a park's own site, from the page the park names.
    impl GeoPoint {
        /// Degrees north.
        field latitude: f64;

        /// Degrees east.
        field longitude: f64;

        /// What the point stands for: the town's own, or its district seat's.
        enum basis: LocationBasis;

        /// The GeoNames place it is taken from (`https://www.geonames.org/{id}`);
        /// null for a park's own site.
        field geonames_id: Option<i64>;

        /// That place's name in GeoNames, which may be spelled otherwise.
        field geonames_name: Option<&str>;
    }
}

crate::child_of! {
    /// `city.location`: a city's coordinates (one at most).
    CoordinatesOfCity: city_coordinate by CityId(city_id)
}

impl Served for city_coordinate::Model {
    fn loaders(set: &mut LoaderSet<'_>) {
        set.cached(Children::<CoordinatesOfCity>::new);
    }
}

/// A point to search from, and how far.
#[derive(InputObject, Clone, Copy, Debug)]
pub struct NearInput {
    /// Degrees north, -90 to 90.
    pub latitude: f64,
    /// Degrees east, -180 to 180.
    pub longitude: f64,
    /// Only places at most this many kilometres away; any distance when
    /// left out (to sort by DISTANCE from the point).
    pub within_km: Option<f64>,
}

/// The great-circle distance between two points, kilometres (haversine, on
/// a sphere of the Earth's mean radius).
pub fn distance_km(from: (f64, f64), to: (f64, f64)) -> f64 {
    let (lat1, lat2) = (from.0.to_radians(), to.0.to_radians());
    let dlat = lat2 - lat1;
    let dlng = (to.1 - from.1).to_radians();
    let a = (dlat / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * (dlng / 2.0).sin().powi(2);
    2.0 * EARTH_KM * a.sqrt().asin()
}

/// The Earth's mean radius, kilometres.
pub const EARTH_KM: f64 = 6371.0;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn islamabad_to_karachi_is_about_1140_km() {
        let km = distance_km((33.72148, 73.04329), (24.8608, 67.0104));
        assert!((km - 1142.0).abs() < 15.0, "{km}");
        assert_eq!(distance_km((33.7, 73.0), (33.7, 73.0)), 0.0);
    }
}

//! What a city's coordinates are as a stored record, and what their point
//! stands for.

use async_graphql::Enum;
use entity::city_coordinate::{Entity, Model};

use crate::records::Kind;

/// What a point stands for.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum LocationBasis {
    /// The town's own point.
    Town,
    /// A district's: the point of its seat town (the record names a
    /// district, or a village GeoNames does not list).
    DistrictSeat,
    /// A park's own site, from the page `Park.locationSourceUrl` (never a
    /// city's).
    Site,
}

crate::store::rows::by_position! {
    Model {
        id, city_id, latitude, longitude, geonames_id, geonames_name, basis, version, updated_at,
    }
}

crate::record! {
    Model in Entity as "city_coordinate" from "city_coordinates.csv",
        key [city_slug] near Parent(Kind::City, "city_id"), referable;
    city_slug -> city_id: City,
    latitude: degrees(90.0),
    longitude: degrees(180.0),
    geonames_id: count,
    geonames_name: opt_text,
    basis: one_of(&["TOWN", "DISTRICT_SEAT"]),
}

//! What a park is as a stored record, and the kinds and statuses it may
//! have.

use async_graphql::Enum;
use entity::park::{Column, Entity, Model};

use crate::graphql::enums::names;
use crate::store::rows::{ALL, Wanted, bit};

/// What kind of park this is.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum ParkKind {
    /// A Software Technology Park (STP), most run by or with PSEB.
    SoftwareTechnologyPark,
    /// A large purpose-built IT park (Karachi IT Park, Islamabad IT Park).
    ItPark,
    /// A science or technology park, often university-led.
    TechnologyPark,
}

/// Where a park or project stands.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum ParkStatus {
    /// Announced or agreed, not yet being built.
    Planned,
    /// Being built.
    UnderConstruction,
    /// Open and hosting firms.
    Operational,
    /// No longer operating.
    Closed,
    /// The sources do not support any status.
    Unknown,
}

crate::store::rows::by_position! {
    Model {
        id, slug, name, kind, status, city_id, operator_id, area_sqft, opened_year, notes,
        version, updated_at, name_folded, latitude, longitude, location_url,
    }
}

crate::record! {
    Model in Entity as "park" from "parks.csv", key [slug], referable, slugged;
    slug: slug,
    name: text => name_folded,
    kind: one_of(&names::<ParkKind>()),
    status: one_of(&names::<ParkStatus>()),
    city_slug -> city_id: City,
    operator_slug -> operator_id: Organization,
    area_sqft: count,
    opened_year: year,
    notes: opt_text,
    latitude: opt_degrees(90.0),
    longitude: opt_degrees(180.0),
    location_url: opt_url key of SourceDocument,
    check |row| {
        let given = [row.opt("latitude"), row.opt("longitude"), row.opt("location_url")];
        if given.iter().any(Option::is_some) && !given.iter().all(Option::is_some) {
            row.fail("latitude", "a park's own point needs latitude, longitude and location_url");
        }
    }
}

/// The columns behind the park field `field` (of the API): a page of parks
/// reads only those of the fields its query selects. Q1 (each park's slug,
/// name and city) reads 4 of 16 columns, and the statement, its rows and
/// their decoding shrink with them. A field not listed reads them all.
pub fn columns(field: &str) -> Wanted {
    // Bit i is column i of `by_position!` above. `projects` and `sources`
    // read every column: through them tests/api/columns.rs asks for a
    // reference answer.
    match field {
        "__typename" => 0,
        "id" | "tenants" => bit(0),
        "slug" => bit(1),
        "name" => bit(2),
        "kind" => bit(3),
        "status" => bit(4),
        "city" => bit(5),
        "location" | "distanceKm" => bit(5) | bit(13) | bit(14),
        "locationSourceUrl" => bit(15),
        "operator" => bit(6),
        "areaSqft" => bit(7),
        "openedYear" => bit(8),
        "notes" => bit(9),
        "version" => bit(10),
        "updatedAt" => bit(11),
        _ => ALL,
    }
}

#[cfg(test)]
mod tests {
    use entity::park;
    use sea_orm::{IdenStatic, Iterable};

    #[test]
    fn park_columns_are_numbered_in_the_order_the_entity_lists_them() {
        let names: Vec<&str> = park::Column::iter().map(|c| c.as_str()).collect();
        assert_eq!(
            names.join(","),
            "id,slug,name,kind,status,city_id,operator_id,area_sqft,opened_year,notes,version,updated_at,name_folded,latitude,longitude,location_url"
        );
    }
}

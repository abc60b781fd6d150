//! What a park is as a stored record.

use entity::park::{Column, Entity, Model};

use super::types::{ParkKind, ParkStatus};
use crate::graphql::enums::names;
use crate::records::{Fields, Keys, Kind, Record, Refs, Row, Slugged, fields, reference};
use crate::store::rows::{ALL, Wanted, bit};

crate::store::rows::by_position! {
    Model {
        id, slug, name, kind, status, city_id, operator_id, area_sqft, opened_year, notes,
        version, updated_at, name_folded,
    }
}

impl Record for Model {
    type Table = Entity;
    const TYPE: &'static str = "park";
    const FILE: &'static str = "parks.csv";
    const HEADERS: &'static [&'static str] = &[
        "slug",
        "name",
        "kind",
        "status",
        "city_slug",
        "operator_slug",
        "area_sqft",
        "opened_year",
        "notes",
    ];
    const KEY: &'static [&'static str] = &["slug"];
    const EMBEDDED: &'static str = include_str!("../../../data/parks.csv");
    const REFERABLE: bool = true;

    crate::versioned!();
    fn fields(&self, refs: &Refs) -> Fields {
        fields(vec![
            ("slug", self.slug.clone().into()),
            ("name", self.name.clone().into()),
            ("kind", self.kind.clone().into()),
            ("status", self.status.clone().into()),
            ("city_slug", reference(refs, Kind::City, Some(self.city_id))),
            (
                "operator_slug",
                reference(refs, Kind::Organization, self.operator_id),
            ),
            ("area_sqft", self.area_sqft.into()),
            ("opened_year", self.opened_year.into()),
            ("notes", self.notes.clone().into()),
        ])
    }
    fn references(&self) -> Vec<(Kind, i32)> {
        let mut refs = vec![(Kind::City, self.city_id)];
        refs.extend(self.operator_id.map(|id| (Kind::Organization, id)));
        refs
    }
    crate::slugged!();
    fn from_row(r: &Row<'_>, keys: &Keys, id: i32, now: &str) -> Self {
        let (slug, name) = (r.slug("slug"), r.text("name"));
        Self {
            id,
            slug,
            name_folded: entity::fold(&name),
            name,
            kind: r.one_of("kind", &names::<ParkKind>()),
            status: r.one_of("status", &names::<ParkStatus>()),
            city_id: r
                .reference("city_slug", keys, Kind::City, true)
                .unwrap_or_default(),
            operator_id: r.reference("operator_slug", keys, Kind::Organization, false),
            area_sqft: r.count("area_sqft"),
            opened_year: r.int("opened_year"),
            notes: r.opt("notes"),
            version: 1,
            updated_at: now.to_owned(),
        }
    }
}

impl Slugged for Model {
    const SLUG: Column = Column::Slug;
    fn slug(&self) -> &str {
        &self.slug
    }
}

/// The columns behind the park field `field` (of the API): a page of parks
/// reads only those of the fields its query selects. Q1 (each park's slug,
/// name and city) reads 4 of 13 columns, and the statement, its rows and
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
            "id,slug,name,kind,status,city_id,operator_id,area_sqft,opened_year,notes,version,updated_at,name_folded"
        );
    }
}

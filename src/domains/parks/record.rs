//! What a park is as a stored record.

use entity::park::{Column, Entity, Model};

use super::types::{ParkKind, ParkStatus};
use crate::graphql::enums::names;
use crate::records::{Fields, Keys, Kind, Record, Refs, Row, Slugged, fields, reference};

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

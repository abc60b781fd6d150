//! What a project is as a stored record.

use entity::project::{Column, Entity, Model};

use crate::domains::parks::ParkStatus;
use crate::graphql::enums::names;
use crate::records::{Fields, Keys, Kind, Record, Refs, Row, Slugged, fields, reference};

crate::store::rows::by_position! {
    Model {
        id, slug, name, status, city_id, park_id, cost_usd, area_sqft, target_year, jobs_target,
        exports_target_usd, notes, version, updated_at, name_folded,
    }
}

impl Record for Model {
    type Table = Entity;
    const TYPE: &'static str = "project";
    const FILE: &'static str = "projects.csv";
    const HEADERS: &'static [&'static str] = &[
        "slug",
        "name",
        "status",
        "city_slug",
        "park_slug",
        "cost_usd",
        "area_sqft",
        "target_year",
        "jobs_target",
        "exports_target_usd",
        "notes",
    ];
    const KEY: &'static [&'static str] = &["slug"];
    const EMBEDDED: &'static str = include_str!("../../../data/projects.csv");
    const REFERABLE: bool = true;

    crate::versioned!();
    fn fields(&self, refs: &Refs) -> Fields {
        fields(vec![
            ("slug", self.slug.clone().into()),
            ("name", self.name.clone().into()),
            ("status", self.status.clone().into()),
            ("city_slug", reference(refs, Kind::City, Some(self.city_id))),
            ("park_slug", reference(refs, Kind::Park, self.park_id)),
            ("cost_usd", self.cost_usd.into()),
            ("area_sqft", self.area_sqft.into()),
            ("target_year", self.target_year.into()),
            ("jobs_target", self.jobs_target.into()),
            ("exports_target_usd", self.exports_target_usd.into()),
            ("notes", self.notes.clone().into()),
        ])
    }
    fn references(&self) -> Vec<(Kind, i32)> {
        let mut refs = vec![(Kind::City, self.city_id)];
        refs.extend(self.park_id.map(|id| (Kind::Park, id)));
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
            status: r.one_of("status", &names::<ParkStatus>()),
            city_id: r
                .reference("city_slug", keys, Kind::City, true)
                .unwrap_or_default(),
            park_id: r.reference("park_slug", keys, Kind::Park, false),
            cost_usd: r.amount("cost_usd"),
            area_sqft: r.count("area_sqft"),
            target_year: r.int("target_year"),
            jobs_target: r.count("jobs_target"),
            exports_target_usd: r.amount("exports_target_usd"),
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

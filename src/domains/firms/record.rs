//! What a firm is as a stored record.

use entity::firm::{Column, Entity, Model};

use crate::records::{Fields, Keys, Record, Refs, Row, Slugged, fields};
use crate::store::rows::{ALL, Wanted, bit};

crate::store::rows::by_position! {
    Model {
        id, slug, name, sector, employees, version, updated_at, name_folded, sector_folded,
    }
}

impl Record for Model {
    type Table = Entity;
    const TYPE: &'static str = "firm";
    const FILE: &'static str = "firms.csv";
    const HEADERS: &'static [&'static str] = &["slug", "name", "sector", "employees"];
    const KEY: &'static [&'static str] = &["slug"];
    const EMBEDDED: &'static str = include_str!("../../../data/firms.csv");
    const REFERABLE: bool = true;

    crate::versioned!();
    fn fields(&self, _: &Refs) -> Fields {
        fields(vec![
            ("slug", self.slug.clone().into()),
            ("name", self.name.clone().into()),
            ("sector", self.sector.clone().into()),
            ("employees", self.employees.into()),
        ])
    }
    crate::slugged!();
    fn from_row(r: &Row<'_>, _: &Keys, id: i32, now: &str) -> Self {
        let (slug, name, sector) = (r.slug("slug"), r.text("name"), r.opt("sector"));
        Self {
            id,
            slug,
            name_folded: entity::fold(&name),
            sector_folded: sector.as_deref().map(entity::fold),
            name,
            sector,
            employees: r.count("employees"),
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

/// The columns behind the firm field `field` (of the API), for reads that
/// take only those of the fields a query selects. A field not listed reads
/// them all.
pub fn columns(field: &str) -> Wanted {
    // Bit i is column i of `by_position!` above (the folded copies are
    // shown by no field). `tenancies` and `sources` read every column: they
    // are rare on a park's tenants, and through them tests/api/columns.rs
    // asks for a reference answer.
    match field {
        "__typename" => 0,
        "id" => bit(0),
        "slug" => bit(1),
        "name" => bit(2),
        "sector" => bit(3),
        "employees" => bit(4),
        "version" => bit(5),
        "updatedAt" => bit(6),
        _ => ALL,
    }
}

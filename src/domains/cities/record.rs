//! What a city is as a stored record.

use entity::city::{Column, Entity, Model};

use super::types::Province;
use crate::graphql::enums::names;
use crate::records::{Fields, Keys, Record, Refs, Row, Slugged, fields};

crate::store::rows::by_position! {
    Model { id, slug, name, province, version, updated_at, name_folded }
}

impl Record for Model {
    type Table = Entity;
    const TYPE: &'static str = "city";
    const FILE: &'static str = "cities.csv";
    const HEADERS: &'static [&'static str] = &["slug", "name", "province"];
    const KEY: &'static [&'static str] = &["slug"];
    const EMBEDDED: &'static str = include_str!("../../../data/cities.csv");
    const REFERABLE: bool = true;

    crate::versioned!();
    fn fields(&self, _: &Refs) -> Fields {
        fields(vec![
            ("slug", self.slug.clone().into()),
            ("name", self.name.clone().into()),
            ("province", self.province.clone().into()),
        ])
    }
    crate::slugged!();
    fn from_row(r: &Row<'_>, _: &Keys, id: i32, now: &str) -> Self {
        let (slug, name) = (r.slug("slug"), r.text("name"));
        Self {
            id,
            slug,
            name_folded: entity::fold(&name),
            name,
            province: r.one_of("province", &names::<Province>()),
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

//! What an organization is as a stored record.

use entity::organization::{Column, Entity, Model};

use super::types::OrganizationKind;
use crate::graphql::enums::names;
use crate::records::{Fields, Keys, Record, Refs, Row, Slugged, fields};

crate::store::rows::by_position! {
    Model { id, slug, name, kind, version, updated_at, name_folded }
}

impl Record for Model {
    type Table = Entity;
    const TYPE: &'static str = "organization";
    const FILE: &'static str = "organizations.csv";
    const HEADERS: &'static [&'static str] = &["slug", "name", "kind"];
    const KEY: &'static [&'static str] = &["slug"];
    const EMBEDDED: &'static str = include_str!("../../../data/organizations.csv");
    const REFERABLE: bool = true;

    crate::versioned!();
    fn fields(&self, _: &Refs) -> Fields {
        fields(vec![
            ("slug", self.slug.clone().into()),
            ("name", self.name.clone().into()),
            ("kind", self.kind.clone().into()),
        ])
    }
    crate::slugged!();
    fn from_row(r: &Row<'_>, _: &Keys, id: i32, now: &str) -> Self {
        // `none` is the group key of parks without an operator.
        if r.opt("slug").as_deref() == Some("none") {
            r.fail("slug", "`none` is reserved");
        }
        let (slug, name) = (r.slug("slug"), r.text("name"));
        Self {
            id,
            slug,
            name_folded: entity::fold(&name),
            name,
            kind: r.one_of("kind", &names::<OrganizationKind>()),
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

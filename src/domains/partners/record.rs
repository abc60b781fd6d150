//! What a project partner (an organization's role in a project) is as a
//! stored record.

use entity::project_partner::{Entity, Model};

use crate::records::{Fields, Keys, Kind, Record, Refs, Row, fields, reference};

crate::store::rows::by_position! {
    Model { id, project_id, organization_id, role, version, updated_at }
}

impl Record for Model {
    type Table = Entity;
    const TYPE: &'static str = "project_partner";
    const FILE: &'static str = "project_partners.csv";
    const HEADERS: &'static [&'static str] = &["project_slug", "organization_slug", "role"];
    const KEY: &'static [&'static str] = &["project_slug", "organization_slug", "role"];
    const EMBEDDED: &'static str = include_str!("../../../data/project_partners.csv");

    crate::versioned!();
    fn fields(&self, refs: &Refs) -> Fields {
        fields(vec![
            (
                "project_slug",
                reference(refs, Kind::Project, Some(self.project_id)),
            ),
            (
                "organization_slug",
                reference(refs, Kind::Organization, Some(self.organization_id)),
            ),
            ("role", self.role.clone().into()),
        ])
    }
    fn references(&self) -> Vec<(Kind, i32)> {
        vec![
            (Kind::Project, self.project_id),
            (Kind::Organization, self.organization_id),
        ]
    }
    fn from_row(r: &Row<'_>, keys: &Keys, id: i32, now: &str) -> Self {
        Self {
            id,
            project_id: r
                .reference("project_slug", keys, Kind::Project, true)
                .unwrap_or_default(),
            organization_id: r
                .reference("organization_slug", keys, Kind::Organization, true)
                .unwrap_or_default(),
            role: r.text("role"),
            version: 1,
            updated_at: now.to_owned(),
        }
    }
}

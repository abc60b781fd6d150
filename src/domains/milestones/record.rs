//! What a milestone (a dated step of a project) is as a stored record.

use entity::milestone::{Entity, Model};

use crate::records::{Fields, Keys, Kind, Record, Refs, Row, fields, reference};

crate::store::rows::by_position! {
    Model { id, project_id, title, due, reached, version, updated_at }
}

impl Record for Model {
    type Table = Entity;
    const TYPE: &'static str = "milestone";
    const FILE: &'static str = "milestones.csv";
    const HEADERS: &'static [&'static str] = &["project_slug", "title", "due", "reached"];
    const KEY: &'static [&'static str] = &["project_slug", "title"];
    const EMBEDDED: &'static str = include_str!("../../../data/milestones.csv");
    const REFERABLE: bool = true;

    crate::versioned!();
    fn fields(&self, refs: &Refs) -> Fields {
        fields(vec![
            (
                "project_slug",
                reference(refs, Kind::Project, Some(self.project_id)),
            ),
            ("title", self.title.clone().into()),
            ("due", self.due.clone().into()),
            ("reached", self.reached.clone().into()),
        ])
    }
    fn references(&self) -> Vec<(Kind, i32)> {
        vec![(Kind::Project, self.project_id)]
    }
    fn key(&self, refs: &Refs) -> String {
        format!(
            "{}|{}",
            refs.key(Kind::Project, self.project_id),
            self.title
        )
    }
    fn row_key(row: &Row<'_>) -> String {
        let project = row.opt("project_slug").unwrap_or_default();
        format!("{project}|{}", row.text("title"))
    }
    fn from_row(r: &Row<'_>, keys: &Keys, id: i32, now: &str) -> Self {
        Self {
            id,
            project_id: r
                .reference("project_slug", keys, Kind::Project, true)
                .unwrap_or_default(),
            title: r.key_part("title"),
            due: r.date("due"),
            reached: r.date("reached"),
            version: 1,
            updated_at: now.to_owned(),
        }
    }
}

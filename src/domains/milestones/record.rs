//! What a milestone (a dated step of a project) is as a stored record.

use entity::milestone::{Entity, Model};

use crate::records::Kind;

crate::store::rows::by_position! {
    Model { id, project_id, title, due, reached, version, updated_at }
}

crate::record! {
    Model in Entity as "milestone" from "milestones.csv", key [project_slug, title] near Parent(Kind::Project, "project_id"), referable;
    project_slug -> project_id: Project,
    title: key_part,
    due: date,
    reached: date,
}

//! What a project partner (an organization's role in a project) is as a
//! stored record.

use entity::project_partner::{Entity, Model};

use crate::records::Kind;

crate::store::rows::by_position! {
    Model { id, project_id, organization_id, role, version, updated_at }
}

crate::record! {
    Model in Entity as "project_partner" from "project_partners.csv",
        key [project_slug, organization_slug, role] near Parent(Kind::Project, "project_id"),
        referable;
    project_slug -> project_id: Project,
    organization_slug -> organization_id: Organization,
    role: text,
}

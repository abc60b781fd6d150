//! What an organization is as a stored record.

use entity::organization::{Column, Entity, Model};

use super::types::OrganizationKind;
use crate::graphql::enums::names;

crate::store::rows::by_position! {
    Model { id, slug, name, kind, version, updated_at, name_folded }
}

crate::record! {
    Model in Entity as "organization" from "organizations.csv", key [slug], referable, slugged;
    slug: slug,
    name: text => name_folded,
    kind: one_of(&names::<OrganizationKind>()),
    check |row| {
        // `none` is the group key of parks without an operator.
        if row.opt("slug").as_deref() == Some("none") {
            row.fail("slug", "`none` is reserved");
        }
    }
}

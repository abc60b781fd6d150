//! What an organization is as a stored record.

use entity::organization::{Column, Entity, Model};

use super::types::OrganizationKind;
use crate::graphql::enums::names;
use crate::records::validate::Rule;

crate::store::rows::by_position! {
    Model { id, slug, name, kind, version, updated_at, name_folded }
}

crate::record! {
    Model in Entity as "organization" from "organizations.csv", key [slug], referable, slugged;
    slug: slug,
    name: text => name_folded,
    kind: one_of(&names::<OrganizationKind>()),
    check |row| {
        if let Err(reason) = unreserved(&row.opt("slug").unwrap_or_default()) {
            row.fail("slug", reason);
        }
    }
}

/// An organization's slug may not be `none`: that is the group key of parks
/// without an operator.
pub fn unreserved(slug: &str) -> Rule<()> {
    if slug == "none" {
        return Err("`none` is reserved".to_owned());
    }
    Ok(())
}

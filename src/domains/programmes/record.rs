//! What a programme is as a stored record.

use entity::programme::{Column, Entity, Model};

crate::store::rows::by_position! {
    Model { id, slug, name, operator_id, launched_on, notes, version, updated_at }
}

crate::record! {
    Model in Entity as "programme" from "programmes.csv", key [slug], referable, slugged;
    slug: slug,
    name: text,
    operator_slug -> operator_id: Organization,
    launched_on: date,
    notes: opt_text,
}

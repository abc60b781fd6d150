//! What a city is as a stored record.

use entity::city::{Column, Entity, Model};

use super::types::Province;
use crate::graphql::enums::names;

crate::store::rows::by_position! {
    Model { id, slug, name, province, version, updated_at, name_folded, district_id }
}

crate::record! {
    Model in Entity as "city" from "cities.csv", key [slug], referable, slugged;
    slug: slug,
    name: text => name_folded,
    province: one_of(&names::<Province>()),
    district_slug -> district_id: City,
}

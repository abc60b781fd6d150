//! What a project is as a stored record.

use entity::project::{Column, Entity, Model};

use crate::domains::parks::ParkStatus;
use crate::graphql::enums::names;

crate::store::rows::by_position! {
    Model {
        id, slug, name, status, city_id, park_id, cost_usd, area_sqft, target_year, jobs_target,
        exports_target_usd, notes, version, updated_at, name_folded,
    }
}

crate::record! {
    Model in Entity as "project" from "projects.csv", key [slug], referable, slugged;
    slug: slug,
    name: text => name_folded,
    status: one_of(&names::<ParkStatus>()),
    city_slug -> city_id: City,
    park_slug -> park_id: Park,
    cost_usd: amount,
    area_sqft: count,
    target_year: year,
    jobs_target: count,
    exports_target_usd: amount,
    notes: opt_text,
}

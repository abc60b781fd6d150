//! What a firm is as a stored record.

use entity::firm::{Column, Entity, Model};

use crate::store::rows::{ALL, Wanted, bit};

crate::store::rows::by_position! {
    Model {
        id, slug, name, sector, employees, version, updated_at, name_folded, sector_folded,
    }
}

crate::record! {
    Model in Entity as "firm" from "firms.csv", key [slug], referable, slugged;
    slug: slug,
    name: text => name_folded,
    sector: opt_text => sector_folded,
    employees: count,
}

/// The columns behind the firm field `field` (of the API), for reads that
/// take only those of the fields a query selects. A field not listed reads
/// them all.
pub fn columns(field: &str) -> Wanted {
    // Bit i is column i of `by_position!` above (the folded copies are
    // shown by no field). `tenancies` and `sources` read every column: they
    // are rare on a park's tenants, and through them tests/api/columns.rs
    // asks for a reference answer.
    match field {
        "__typename" => 0,
        "id" => bit(0),
        "slug" => bit(1),
        "name" => bit(2),
        "sector" => bit(3),
        "employees" => bit(4),
        "version" => bit(5),
        "updatedAt" => bit(6),
        _ => ALL,
    }
}

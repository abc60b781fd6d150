//! Which columns of `park` a page of parks reads: those behind the fields the
//! query selects on its nodes. Q1 (each park's slug, name and city) reads 4
//! of 12 columns, and the statement, its rows and their decoding shrink with
//! them.

use async_graphql::Context;

use crate::graphql::kit::shape::node_fields;
use crate::store::rows::{ALL, Wanted};

/// The park columns that the connection being resolved in `ctx` reads: those
/// behind the fields selected on its nodes, and the id. A field not listed
/// here reads them all.
pub fn wanted(ctx: &Context<'_>) -> Wanted {
    node_fields(ctx)
        .into_iter()
        .map(columns)
        .fold(bit(0), |a, b| a | b)
}

const fn bit(i: usize) -> Wanted {
    1 << i
}

// Bit i is column i of park::Model::COLUMNS: id, slug, name, kind, status,
// city_id, operator_id, area_sqft, opened_year, notes, version, updated_at
// (and name_folded, which no field shows).
// `projects` and `sources` are left to read every column: through them
// tests/api/columns.rs asks for a reference answer.
fn columns(field: &str) -> Wanted {
    match field {
        "__typename" => 0,
        "id" | "tenants" => bit(0),
        "slug" => bit(1),
        "name" => bit(2),
        "kind" => bit(3),
        "status" => bit(4),
        "city" => bit(5),
        "operator" => bit(6),
        "areaSqft" => bit(7),
        "openedYear" => bit(8),
        "notes" => bit(9),
        "version" => bit(10),
        "updatedAt" => bit(11),
        _ => ALL,
    }
}

#[cfg(test)]
mod tests {
    use entity::park;
    use sea_orm::{IdenStatic, Iterable};

    #[test]
    fn park_columns_are_numbered_in_the_order_the_entity_lists_them() {
        let names: Vec<&str> = park::Column::iter().map(|c| c.as_str()).collect();
        assert_eq!(
            names.join(","),
            "id,slug,name,kind,status,city_id,operator_id,area_sqft,opened_year,notes,version,updated_at,name_folded"
        );
    }
}

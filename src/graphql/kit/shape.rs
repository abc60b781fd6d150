//! What a query selects, read from the look-ahead, so a list or lookup reads
//! only what will be shown: the columns behind the selected fields, the
//! to-one relations selected on its rows, and (on PostgreSQL) a lookup's
//! selected lists in its own statement.

use async_graphql::Context;
use sea_orm::DbBackend;

use crate::store::Db;

/// True when the current field (an object) selects `field`, directly or
/// through fragments.
pub fn selects(ctx: &Context<'_>, field: &str) -> bool {
    ctx.look_ahead().field(field).exists()
}

/// True when the current field (a connection) selects `field` of its nodes,
/// under `nodes` or `edges { node }`.
pub fn selects_in_nodes(ctx: &Context<'_>, field: &str) -> bool {
    let look = ctx.look_ahead();
    look.field("nodes").field(field).exists()
        || look.field("edges").field("node").field(field).exists()
}

/// The names of the fields the current field (a connection) selects on its
/// nodes, under `nodes` or `edges { node }`, fragments included.
pub fn node_fields<'a>(ctx: &'a Context<'_>) -> Vec<&'a str> {
    let look = ctx.look_ahead();
    let edges = look.field("edges");
    let nodes = edges.selection_fields().into_iter().flat_map(|e| {
        e.selection_set()
            .filter(|f| f.name() == "node")
            .collect::<Vec<_>>()
    });
    let nodes = look
        .field("nodes")
        .selection_fields()
        .into_iter()
        .chain(nodes);
    nodes
        .flat_map(|n| n.selection_set().map(|f| f.name()).collect::<Vec<_>>())
        .collect()
}

/// Whether a lookup reads the lists it selects in its own statement (see
/// `store::prefetch::Join::children`): on PostgreSQL, where a statement
/// costs a round trip.
pub fn nests_children(ctx: &Context<'_>) -> bool {
    ctx.data::<Db>()
        .is_ok_and(|db| db.backend() == DbBackend::Postgres)
}

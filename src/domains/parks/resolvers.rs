//! The root fields and mutations for parks.

use async_graphql::Context;
use entity::{city, organization, park};

use super::inputs::{CreateParkInput, ParkFilter, ParkOrder, UpdateParkInput};
use super::record::columns;
use super::service::{self, Near};
use super::types::{Park, ParkConnection, ParkStats};
use super::write;
use crate::domains::city_coordinates::NearInput;
use crate::domains::projects::ProjectsOfPark;
use crate::domains::sources::SourcesOf;
use crate::error::AppResult;
use crate::graphql::kit::connection::Connection;
use crate::graphql::kit::prefetch::join_to;
use crate::graphql::kit::prefetch::{by_slug, join_children};
use crate::graphql::kit::shape::{nests_children, node_fields, selects, selects_in_nodes};
use crate::store::listing::{PageArgs, Scope, list};
use crate::store::prefetch::Join;
use crate::store::rows::bit;

/// Root fields for parks.
#[derive(Default)]
pub struct ParkQuery;

crate::object! {
    /// Root fields for parks.
    impl ParkQuery {
        /// The park with this slug; null when there is none.
        lookup fn park(&self, ctx, slug) -> Park {
            Ok(by_slug::<park::Model>(ctx, &slug, &lookup_joins(ctx)).await?.map(Park))
        }

        /// Parks, filtered, sorted and paged. Default order is by id. With
        /// `near`, only parks within `withinKm` of the point, and DISTANCE
        /// from it as a sort key.
        list fn parks(&self, ctx, filter: ParkFilter, order_by: ParkOrder, args,
            near: Option<NearInput> = "A point to search from (a park's point is its city's).")
            -> ParkConnection {
            let near = near.map(Near::checked).transpose()?;
            connection_near(ctx, filter, order_by, near, &args, Scope::Root)
        }

        /// Aggregates over the parks that match the filter (all parks without one).
        async fn park_stats(
            &self,
            ctx: &Context<'_>,
            #[graphql(desc = "Only parks matching this filter; all parks without one.")]
            filter: Option<ParkFilter>,
        ) -> async_graphql::Result<ParkStats> {
            let parks = list::<_, ParkOrder>(filter, None, &PageArgs::default(), Scope::Root)?;
            Ok(ParkStats::new(Connection::new(parks, ctx), ctx))
        }
    }
}

/// What a park lookup reads in its statement: its city and operator when
/// selected, and its projects and sources where lookups nest lists (see
/// [`nests_children`]).
fn lookup_joins(ctx: &Context<'_>) -> Vec<Join> {
    let mut joins = joins(|field| selects(ctx, field));
    if nests_children(ctx) {
        let id = park::Column::Id;
        if selects(ctx, "projects") {
            joins.push(join_children::<ProjectsOfPark>("park_projects", id));
        }
        if selects(ctx, "sources") {
            joins.push(join_children::<SourcesOf<park::Model>>("park_sources", id));
        }
    }
    joins
}

/// Writes to parks.
#[derive(Default)]
pub struct ParkMutation;

crate::object! {
    /// Writes to parks.
    impl ParkMutation {
        /// Creates a park. Needs a `write` key; a key bound to an organization may
        /// only create parks that organization operates.
        write fn create_park(input: CreateParkInput = "The new park.")
            -> Park by Write, retry "createPark" => write::create;

        /// Changes a park. `version` must equal the park's current version, else
        /// CONFLICT and nothing changes.
        write fn update_park(
            slug: String = "The park's slug.",
            version: i32 = "The version you last read (`Park.version`).",
            input: UpdateParkInput = "The changes.",
        ) -> Park by Write, retry "updatePark" => write::update;

        /// Deletes a park. With tenancies or projects it is CONFLICT unless
        /// `cascade` is true, which deletes its tenancies and unlinks its projects.
        delete fn delete_park(
            slug: String = "The park's slug.",
            version: i32 = "The version you last read (`Park.version`).",
            cascade: Option<bool> = "Also delete its tenancies and unlink its projects."
                default "Some(false)",
        ) by Write, retry "deletePark" => write::delete;
    }
}

/// A park connection, for the root and for `city.parks`/`organization.parksOperated`:
/// reads only the columns behind the fields selected on its parks, and each
/// park's city and operator with the page when the query selects them.
pub fn connection(
    ctx: &Context<'_>,
    filter: Option<ParkFilter>,
    order_by: Option<Vec<ParkOrder>>,
    args: &PageArgs,
    scope: Scope,
) -> AppResult<ParkConnection> {
    connection_near(ctx, filter, order_by, None, args, scope)
}

/// [`connection`] from a point: only parks `near` it, or sorted by
/// DISTANCE from it.
pub fn connection_near(
    ctx: &Context<'_>,
    filter: Option<ParkFilter>,
    order_by: Option<Vec<ParkOrder>>,
    near: Option<Near>,
    args: &PageArgs,
    scope: Scope,
) -> AppResult<ParkConnection> {
    let wanted = node_fields(ctx).into_iter().map(columns);
    let listing = service::listing(filter, order_by, near, args, scope)?
        .narrowed::<park::Entity>(wanted.fold(bit(0), |a, b| a | b))
        .join(joins(|field| selects_in_nodes(ctx, field)));
    Ok(ParkConnection(Connection::new(listing, ctx)))
}

/// The to-one relations of a park that `selected` asks for.
pub fn joins(selected: impl Fn(&str) -> bool) -> Vec<Join> {
    let mut joins = Vec::new();
    if selected("city") {
        joins.push(join_to::<city::Entity>("park_city", park::Column::CityId));
    }
    if selected("operator") {
        let operator = join_to::<organization::Entity>("park_operator", park::Column::OperatorId);
        joins.push(operator);
    }
    joins
}

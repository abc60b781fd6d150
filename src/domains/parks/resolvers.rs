//! The root fields and mutations for parks.

use async_graphql::Context;
use entity::park;

use super::inputs::{CreateParkInput, ParkFilter, ParkOrder, UpdateParkInput};
use super::service::Near;
use super::types::{Park, ParkConnection, ParkStats, connection_near, joins};
use super::write;
use crate::domains::city_coordinates::NearInput;
use crate::domains::projects::ProjectsOfPark;
use crate::domains::sources::SourcesOf;
use crate::graphql::kit::connection::Connection;
use crate::graphql::kit::prefetch::{by_slug, join_children};
use crate::graphql::kit::shape::{nests_children, selects};
use crate::store::listing::{PageArgs, Scope, list};
use crate::store::prefetch::Join;

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
        ) by Write => write::delete;
    }
}

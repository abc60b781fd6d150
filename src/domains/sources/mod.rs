//! Citations: where a record or a figure comes from and as of when. Any record
//! can carry several; they are stored against (record type, record id).

mod loaders;
mod record;
mod types;

pub use loaders::{
    CitySources, FirmSources, IndicatorSources, MilestoneSources, OrganizationSources, ParkSources,
    ProjectSources,
};
pub use types::Source;

use async_graphql::Context;
use entity::source;

use crate::graphql::loaders::{ChildOf, children};

/// The sources of one record, in the order they were recorded.
pub async fn load<C>(ctx: &Context<'_>, record_id: i32) -> async_graphql::Result<Vec<Source>>
where
    C: ChildOf<Entity = source::Entity>,
{
    Ok(children::<C>(ctx, record_id)
        .await?
        .into_iter()
        .map(Source)
        .collect())
}

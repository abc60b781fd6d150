//! Citations: where a record or a figure comes from and as of when. Any record
//! can carry several; they are stored against (record type, record id).

mod loaders;
mod record;
mod types;

pub use loaders::SourcesOf;
pub use types::Source;

use async_graphql::Context;

use crate::graphql::kit::loader::children;
use crate::records::Record;

/// The sources of record `record_id` of `R`, in the order they were recorded.
pub async fn of<R: Record>(
    ctx: &Context<'_>,
    record_id: i32,
) -> async_graphql::Result<Vec<Source>> {
    Ok(children::<SourcesOf<R>>(ctx, record_id)
        .await?
        .into_iter()
        .map(Source)
        .collect())
}

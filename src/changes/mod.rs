//! The change feed: every write's entry in the `change` log, paged in commit
//! order (`Query.changes`) and pushed live (`Subscription.changes`) on every
//! replica (PostgreSQL LISTEN/NOTIFY carries commits between processes).

mod hub;
mod log;
mod resolvers;
mod types;

pub use hub::{CHANNEL, Hub};
pub use log::{head, trim, trimmed_through};
pub use resolvers::{ChangeQuery, ChangeSubscription, FeedAccess};
pub use types::{Change, ChangeConnection, ChangeFilter, ChangeOperation, encode as cursor};

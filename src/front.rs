//! What every operation passes on its way to the schema, whether it came
//! over HTTP or a WebSocket: persisted-query resolution, then the abuse
//! limits; and on its way back, the response put in its query's field order,
//! with its cost.
//!
//! These were async-graphql extensions. With any extension installed,
//! async-graphql wraps every field and every list item it resolves in the
//! extension chain (boxed futures, a registry lookup, and two formatted type
//! names per list item), although ours only looked at the request: a sixth
//! of the instructions of Q2's 1,000 tenants.

use std::sync::Arc;

use async_graphql::{Request, Response, ServerResult};

use crate::limits::{Admitted, Guard, Limits};
use crate::persisted::PersistedQueries;

/// Persisted queries and the limits, in that order: persisted queries supply
/// the document the limits measure.
pub struct Front {
    persisted: Arc<PersistedQueries>,
    limits: Guard,
}

impl Front {
    /// The front for a schema whose SDL is `sdl`.
    pub fn new(persisted: Arc<PersistedQueries>, limits: Limits, sdl: &str) -> Self {
        Self {
            persisted,
            limits: Guard::new(limits, sdl),
        }
    }

    /// Resolves and checks `request`; an error is the whole response.
    pub fn admit(&self, request: &mut Request) -> ServerResult<Admitted> {
        self.persisted.resolve(request)?;
        self.limits.admit(request)
    }
}

/// The response to a request that [`Front::admit`] refused.
pub fn refused(error: async_graphql::ServerError) -> Response {
    Response::from_errors(vec![error])
}

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

use crate::graphql::limits::{Admitted, Guard, Limits};
use crate::graphql::persisted::PersistedQueries;

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

    /// What must be read before [`Front::admit`]: a persisted document
    /// another replica registered (PostgreSQL only, and only on a miss).
    pub async fn fetch_shared(&self, request: &Request) {
        self.persisted.fetch_shared(request).await;
    }

    /// After [`Front::admit`]: shares what it registered with other replicas.
    pub async fn share_registered(&self) {
        self.persisted.share_registered().await;
    }

    /// Resolves and checks `request`; an error is the whole response.
    pub fn admit(&self, request: &mut Request) -> ServerResult<Admitted> {
        self.persisted.resolve(request)?;
        let admitted = self.limits.admit(request)?;
        required_variables(request)?;
        Ok(admitted)
    }
}

/// Every variable the operation requires (non-null, no default) has a value.
/// async-graphql 7.2 only notices a missing one when a field reads it, and
/// then as a field error without a code; the spec makes it a request error.
fn required_variables(request: &mut Request) -> ServerResult<()> {
    let name = request.operation_name.clone();
    // A document that does not parse is reported by async-graphql as usual.
    let Ok(document) = request.parsed_query() else {
        return Ok(());
    };
    let Some(operation) = crate::graphql::response_order::operation(document, name.as_deref())
    else {
        return Ok(());
    };
    let required: Vec<_> = operation
        .node
        .variable_definitions
        .iter()
        .map(|definition| &definition.node)
        .filter(|d| !d.var_type.node.nullable && d.default_value.is_none())
        .map(|d| (d.name.node.clone(), d.var_type.node.to_string()))
        .collect();
    for (variable, ty) in required {
        let given = request
            .variables
            .get(&variable)
            .is_some_and(|value| *value != async_graphql::Value::Null);
        if !given {
            let message =
                format!("variable ${variable} of type {ty} is required and was not given a value");
            return Err(crate::error::coded(message, "BAD_USER_INPUT"));
        }
    }
    Ok(())
}

/// The response to a request that [`Front::admit`] refused.
pub fn refused(error: async_graphql::ServerError) -> Response {
    Response::from_errors(vec![error])
}

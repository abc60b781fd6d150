//! How a mutation document runs: its fields share one write (see
//! [`crate::writes::document`]) that the request's reads join, and a
//! document sent with an `Idempotency-Key` runs once, its retries answered
//! with the first run's `data`.

use std::any::{Any, TypeId};
use std::sync::Arc;

use async_graphql::parser::types::OperationType;
use async_graphql::{ErrorExtensions as _, Request, Response, Value};

use super::batching::{Gate, Quiesce};
use super::{AppSchema, loaders, response_order};
use crate::auth::{Caller, Credentials, authenticate};
use crate::error::{AppError, AppResult};
use crate::store::Db;
use crate::writes::{DocumentWrite, Idempotency};

/// The `Idempotency-Key` a whole document was sent with (an HTTP header).
#[derive(Clone, Debug)]
pub struct DocumentKey(pub String);

/// A write for the document's mutations to share, when `request` runs one.
pub fn document_write(request: &mut Request) -> Option<Arc<DocumentWrite>> {
    let name = request.operation_name.clone();
    // Parsed once already, by the front's checks.
    let document = request.parsed_query().ok()?;
    let operation = response_order::operation(document, name.as_deref())?;
    (operation.node.ty == OperationType::Mutation).then(DocumentWrite::new)
}

/// Runs the mutation document `request` with its fields sharing `document`,
/// the request's reads joining it; or answers a keyed document's retry.
/// The caller ends it with [`DocumentWrite::finish`].
pub async fn run(
    schema: &AppSchema,
    db: &Db,
    request: Request,
    document: Arc<DocumentWrite>,
    gate: Arc<Gate>,
) -> Response {
    match keyed(&document, db, &request).await {
        Ok(Some(data)) => return Response::new(data),
        Ok(None) => {}
        Err(err) => {
            return Response::from_errors(vec![err.extend().into_server_error(Default::default())]);
        }
    }
    let db = db.joining(document.clone());
    let request = request.data(document).data(db.clone());
    let request = loaders::with_loaders(request, &db, &gate);
    Quiesce::new(schema.execute(request), gate).await
}

/// For a document sent with an `Idempotency-Key`: opens its write for the
/// caller, answering the first run's `data` when this is a retry of it
/// (the same document, operation and variables).
async fn keyed(document: &DocumentWrite, db: &Db, request: &Request) -> AppResult<Option<Value>> {
    let Some(DocumentKey(key)) = data_of::<DocumentKey>(request) else {
        return Ok(None);
    };
    let token = data_of::<Credentials>(request).and_then(|c| c.0.clone());
    let token = token.ok_or_else(|| {
        AppError::Unauthenticated(
            "mutations need an API key: send `Authorization: Bearer KEY`".to_owned(),
        )
    })?;
    let actor = match data_of::<Caller>(request) {
        Some(Caller(actor)) => actor.clone(),
        None => authenticate(db, &token).await?,
    };
    let sent = (&request.query, &request.operation_name, &request.variables);
    let key = Idempotency::new(key.clone(), "document", &sent).map_err(|_| {
        AppError::bad_input("Idempotency-Key", "must be 1 to 200 printable characters")
    })?;
    document.open_keyed(db, &actor, key).await
}

/// The `T` a request carries in its data (put there by the transport).
pub(crate) fn data_of<T: Any>(request: &Request) -> Option<&T> {
    request.data.get(&TypeId::of::<T>())?.downcast_ref()
}

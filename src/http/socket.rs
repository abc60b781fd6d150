//! GraphQL over WebSocket (graphql-transport-ws, and the legacy graphql-ws):
//! the API key a client sends in `connection_init` (`{"authorization":
//! "Bearer KEY"}`, as graphql-ws clients send it) runs its mutations and
//! subscriptions; each message is rate-limited like an HTTP request, and a
//! client that keeps sending past its limit is closed with 4429.

use std::str::FromStr as _;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};

use async_graphql::http::{WebSocketProtocols, WsMessage};
use async_graphql::{Data, Request as GqlRequest, Response as GqlResponse};
use axum::extract::ws::{CloseFrame, Message, WebSocket};
use axum::extract::{ConnectInfo, FromRequestParts, Request, WebSocketUpgrade};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use futures::stream::BoxStream;
use futures::{SinkExt as _, StreamExt as _, future};

use super::{AppState, RateLimiter};
use crate::auth::{Credentials, authenticate};
use crate::error::{AppError, coded};
use crate::graphql::Executor;
use crate::store::Db;

// Refused messages in a row after which the socket is closed: a client that
// ignores RATE_LIMITED answers is not going to slow down by itself.
const REFUSALS_BEFORE_CLOSE: u32 = 10;

/// Upgrades GET /graphql to a GraphQL WebSocket.
pub async fn upgrade(state: AppState, request: Request) -> Response {
    let (mut parts, _) = request.into_parts();
    // As async-graphql-axum's `GraphQLProtocol` reads it (its field is private).
    let protocol = parts
        .headers
        .get(header::SEC_WEBSOCKET_PROTOCOL)
        .and_then(|value| value.to_str().ok())
        .and_then(|names| {
            (names.split(',')).find_map(|name| WebSocketProtocols::from_str(name.trim()).ok())
        });
    let Some(protocol) = protocol else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    let upgrade = match WebSocketUpgrade::from_request_parts(&mut parts, &()).await {
        Ok(upgrade) => upgrade,
        Err(rejection) => return rejection.into_response(),
    };
    let peer = parts.extensions.get::<ConnectInfo<std::net::SocketAddr>>();
    let address = peer.map_or_else(|| "ip:unknown".to_owned(), |c| format!("ip:{}", c.0.ip()));
    let connection = Arc::new(Connection {
        rate: state.rate.clone(),
        client: std::sync::Mutex::new(address),
        refusals: AtomicU32::new(0),
        too_many: tokio::sync::Notify::new(),
        key_refused: AtomicBool::new(false),
    });
    let executor = SocketExecutor {
        inner: Executor {
            schema: state.schema,
            front: state.front,
            db: state.db.clone(),
        },
        connection,
    };
    let db = state.db;
    upgrade
        .protocols(async_graphql::http::ALL_WEBSOCKET_PROTOCOLS)
        .on_upgrade(move |socket| serve(socket, executor, protocol, db))
}

/// One client's socket: who it is, and how it stands with its rate limit.
struct Connection {
    rate: Arc<RateLimiter>,
    // `ip:ADDRESS` until `connection_init` presents a key, then `key:ID`.
    client: std::sync::Mutex<String>,
    refusals: AtomicU32,
    too_many: tokio::sync::Notify,
    key_refused: AtomicBool,
}

impl Connection {
    /// Takes a token for one message; the seconds to wait when there is none.
    async fn admit(&self) -> Result<(), u64> {
        let client = self
            .client
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        match self.rate.take(&client).await {
            Ok(()) => {
                self.refusals.store(0, Ordering::Relaxed);
                Ok(())
            }
            Err(wait) => {
                if self.refusals.fetch_add(1, Ordering::Relaxed) + 1 >= REFUSALS_BEFORE_CLOSE {
                    self.too_many.notify_one();
                }
                Err(wait.as_secs() + 1)
            }
        }
    }
}

/// The schema's executor, behind the socket's rate limit and with the
/// socket's key on every operation.
#[derive(Clone)]
struct SocketExecutor {
    inner: Executor,
    connection: Arc<Connection>,
}

impl async_graphql::Executor for SocketExecutor {
    async fn execute(&self, request: GqlRequest) -> GqlResponse {
        self.inner.execute(request).await
    }

    fn execute_stream(
        &self,
        request: GqlRequest,
        session_data: Option<Arc<Data>>,
    ) -> BoxStream<'static, GqlResponse> {
        let (connection, inner) = (self.connection.clone(), self.inner.clone());
        let admitted = async move {
            if let Err(seconds) = connection.admit().await {
                return futures::stream::once(future::ready(rate_limited(seconds))).boxed();
            }
            // Queries and mutations run as one-shot requests, which see no
            // session data of their own.
            let credentials = session_data
                .as_ref()
                .and_then(|data| data.get(&std::any::TypeId::of::<Credentials>()))
                .and_then(|any| any.downcast_ref::<Credentials>())
                .cloned();
            let request = match credentials {
                Some(credentials) => request.data(credentials),
                None => request,
            };
            inner.execute_stream(request, session_data)
        };
        futures::stream::once(admitted).flatten().boxed()
    }
}

/// The answer to a message past the client's rate limit.
fn rate_limited(seconds: u64) -> GqlResponse {
    let mut error = coded(
        format!("too many requests on this connection; retry in {seconds} s"),
        "RATE_LIMITED",
    );
    if let Some(extensions) = error.extensions.as_mut() {
        extensions.set("retryAfter", seconds);
    }
    GqlResponse::from_errors(vec![error])
}

/// Runs the protocol on `socket` until either side ends it, or the client
/// goes past its rate limit (close 4429).
async fn serve(socket: WebSocket, executor: SocketExecutor, protocol: WebSocketProtocols, db: Db) {
    let connection = executor.connection.clone();
    let (mut sink, stream) = socket.split();
    let input = stream
        .take_while(|message| future::ready(message.is_ok()))
        .filter_map(|message| {
            future::ready(match message {
                Ok(message @ (Message::Text(_) | Message::Binary(_))) => Some(message.into_data()),
                _ => None,
            })
        });
    let init = {
        let connection = connection.clone();
        move |payload| connection_init(db, connection, payload)
    };
    let output =
        async_graphql::http::WebSocket::new(executor, input, protocol).on_connection_init(init);
    futures::pin_mut!(output);
    loop {
        let message = tokio::select! {
            message = output.next() => match message {
                Some(message) => to_frame(&connection, message),
                None => break,
            },
            () = connection.too_many.notified() => {
                let reason = "too many requests on this connection";
                let _ = sink.send(close(4429, reason)).await;
                break;
            }
        };
        if sink.send(message).await.is_err() {
            break;
        }
    }
}

/// Reads the key from `connection_init`'s payload: a valid one identifies
/// the socket from then on; an unknown or revoked one refuses it (4403).
async fn connection_init(
    db: Db,
    connection: Arc<Connection>,
    payload: serde_json::Value,
) -> async_graphql::Result<Data> {
    let mut data = Data::default();
    let Some(token) = bearer(&payload) else {
        return Ok(data);
    };
    match authenticate(&db, &token).await {
        Ok(actor) => {
            *connection.client.lock().unwrap_or_else(|e| e.into_inner()) =
                format!("key:{}", actor.key_id);
            data.insert(Credentials(Some(token)));
            Ok(data)
        }
        Err(AppError::Unauthenticated(message)) => {
            connection.key_refused.store(true, Ordering::Relaxed);
            Err(async_graphql::Error::new(message))
        }
        Err(other) => Err(async_graphql::Error::new(other.to_string())),
    }
}

/// The token of `{"authorization": "Bearer KEY"}` (any case of the name;
/// also under `headers`, as some clients nest it).
fn bearer(payload: &serde_json::Value) -> Option<String> {
    let find = |object: &serde_json::Value| {
        let object = object.as_object()?;
        let (_, value) = object
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case("authorization"))?;
        let value = value.as_str()?.trim();
        let token = match value.split_once(' ') {
            Some((scheme, token)) if scheme.eq_ignore_ascii_case("bearer") => token.trim(),
            _ => value,
        };
        Some(token.to_owned())
    };
    find(payload).or_else(|| find(payload.get("headers")?))
}

fn to_frame(connection: &Connection, message: WsMessage) -> Message {
    match message {
        WsMessage::Text(text) => Message::Text(text.into()),
        // graphql-transport-ws has 4403 for a refused connection_init;
        // async-graphql closes with 1002 for any init error.
        WsMessage::Close(1002, reason) if connection.key_refused.load(Ordering::Relaxed) => {
            close(4403, &reason)
        }
        WsMessage::Close(code, reason) => close(code, &reason),
    }
}

fn close(code: u16, reason: &str) -> Message {
    Message::Close(Some(CloseFrame {
        code,
        reason: reason.into(),
    }))
}

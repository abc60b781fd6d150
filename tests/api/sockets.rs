//! GraphQL over WebSocket with keys: the key in `connection_init` runs
//! mutations and subscriptions, an unknown key is refused with 4403, the
//! feed may require a key, and a socket's messages are rate-limited like
//! HTTP requests, closed with 4429 past the limit.

use std::time::Duration;

use futures::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;

use crate::changes::{SUBSCRIBE, write_until_heard};
use crate::helpers::TestApp;

/// A GraphQL-over-WebSocket client in one of the two protocols.
pub struct Subscriber {
    socket: tokio_tungstenite::WebSocketStream<
        tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>,
    >,
    legacy: bool,
}

impl Subscriber {
    /// Opens a socket and sends `connection_init` with `payload`; the socket
    /// once acknowledged, else the close code the server answered with.
    pub async fn open(app: &TestApp, legacy: bool, payload: Value) -> Result<Self, Option<u16>> {
        let mut request = format!("ws://{}/graphql", app.addr)
            .into_client_request()
            .unwrap();
        let protocol = if legacy {
            "graphql-ws"
        } else {
            "graphql-transport-ws"
        };
        request
            .headers_mut()
            .insert("sec-websocket-protocol", protocol.parse().unwrap());
        let (socket, response) = tokio_tungstenite::connect_async(request)
            .await
            .expect("the upgrade works");
        assert_eq!(response.headers()["sec-websocket-protocol"], protocol);
        let mut this = Self { socket, legacy };
        this.send(json!({ "type": "connection_init", "payload": payload }))
            .await;
        match this.frame(Duration::from_secs(5)).await {
            Some(Ok(ack)) if ack["type"] == "connection_ack" => Ok(this),
            Some(Err(code)) => Err(Some(code)),
            _ => Err(None),
        }
    }

    /// An anonymous socket subscribed to `query` as operation "1".
    pub async fn connect(app: &TestApp, legacy: bool, query: &str) -> Self {
        let mut this = Self::open(app, legacy, json!({})).await.expect("an ack");
        this.subscribe("1", query).await;
        this
    }

    /// Starts operation `id`: a subscription, query or mutation.
    pub async fn subscribe(&mut self, id: &str, query: &str) {
        let start = if self.legacy { "start" } else { "subscribe" };
        self.send(json!({ "id": id, "type": start, "payload": { "query": query } }))
            .await;
    }

    async fn send(&mut self, message: Value) {
        self.socket
            .send(Message::text(message.to_string()))
            .await
            .unwrap();
    }

    /// The next protocol message other than keep-alives (Ok), or the code
    /// the server closed with (Err); None when nothing comes in time.
    async fn frame(&mut self, wait: Duration) -> Option<Result<Value, u16>> {
        let deadline = tokio::time::Instant::now() + wait;
        loop {
            let message = tokio::time::timeout_at(deadline, self.socket.next())
                .await
                .ok()??
                .ok()?;
            match message {
                Message::Text(text) => {
                    let value: Value = serde_json::from_str(&text).unwrap();
                    if value["type"] != "ka" && value["type"] != "ping" {
                        return Some(Ok(value));
                    }
                }
                Message::Close(frame) => return Some(Err(frame.map_or(1005, |f| f.code.into()))),
                _ => {}
            }
        }
    }

    /// The next protocol message other than keep-alives, if one comes in time.
    pub async fn next(&mut self, wait: Duration) -> Option<Value> {
        self.frame(wait).await?.ok()
    }

    /// The next event's data.
    pub async fn event(&mut self, wait: Duration) -> Option<Value> {
        let message = self.next(wait).await?;
        let kind = if self.legacy { "data" } else { "next" };
        assert_eq!(message["type"], kind, "{message:#}");
        Some(message["payload"]["data"].clone())
    }
}

const WAIT: Duration = Duration::from_secs(5);

/// A mutation sent over a socket opened with a key runs with that key; on an
/// anonymous socket it is UNAUTHENTICATED.
#[tokio::test]
async fn a_key_sent_in_connection_init_runs_mutations_over_the_socket() {
    let app = TestApp::seeded().await;
    let key = app.key("write", None).await;
    let create =
        r#"mutation { createFirm(input: { slug: "socket-soft", name: "Socket Soft" }) { slug } }"#;

    let auth = json!({ "authorization": format!("Bearer {key}") });
    let mut keyed = Subscriber::open(&app, false, auth).await.expect("an ack");
    keyed.subscribe("1", create).await;
    let created = keyed.next(WAIT).await.expect("an answer");
    let mut anonymous = Subscriber::open(&app, false, json!({}))
        .await
        .expect("an ack");
    anonymous.subscribe("1", create).await;
    let refused = anonymous.next(WAIT).await.expect("an answer");

    assert_eq!(
        created["payload"]["data"]["createFirm"]["slug"], "socket-soft",
        "{created:#}"
    );
    assert_eq!(app.count_where("firm", "slug = 'socket-soft'").await, 1);
    assert!(
        refused.to_string().contains("UNAUTHENTICATED"),
        "{refused:#}"
    );
}

/// An unknown key in `connection_init` closes the socket with 4403.
#[tokio::test]
async fn an_unknown_key_in_connection_init_is_refused_with_4403() {
    let app = TestApp::seeded().await;

    let auth = json!({ "authorization": "Bearer not-a-key" });
    let refused = Subscriber::open(&app, false, auth).await;

    assert_eq!(refused.err(), Some(Some(4403)));
}

/// With PARKGRAPH_FEED_REQUIRES_KEY an anonymous subscriber is refused, and
/// one with a key hears writes as before.
#[tokio::test]
async fn a_feed_that_requires_a_key_refuses_anonymous_subscribers() {
    let app = TestApp::configured(|config| config.feed_requires_key = true).await;
    let key = app.key("read", None).await;

    let mut anonymous = Subscriber::connect(&app, false, SUBSCRIBE).await;
    let refused = anonymous.next(WAIT).await.expect("an answer");
    let auth = json!({ "authorization": format!("Bearer {key}") });
    let mut keyed = Subscriber::open(&app, false, auth).await.expect("an ack");
    keyed.subscribe("1", SUBSCRIBE).await;
    let (event, _) = write_until_heard(&app, &mut keyed, Duration::from_millis(500)).await;

    assert!(
        refused.to_string().contains("UNAUTHENTICATED"),
        "{refused:#}"
    );
    assert_eq!(event["changes"]["type"], "park");
}

/// Messages on one socket draw on the client's rate limit: past it each is
/// answered RATE_LIMITED, and a client that keeps going is closed with 4429.
#[tokio::test]
async fn a_socket_past_its_rate_limit_is_refused_then_closed_with_4429() {
    let app = TestApp::configured(|config| {
        config.rate_per_minute = 1;
        config.rate_burst = 3;
    })
    .await;
    let mut socket = Subscriber::open(&app, false, json!({}))
        .await
        .expect("an ack");

    let mut answers = Vec::new();
    let mut closed = None;
    'sending: for n in 0..20 {
        socket
            .subscribe(&n.to_string(), "{ parks(first: 1) { totalCount } }")
            .await;
        // Each operation ends with `complete`.
        loop {
            match socket.frame(WAIT).await {
                Some(Ok(frame)) if frame["type"] == "complete" => break,
                Some(Ok(frame)) => answers.push(frame.to_string()),
                Some(Err(code)) => {
                    closed = Some(code);
                    break 'sending;
                }
                None => break 'sending,
            }
        }
    }

    assert!(
        answers.iter().any(|a| a.contains("totalCount")),
        "{answers:#?}"
    );
    assert!(
        answers.iter().any(|a| a.contains("RATE_LIMITED")),
        "{answers:#?}"
    );
    assert_eq!(closed, Some(4429), "{answers:#?}");
}

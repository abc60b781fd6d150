//! `parkgraph-floor`: the least a server on parkgraph's stack (axum 0.8 and
//! async-graphql 7.2, as parkgraph) spends on the standard queries Q1-Q4. It
//! reads the benchmark's database once when it starts and answers from
//! memory: no SQL, no loaders, no limits, no metrics per request. Like
//! parkgraph it keeps each document it has parsed (parsing costs a quarter
//! of an answer from memory), so the floor is what is left. The bench
//! measures it in the same run as parkgraph (`--floor`) and checks that it
//! answers exactly what parkgraph answers, so that parkgraph's server CPU
//! per request can be set against the stack's own cost honestly.

mod data;
mod schema;

use async_graphql::parser::types::ExecutableDocument;
use async_graphql::{EmptyMutation, EmptySubscription, Schema};
use axum::extract::State;
use axum::response::IntoResponse;
use std::collections::HashMap;
use std::sync::{Arc, RwLock};

type FloorSchema = Schema<schema::Query, EmptyMutation, EmptySubscription>;

#[derive(Clone)]
struct Floor {
    schema: FloorSchema,
    /// Parsed documents by their text.
    documents: Arc<RwLock<HashMap<String, ExecutableDocument>>>,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let url = std::env::var("DATABASE_URL")?;
    let addr = std::env::var("PARKGRAPH_ADDR").unwrap_or_else(|_| "127.0.0.1:4001".into());
    let data: &'static data::Data = Box::leak(Box::new(data::Data::load(&url).await?));
    let schema = Schema::build(schema::Query, EmptyMutation, EmptySubscription)
        .data(data)
        .finish();
    let floor = Floor {
        schema,
        documents: Arc::default(),
    };
    let app = axum::Router::new()
        .route("/graphql", axum::routing::post(graphql))
        .with_state(floor);
    let listener = tokio::net::TcpListener::bind(&addr).await?;
    axum::serve(listener, app).await?;
    Ok(())
}

/// POST /graphql with a JSON body: the document parsed once, then executed.
async fn graphql(State(floor): State<Floor>, body: axum::body::Bytes) -> axum::response::Response {
    let mut request: async_graphql::Request = match serde_json::from_slice(&body) {
        Ok(request) => request,
        Err(e) => return (axum::http::StatusCode::BAD_REQUEST, e.to_string()).into_response(),
    };
    let kept = floor
        .documents
        .read()
        .ok()
        .and_then(|d| d.get(&request.query).cloned());
    match kept {
        Some(document) => request.set_parsed_query(document),
        None => {
            if let Ok(document) = request.parsed_query() {
                let document = document.clone();
                if let Ok(mut documents) = floor.documents.write() {
                    documents.insert(request.query.clone(), document);
                }
            }
        }
    }
    let response = floor.schema.execute(request).await;
    axum::Json(response).into_response()
}

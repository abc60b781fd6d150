//! `parkgraph-floor`: the least a server on parkgraph's stack (axum 0.8 and
//! async-graphql 7.2, as parkgraph) spends on the standard queries Q1-Q4. It
//! reads the benchmark's database once when it starts and answers from
//! memory: no SQL, no loaders, no limits, no metrics per request. The bench
//! measures it in the same run as parkgraph (`--floor`) and checks that it
//! answers exactly what parkgraph answers, so that parkgraph's server CPU
//! per request can be set against the stack's own cost honestly.

mod data;
mod schema;

use async_graphql::{EmptyMutation, EmptySubscription, Schema};
use async_graphql_axum::GraphQL;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let url = std::env::var("DATABASE_URL")?;
    let addr = std::env::var("PARKGRAPH_ADDR").unwrap_or_else(|_| "127.0.0.1:4001".into());
    let data: &'static data::Data = Box::leak(Box::new(data::Data::load(&url).await?));
    let schema = Schema::build(schema::Query, EmptyMutation, EmptySubscription)
        .data(data)
        .finish();
    let app = axum::Router::new().route_service("/graphql", GraphQL::new(schema));
    let listener = tokio::net::TcpListener::bind(&addr).await?;
    axum::serve(listener, app).await?;
    Ok(())
}

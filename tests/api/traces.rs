//! Traces: a request's W3C `traceparent` is continued by its span, and each
//! SQL statement it runs is a span of the same trace, with its text. An
//! in-memory exporter stands in for OTLP. The subscriber is the process's
//! global one (a thread's own default missed the request's span when the
//! whole suite ran), so every test's spans reach the exporter; this test
//! reads only its own trace.

use opentelemetry_sdk::trace::{InMemorySpanExporter, SdkTracerProvider};
use serde_json::json;
use tracing_subscriber::layer::SubscriberExt as _;

use crate::helpers::TestApp;

const TRACE: &str = "4bf92f3577b34da6a3ce929d0e0e4736";
const CALLER: &str = "00f067aa0ba902b7";

/// The caller's trace goes on through the request's span and a span per
/// statement, each statement's with its SQL text.
#[tokio::test]
async fn a_traceparent_sent_in_is_continued_by_the_request_and_its_statements() {
    let exporter = InMemorySpanExporter::default();
    let provider = SdkTracerProvider::builder()
        .with_simple_exporter(exporter.clone())
        .build();
    parkgraph::telemetry::activate(&provider);
    let subscriber = tracing_subscriber::registry().with(parkgraph::telemetry::spans(&provider));
    tracing::subscriber::set_global_default(subscriber)
        .expect("the global subscriber is this test's (unset TEST_LOG to run it)");
    let app = TestApp::seeded().await;

    let traceparent = format!("00-{TRACE}-{CALLER}-01");
    let body = json!({ "query": "{ parks(first: 2) { nodes { name city { name } } } }" });
    let headers = [
        ("content-type", "application/json"),
        ("traceparent", traceparent.as_str()),
    ];
    let before = app.statements();
    let (status, _, text) = app.post_with(body.to_string().into_bytes(), &headers).await;
    let ran = app.statements() - before;
    provider.force_flush().unwrap();

    assert_eq!(status, 200, "{text}");
    let spans = exporter.get_finished_spans().unwrap();
    let ours: Vec<_> = spans
        .iter()
        .filter(|s| s.span_context.trace_id().to_string() == TRACE)
        .collect();
    let request = ours
        .iter()
        .find(|s| s.name == "graphql")
        .unwrap_or_else(|| panic!("no request span in {ours:#?} of {} spans", spans.len()));
    assert_eq!(request.parent_span_id.to_string(), CALLER);
    let statements: Vec<_> = ours.iter().filter(|s| s.name == "db.statement").collect();
    assert_eq!(
        statements.len() as u64,
        ran,
        "one span per statement: {statements:#?}"
    );
    assert!(ran >= 1);
    for statement in &statements {
        assert_eq!(statement.parent_span_id, request.span_context.span_id());
        let text = statement
            .attributes
            .iter()
            .find(|kv| kv.key.as_str() == "db.query.text")
            .map(|kv| kv.value.to_string())
            .unwrap_or_default();
        assert!(text.contains("SELECT"), "{text}");
    }
}

//! Logging and traces. Logs: `tracing` with `RUST_LOG` filtering (default
//! `info`), as text or JSON lines. Traces: with `OTEL_EXPORTER_OTLP_ENDPOINT`
//! (or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`) set, OpenTelemetry spans are
//! exported over OTLP (http/protobuf), honouring the standard `OTEL_*`
//! variables: one span per GraphQL request, continuing the caller's W3C
//! `traceparent`, and one per SQL statement (its text, never its values).
//! Without it nothing is exported, and a request or a statement pays one
//! atomic load.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, SystemTime};

use opentelemetry::trace::{Span as _, SpanKind, Status, Tracer as _, TracerProvider as _};
use opentelemetry::{KeyValue, global};
use opentelemetry_sdk::propagation::TraceContextPropagator;
use opentelemetry_sdk::trace::{SdkTracerProvider, Tracer};
use tracing_opentelemetry::OpenTelemetrySpanExt as _;
use tracing_subscriber::layer::SubscriberExt as _;
use tracing_subscriber::util::SubscriberInitExt as _;
use tracing_subscriber::{EnvFilter, Layer, Registry};

use crate::config::LogFormat;
use crate::error::AppError;

static ACTIVE: AtomicBool = AtomicBool::new(false);
static TRACER: OnceLock<Tracer> = OnceLock::new();
static PROVIDER: OnceLock<SdkTracerProvider> = OnceLock::new();

/// Installs the global subscriber once (later calls do nothing: tests call
/// it from many places), with the OTLP exporter when one is configured;
/// BAD_USER_INPUT for an `OTEL_*` setting this build cannot honour.
pub fn init(format: LogFormat) -> anyhow::Result<()> {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,sea_orm=warn"));
    let traces = match otlp_provider()? {
        Some(provider) => {
            activate(&provider);
            let layer = spans(&provider);
            let _ = PROVIDER.set(provider);
            Some(layer)
        }
        None => None,
    };
    let logs = tracing_subscriber::fmt::layer().with_writer(std::io::stderr);
    let logs = match format {
        LogFormat::Json => logs.json().boxed(),
        LogFormat::Text => logs.boxed(),
    };
    let _ = tracing_subscriber::registry()
        .with(traces)
        .with(logs)
        .with(filter)
        .try_init();
    Ok(())
}

/// Exports what is still buffered (at exit).
pub fn shutdown() {
    if let Some(provider) = PROVIDER.get() {
        let _ = provider.shutdown();
    }
}

/// Sends this process's request and statement spans to `provider` from now
/// on, continuing callers' `traceparent`s (what `init` does with the OTLP
/// exporter; tests pass an in-memory one).
pub fn activate(provider: &SdkTracerProvider) {
    global::set_text_map_propagator(TraceContextPropagator::new());
    let _ = TRACER.set(provider.tracer("parkgraph"));
    ACTIVE.store(true, Ordering::Release);
}

/// The layer that turns `tracing` spans (the request's) into OpenTelemetry ones.
pub fn spans(provider: &SdkTracerProvider) -> Box<dyn Layer<Registry> + Send + Sync> {
    tracing_opentelemetry::layer()
        .with_tracer(provider.tracer("parkgraph"))
        .boxed()
}

fn active() -> bool {
    ACTIVE.load(Ordering::Acquire)
}

/// Makes `span` continue the trace of the caller's `traceparent` header.
pub fn continue_trace(span: &tracing::Span, headers: &axum::http::HeaderMap) {
    if !active() {
        return;
    }
    let parent = global::get_text_map_propagator(|p| p.extract(&Headers(headers)));
    let _ = span.set_parent(parent);
}

/// The current span, for a task spawned on a request's behalf (its
/// statements then join the request's trace); None when nothing is traced.
pub fn current_span() -> Option<tracing::Span> {
    active().then(tracing::Span::current)
}

/// A span for a SQL statement that just ran for `elapsed`, under the
/// current span: its text (values are bound, never in it), kind CLIENT.
pub fn statement(sql: &str, elapsed: Duration, failed: bool) {
    if !active() {
        return;
    }
    let Some(tracer) = TRACER.get() else { return };
    let parent = tracing::Span::current().context();
    let end = SystemTime::now();
    let mut span = tracer
        .span_builder("db.statement")
        .with_kind(SpanKind::Client)
        .with_start_time(end.checked_sub(elapsed).unwrap_or(end))
        .with_attributes([KeyValue::new("db.query.text", sql.to_owned())])
        .start_with_context(tracer, &parent);
    if failed {
        span.set_status(Status::error("the statement failed"));
    }
    span.end_with_timestamp(end);
}

struct Headers<'a>(&'a axum::http::HeaderMap);

impl opentelemetry::propagation::Extractor for Headers<'_> {
    fn get(&self, key: &str) -> Option<&str> {
        self.0.get(key).and_then(|v| v.to_str().ok())
    }

    fn keys(&self) -> Vec<&str> {
        self.0.keys().map(|k| k.as_str()).collect()
    }
}

/// The OTLP exporter the `OTEL_*` variables ask for, if any.
fn otlp_provider() -> anyhow::Result<Option<SdkTracerProvider>> {
    let var = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
    if var("OTEL_SDK_DISABLED").is_some_and(|v| v.eq_ignore_ascii_case("true")) {
        return Ok(None);
    }
    if var("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")
        .or_else(|| var("OTEL_EXPORTER_OTLP_ENDPOINT"))
        .is_none()
    {
        return Ok(None);
    }
    let protocol = var("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL")
        .or_else(|| var("OTEL_EXPORTER_OTLP_PROTOCOL"))
        .unwrap_or_else(|| "http/protobuf".to_owned());
    if protocol != "http/protobuf" {
        let why =
            format!("OTEL_EXPORTER_OTLP_PROTOCOL={protocol:?} is not built in; use http/protobuf");
        return Err(AppError::bad_input("OTEL_EXPORTER_OTLP_PROTOCOL", why).into());
    }
    use opentelemetry_otlp::{Protocol, WithExportConfig as _};
    // The builder reads the endpoint, headers and timeout variables itself.
    let exporter = opentelemetry_otlp::SpanExporter::builder()
        .with_http()
        .with_protocol(Protocol::HttpBinary)
        .build()?;
    let mut resource = opentelemetry_sdk::Resource::builder();
    if var("OTEL_SERVICE_NAME").is_none() {
        resource = resource.with_service_name("parkgraph");
    }
    let provider = SdkTracerProvider::builder()
        .with_batch_exporter(exporter)
        .with_resource(resource.build())
        .build();
    Ok(Some(provider))
}

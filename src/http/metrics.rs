//! Prometheus metrics, kept by hand (a few counters and two histograms do
//! not need a metrics crate): requests by operation and outcome, latency,
//! SQL statements per request, errors by code, and the connection pool.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::Mutex;

use crate::graphql::cache::{CacheStats, ResponseCache};
use crate::store::Db;

const LATENCY_BOUNDS: &[f64] = &[
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];
const STATEMENT_BOUNDS: &[f64] = &[0.0, 1.0, 2.0, 3.0, 5.0, 8.0, 13.0, 21.0, 50.0];
// Operation names come from clients; past this many, new ones count as `other`.
const MAX_OPERATIONS: usize = 500;

#[derive(Debug)]
struct Histogram {
    bounds: &'static [f64],
    counts: Vec<u64>,
    sum: f64,
    count: u64,
}

impl Histogram {
    fn new(bounds: &'static [f64]) -> Self {
        Self {
            bounds,
            counts: vec![0; bounds.len()],
            sum: 0.0,
            count: 0,
        }
    }

    fn observe(&mut self, value: f64) {
        for (bound, count) in self.bounds.iter().zip(&mut self.counts) {
            if value <= *bound {
                *count += 1;
            }
        }
        self.sum += value;
        self.count += 1;
    }

    fn render(&self, out: &mut String, name: &str, help: &str) {
        let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} histogram");
        for (bound, count) in self.bounds.iter().zip(&self.counts) {
            let _ = writeln!(out, "{name}_bucket{{le=\"{bound}\"}} {count}");
        }
        let _ = writeln!(out, "{name}_bucket{{le=\"+Inf\"}} {}", self.count);
        let _ = writeln!(out, "{name}_sum {}\n{name}_count {}", self.sum, self.count);
    }
}

#[derive(Debug)]
struct Inner {
    requests: BTreeMap<(String, String), u64>,
    errors: BTreeMap<String, u64>,
    latency: Histogram,
    statements: Histogram,
}

/// The process's metrics.
#[derive(Debug)]
pub struct Metrics(Mutex<Inner>);

impl Default for Metrics {
    fn default() -> Self {
        Self(Mutex::new(Inner {
            requests: BTreeMap::new(),
            errors: BTreeMap::new(),
            latency: Histogram::new(LATENCY_BOUNDS),
            statements: Histogram::new(STATEMENT_BOUNDS),
        }))
    }
}

/// One finished GraphQL request.
pub struct Observation<'a> {
    /// The operation's name, as the client sent it.
    pub operation: Option<&'a str>,
    /// `ok`, or the first error's code.
    pub outcome: &'a str,
    /// Wall time.
    pub seconds: f64,
    /// SQL statements it ran.
    pub statements: u64,
    /// Every error's code.
    pub error_codes: Vec<&'a str>,
}

impl Metrics {
    /// Counts one request.
    pub fn record(&self, seen: Observation<'_>) {
        let mut inner = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let operation = match seen.operation {
            None => "anonymous".to_owned(),
            Some(name)
                if name.len() <= 64
                    && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') =>
            {
                name.to_owned()
            }
            Some(_) => "other".to_owned(),
        };
        let known = inner.requests.keys().any(|(op, _)| *op == operation);
        let operation = if known || inner.requests.len() < MAX_OPERATIONS {
            operation
        } else {
            "other".to_owned()
        };
        *inner
            .requests
            .entry((operation, seen.outcome.to_owned()))
            .or_default() += 1;
        for code in seen.error_codes {
            *inner.errors.entry(code.to_owned()).or_default() += 1;
        }
        inner.latency.observe(seen.seconds);
        inner.statements.observe(seen.statements as f64);
    }

    /// The Prometheus text exposition, with the pool's current state.
    pub fn render(&self, db: &Db, cache: Option<&ResponseCache>) -> String {
        let inner = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let mut out = String::new();
        out.push_str("# HELP parkgraph_requests_total GraphQL requests by operation name and outcome (ok or the first error code).\n# TYPE parkgraph_requests_total counter\n");
        for ((operation, outcome), n) in &inner.requests {
            let _ = writeln!(
                out,
                "parkgraph_requests_total{{operation=\"{operation}\",outcome=\"{outcome}\"}} {n}"
            );
        }
        out.push_str("# HELP parkgraph_errors_total GraphQL errors by code.\n# TYPE parkgraph_errors_total counter\n");
        for (code, n) in &inner.errors {
            let _ = writeln!(out, "parkgraph_errors_total{{code=\"{code}\"}} {n}");
        }
        inner.latency.render(
            &mut out,
            "parkgraph_request_duration_seconds",
            "Time to answer a GraphQL request.",
        );
        inner.statements.render(
            &mut out,
            "parkgraph_sql_statements_per_request",
            "SQL statements one GraphQL request ran.",
        );
        let (size, idle) = db.pool_usage();
        let _ = writeln!(
            out,
            "# HELP parkgraph_db_connections Database connections open in the pool, by state.\n# TYPE parkgraph_db_connections gauge\nparkgraph_db_connections{{state=\"idle\"}} {idle}\nparkgraph_db_connections{{state=\"in_use\"}} {}",
            (size as usize).saturating_sub(idle)
        );
        let _ = writeln!(
            out,
            "# HELP parkgraph_sql_statements_total SQL statements run since start.\n# TYPE parkgraph_sql_statements_total counter\nparkgraph_sql_statements_total {}",
            db.stats.statements()
        );
        if let Some(cache) = cache {
            render_cache(&mut out, cache.stats());
        }
        out
    }
}

/// The response cache's counters and size.
fn render_cache(out: &mut String, stats: CacheStats) {
    let lookups = [("hit", stats.hits), ("miss", stats.misses)];
    out.push_str("# HELP parkgraph_response_cache_lookups_total Public queries looked up in the response cache, by result.\n# TYPE parkgraph_response_cache_lookups_total counter\n");
    for (result, n) in lookups {
        let _ = writeln!(
            out,
            "parkgraph_response_cache_lookups_total{{result=\"{result}\"}} {n}"
        );
    }
    let lines = [
        (
            "stale_total",
            "counter",
            "Misses that found an answer a write had made stale.",
            stats.stale,
        ),
        ("kept_total", "counter", "Answers kept.", stats.kept),
        ("entries", "gauge", "Answers held now.", stats.entries),
        (
            "bytes",
            "gauge",
            "Bytes the answers held weigh (PARKGRAPH_RESPONSE_CACHE_BYTES bounds it).",
            stats.bytes,
        ),
        (
            "capacity_bytes",
            "gauge",
            "The most the answers may weigh.",
            stats.capacity,
        ),
    ];
    for (name, kind, help, n) in lines {
        let _ = writeln!(
            out,
            "# HELP parkgraph_response_cache_{name} {help}\n# TYPE parkgraph_response_cache_{name} {kind}\nparkgraph_response_cache_{name} {n}"
        );
    }
}

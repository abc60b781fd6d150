//! Results: printed as they come, kept in `benches/results/results.csv`
//! (one row per backend, scale, server, query and round; a new run replaces
//! the rows of its backend and scale) and rendered to
//! `benches/results/results.md` by `tables`.

use std::path::Path;

/// One query measured on one server.
#[derive(Debug, Clone)]
pub struct Row {
    pub date: String,
    pub commit: String,
    pub backend: String,
    pub scale: String,
    pub server: String,
    pub query: String,
    pub connections: usize,
    pub seconds: f64,
    pub requests: u64,
    pub rps: f64,
    pub p50: f64,
    pub p90: f64,
    pub p99: f64,
    pub http_errors: u64,
    pub graphql_errors: u64,
    /// SQL statements per request; `NaN` where nothing counted them.
    pub statements: f64,
    pub cpu_ms: f64,
    pub db_cpu_ms: f64,
    pub peak_rss_mib: f64,
    /// Which of the run's rounds (from 1): each round measures every server
    /// on the query once, turn by turn.
    pub round: usize,
    /// `drawn` when the query's variables changed on every request, else `fixed`.
    pub variables: String,
}

const HEADER: &str = "date,commit,backend,scale,server,query,connections,seconds,requests,rps,p50_ms,p90_ms,p99_ms,http_errors,graphql_errors,statements_per_request,server_cpu_ms_per_request,db_cpu_ms_per_request,peak_rss_mib,round,variables";

impl Row {
    fn csv(&self) -> String {
        format!(
            "{},{},{},{},{},{},{},{:.1},{},{:.1},{:.2},{:.2},{:.2},{},{},{},{:.3},{},{:.1},{},{}",
            self.date,
            self.commit,
            self.backend,
            self.scale,
            self.server,
            self.query,
            self.connections,
            self.seconds,
            self.requests,
            self.rps,
            self.p50,
            self.p90,
            self.p99,
            self.http_errors,
            self.graphql_errors,
            num(self.statements, 2),
            self.cpu_ms,
            num(self.db_cpu_ms, 3),
            self.peak_rss_mib,
            self.round,
            self.variables,
        )
    }

    fn parse(line: &str) -> Option<Row> {
        let f: Vec<&str> = line.split(',').collect();
        let n = |i: usize| {
            f.get(i)
                .and_then(|v| v.parse::<f64>().ok())
                .unwrap_or(f64::NAN)
        };
        Some(Row {
            date: f.first()?.to_string(),
            commit: f.get(1)?.to_string(),
            backend: f.get(2)?.to_string(),
            scale: f.get(3)?.to_string(),
            server: f.get(4)?.to_string(),
            query: f.get(5)?.to_string(),
            connections: f.get(6)?.parse().ok()?,
            seconds: n(7),
            requests: f.get(8)?.parse().ok()?,
            rps: n(9),
            p50: n(10),
            p90: n(11),
            p99: n(12),
            http_errors: f.get(13)?.parse().ok()?,
            graphql_errors: f.get(14)?.parse().ok()?,
            statements: n(15),
            cpu_ms: n(16),
            db_cpu_ms: n(17),
            peak_rss_mib: n(18),
            // Files from before rounds hold one measurement each.
            round: f.get(19).and_then(|v| v.parse().ok()).unwrap_or(1),
            // And from before drawn variables, the file's own.
            variables: f.get(20).map_or("fixed", |v| v).to_owned(),
        })
    }

    /// The line printed as soon as a query is measured.
    pub fn line(&self) -> String {
        format!(
            "r{} {:<12} {:<4} {:>8.1} req/s  p50 {:>7.2}  p90 {:>7.2}  p99 {:>7.2} ms  errors {}/{}  sql/req {:>5}  cpu {:.2} ms/req  db cpu {} ms/req  peak rss {:.1} MiB",
            self.round,
            self.server,
            self.query,
            self.rps,
            self.p50,
            self.p90,
            self.p99,
            self.http_errors,
            self.graphql_errors,
            num(self.statements, 2),
            self.cpu_ms,
            num(self.db_cpu_ms, 2),
            self.peak_rss_mib,
        )
    }
}

pub fn num(v: f64, places: usize) -> String {
    if v.is_nan() {
        "n/a".to_owned()
    } else {
        format!("{v:.places$}")
    }
}

/// Replaces the rows of this run's backends and scales in the CSV; every
/// row the file now holds.
pub fn save(dir: &Path, rows: &[Row]) -> anyhow::Result<Vec<Row>> {
    std::fs::create_dir_all(dir)?;
    let csv = dir.join("results.csv");
    let replaced = |r: &Row| {
        rows.iter()
            .any(|n| n.backend == r.backend && n.scale == r.scale)
    };
    let mut all: Vec<Row> = std::fs::read_to_string(&csv)
        .unwrap_or_default()
        .lines()
        .skip(1)
        .filter_map(Row::parse)
        .filter(|r| !replaced(r))
        .collect();
    all.extend(rows.iter().cloned());
    all.sort_by(|a, b| {
        (
            &a.backend,
            scale_key(&a.scale),
            &a.query,
            &a.server,
            a.round,
        )
            .partial_cmp(&(
                &b.backend,
                scale_key(&b.scale),
                &b.query,
                &b.server,
                b.round,
            ))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let mut text = format!("{HEADER}\n");
    for row in &all {
        text.push_str(&row.csv());
        text.push('\n');
    }
    std::fs::write(&csv, text)?;
    Ok(all)
}

pub fn scale_key(scale: &str) -> f64 {
    scale.parse().unwrap_or(f64::MAX)
}

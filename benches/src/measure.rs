//! One measurement per server and query: check the answer, warm up, then
//! measure load while reading the server's CPU, memory and SQL statements.

use crate::database::{Backend, StatementCounter};
use crate::query::Query;
use crate::report::Row;
use crate::server::{PostgresCpu, Server};
use anyhow::{Context, bail};
use std::path::Path;
use std::time::Duration;

pub struct Settings {
    pub connections: usize,
    /// Database connections per server (both servers get the same).
    pub pool: Option<usize>,
    pub duration: Duration,
    pub warmup: Duration,
    /// Times each query is measured on each server.
    pub rounds: usize,
    pub date: String,
    pub commit: String,
}

/// One backend at one scale.
pub struct Run<'a> {
    pub backend: Backend,
    pub scale: f64,
    pub database_url: String,
    pub settings: &'a Settings,
    pub client: &'a reqwest::Client,
}

/// Where a measured phase's statement count comes from.
enum Statements {
    /// parkgraph's own `/metrics` histogram (exact, per request).
    Metrics(String),
    /// `pg_stat_statements` for the whole database.
    Postgres(StatementCounter),
    Unknown,
}

/// A started server, its queries and how its statements are counted.
struct Measured {
    server: Server,
    queries: Vec<Query>,
    statements: Statements,
}

impl Run<'_> {
    /// Measures every query on parkgraph and, when `peer` names PostGraphile's
    /// directory, its equivalent on PostGraphile right after, with both
    /// servers up, for `rounds` rounds. Taking the two turn by turn, query by
    /// query, keeps a drift in the machine's speed (it moves by tens of
    /// percent over minutes here) out of each round's ratio, and the rounds
    /// show how far one measurement can be trusted.
    pub async fn side_by_side(
        &self,
        program: &Path,
        queries: &[Query],
        peer: Option<&Path>,
    ) -> anyhow::Result<Vec<Row>> {
        let ours = self.parkgraph(program, queries).await?;
        let theirs = match peer {
            Some(dir) => Some(self.postgraphile(dir).await?),
            None => None,
        };
        let mut rows = Vec::new();
        for query in &ours.queries {
            let peer_query = theirs
                .as_ref()
                .and_then(|t| Some((t, t.queries.iter().find(|q| q.name == query.name)?)));
            for round in 1..=self.settings.rounds {
                rows.push(self.one(&ours, query, round).await?);
                if let Some((theirs, peer_query)) = peer_query {
                    rows.push(self.one(theirs, peer_query, round).await?);
                }
            }
        }
        ours.server.stop().await;
        if let Some(theirs) = theirs {
            theirs.server.stop().await;
        }
        Ok(rows)
    }

    /// Starts parkgraph on the run's database.
    async fn parkgraph(&self, program: &Path, queries: &[Query]) -> anyhow::Result<Measured> {
        let port = free_port()?;
        let mut env = vec![
            ("DATABASE_URL", self.database_url.clone()),
            ("PARKGRAPH_ADDR", format!("127.0.0.1:{port}")),
            ("PARKGRAPH_RATE_LIMIT_PER_MINUTE", "0".to_owned()),
            ("RUST_LOG", "warn".to_owned()),
        ];
        if let Some(pool) = self.settings.pool {
            env.push(("PARKGRAPH_DB_MAX_CONNECTIONS", pool.to_string()));
        }
        let url = format!("http://127.0.0.1:{port}/graphql");
        let server = Server::start("parkgraph", program, &env, url, self.client).await?;
        let metrics = format!("http://127.0.0.1:{port}/metrics");
        Ok(Measured {
            server,
            queries: queries.to_vec(),
            statements: Statements::Metrics(metrics),
        })
    }

    /// Starts PostGraphile (benches/peers/postgraphile) on the same database,
    /// with its equivalents of the standard queries.
    async fn postgraphile(&self, dir: &Path) -> anyhow::Result<Measured> {
        if !dir.join("node_modules").exists() {
            let status = std::process::Command::new("npm")
                .args(["ci", "--no-audit", "--no-fund", "--loglevel=error"])
                .current_dir(dir)
                .status()
                .context("npm ci in benches/peers/postgraphile (is npm installed?)")?;
            anyhow::ensure!(status.success(), "npm ci failed");
        }
        let queries = crate::query::load(&dir.join("queries"), &[])?;
        let port = free_port()?;
        let env = [
            ("DATABASE_URL", self.database_url.clone()),
            ("PORT", port.to_string()),
            ("PG_POOL_MAX", self.settings.pool.unwrap_or(10).to_string()),
        ];
        let url = format!("http://127.0.0.1:{port}/graphql");
        let server = Server::start(
            "postgraphile",
            &dir.join("start.sh"),
            &env,
            url,
            self.client,
        )
        .await?;
        let counter = StatementCounter::connect(&self.database_url).await;
        if counter.is_none() {
            eprintln!(
                "  (pg_stat_statements is not preloaded: PostGraphile's SQL statements are not counted)"
            );
        }
        let statements = counter.map_or(Statements::Unknown, Statements::Postgres);
        Ok(Measured {
            server,
            queries,
            statements,
        })
    }

    /// Checks one answer, warms up, then measures `query` on `m`.
    async fn one(&self, m: &Measured, query: &Query, round: usize) -> anyhow::Result<Row> {
        let (server, statements) = (&m.server, &m.statements);
        let mut query = query.clone();
        query.prepare(self.client, &server.url).await?;
        check(self.client, &server.url, &query).await?;
        let body = query.body();
        let s = self.settings;
        crate::load::drive(
            self.client,
            &server.url,
            body.clone(),
            s.connections,
            s.warmup,
        )
        .await;
        let (cpu, db_cpu) = (server.cpu(), PostgresCpu::now());
        let before = statements.read(self.client).await;
        let outcome =
            crate::load::drive(self.client, &server.url, body, s.connections, s.duration).await;
        let after = statements.read(self.client).await;
        let per = |d: Duration| d.as_secs_f64() * 1000.0 / outcome.requests.max(1) as f64;
        let mut row = Row::of(
            s,
            self.backend.label(),
            &self.scale.to_string(),
            server.name,
            &query.name,
            &outcome,
            round,
        );
        row.statements = match (before, after) {
            (Some(b), Some(a)) => statements.per_request(b, a, outcome.requests),
            _ => f64::NAN,
        };
        row.cpu_ms = per(server.cpu().saturating_sub(cpu));
        if self.backend == Backend::Postgres {
            row.db_cpu_ms = per(PostgresCpu::now().since(&db_cpu));
        }
        row.peak_rss_mib = server.peak_rss_mib();
        println!("{}", row.line());
        Ok(row)
    }
}

impl Statements {
    /// A running total and the requests it covers.
    async fn read(&self, client: &reqwest::Client) -> Option<(f64, f64)> {
        match self {
            Statements::Metrics(url) => {
                let text = client.get(url).send().await.ok()?.text().await.ok()?;
                let value = |name: &str| {
                    text.lines()
                        .find_map(|l| l.strip_prefix(name)?.trim().parse::<f64>().ok())
                };
                Some((
                    value("parkgraph_sql_statements_per_request_sum")?,
                    value("parkgraph_sql_statements_per_request_count")?,
                ))
            }
            Statements::Postgres(counter) => Some((counter.total().await? as f64, 0.0)),
            Statements::Unknown => None,
        }
    }

    fn per_request(&self, before: (f64, f64), after: (f64, f64), requests: u64) -> f64 {
        let statements = after.0 - before.0;
        match self {
            Statements::Metrics(_) => statements / (after.1 - before.1).max(1.0),
            _ => statements / requests.max(1) as f64,
        }
    }
}

/// Measures a server started by someone else: no CPU, memory or statements.
pub async fn external(
    client: &reqwest::Client,
    url: &str,
    queries: Vec<Query>,
    s: &Settings,
) -> anyhow::Result<Vec<Row>> {
    let mut rows = Vec::new();
    for mut query in queries {
        query.prepare(client, url).await?;
        check(client, url, &query).await?;
        for round in 1..=s.rounds {
            crate::load::drive(client, url, query.body(), s.connections, s.warmup).await;
            let o = crate::load::drive(client, url, query.body(), s.connections, s.duration).await;
            let row = Row::of(s, "external", "?", "parkgraph", &query.name, &o, round);
            println!("{}", row.line());
            rows.push(row);
        }
    }
    Ok(rows)
}

impl Row {
    /// The load figures; what is read from the server is left unknown.
    fn of(
        s: &Settings,
        backend: &str,
        scale: &str,
        server: &str,
        query: &str,
        o: &crate::load::Outcome,
        round: usize,
    ) -> Row {
        Row {
            date: s.date.clone(),
            commit: s.commit.clone(),
            backend: backend.to_owned(),
            scale: scale.to_owned(),
            server: server.to_owned(),
            query: query.to_owned(),
            connections: s.connections,
            seconds: o.elapsed.as_secs_f64(),
            requests: o.requests,
            rps: o.rps(),
            p50: o.quantile_ms(0.5),
            p90: o.quantile_ms(0.9),
            p99: o.quantile_ms(0.99),
            http_errors: o.http_errors,
            graphql_errors: o.graphql_errors,
            statements: f64::NAN,
            cpu_ms: f64::NAN,
            db_cpu_ms: f64::NAN,
            peak_rss_mib: f64::NAN,
            round,
        }
    }
}

/// One request answered in full: data and no errors, or the run stops.
async fn check(client: &reqwest::Client, url: &str, query: &Query) -> anyhow::Result<()> {
    let answer: serde_json::Value = client
        .post(url)
        .header("content-type", "application/json")
        .body(query.body())
        .send()
        .await?
        .json()
        .await?;
    if answer.get("errors").is_some() || answer["data"].is_null() {
        bail!("{} answered with errors: {answer}", query.name);
    }
    Ok(())
}

fn free_port() -> anyhow::Result<u16> {
    Ok(std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port())
}

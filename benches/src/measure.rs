//! One measurement per server and query: check the answer, warm up, then
//! measure load while reading the server's CPU, memory and SQL statements.

use crate::database::{Backend, StatementCounter};
use crate::load::Requests;
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
    /// Whether queries that draw variables get new ones on every request.
    pub drawn: bool,
    /// `PARKGRAPH_RESPONSE_CACHE_BYTES` of the parkgraph servers (0: off).
    pub response_cache: u64,
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

/// The servers a run measures: this build, and optionally an earlier one on
/// its own database and PostGraphile (by its directory).
pub struct Servers<'a> {
    pub parkgraph: &'a Path,
    pub baseline: Option<(&'a Path, String)>,
    /// `parkgraph-floor`, answering Q1-Q4 from memory.
    pub floor: Option<&'a Path>,
    pub peer: Option<&'a Path>,
}

/// The queries `parkgraph-floor` answers.
const FLOOR_QUERIES: [&str; 4] = ["Q1", "Q2", "Q3", "Q4"];

/// Where a measured phase's statement count comes from.
enum Statements {
    /// parkgraph's own `/metrics` histogram (exact, per request).
    Metrics(String),
    /// `pg_stat_statements` for the whole database.
    Postgres(StatementCounter),
    Unknown,
}

/// A started server, its queries and how its statements are counted.
pub(crate) struct Measured {
    pub(crate) server: Server,
    queries: Vec<Query>,
    statements: Statements,
    /// Whether its answers must equal parkgraph's, byte for byte in JSON.
    same_answers: bool,
}

impl Run<'_> {
    /// Measures every query on parkgraph and right after it on each other
    /// server (the baseline, PostGraphile with its equivalent), all of them
    /// up, for `rounds` rounds. Taking them turn by turn, query by query,
    /// keeps a drift in the machine's speed (it moves by tens of percent over
    /// minutes here) out of each round's ratio, and the rounds show how far
    /// one measurement can be trusted.
    pub async fn side_by_side(
        &self,
        servers: &Servers<'_>,
        queries: &[Query],
    ) -> anyhow::Result<Vec<Row>> {
        let url = &self.database_url;
        let ours = (self.parkgraph("parkgraph", servers.parkgraph, url, queries)).await?;
        let mut started = Vec::new();
        if let Some((program, url)) = &servers.baseline {
            let name = "parkgraph-baseline";
            started.push(self.parkgraph(name, program, url, queries).await?);
        }
        if let Some(program) = servers.floor {
            started.push(self.floor(program, queries).await?);
        }
        if let Some(dir) = servers.peer {
            started.push(self.postgraphile(dir).await?);
        }
        let mut rows = Vec::new();
        for query in &ours.queries {
            let turns = self.turns(&ours, &started, query).await?;
            for round in 1..=self.settings.rounds {
                for (measured, requests) in &turns {
                    let n = self.settings.connections;
                    rows.push(self.one(measured, &query.name, requests, n, round).await?);
                }
            }
        }
        ours.server.stop().await;
        for other in started {
            other.server.stop().await;
        }
        Ok(rows)
    }

    /// Starts a parkgraph binary on `database_url`.
    pub(crate) async fn parkgraph(
        &self,
        name: &'static str,
        program: &Path,
        database_url: &str,
        queries: &[Query],
    ) -> anyhow::Result<Measured> {
        let port = free_port()?;
        let mut env = vec![
            ("DATABASE_URL", database_url.to_owned()),
            ("PARKGRAPH_ADDR", format!("127.0.0.1:{port}")),
            ("PARKGRAPH_RATE_LIMIT_PER_MINUTE", "0".to_owned()),
            (
                "PARKGRAPH_RESPONSE_CACHE_BYTES",
                self.settings.response_cache.to_string(),
            ),
            ("RUST_LOG", "warn".to_owned()),
        ];
        if let Some(pool) = self.settings.pool {
            env.push(("PARKGRAPH_DB_MAX_CONNECTIONS", pool.to_string()));
        }
        let url = format!("http://127.0.0.1:{port}/graphql");
        let server = Server::start(name, program, &env, url, self.client).await?;
        let metrics = format!("http://127.0.0.1:{port}/metrics");
        Ok(Measured {
            server,
            queries: queries.to_vec(),
            statements: Statements::Metrics(metrics),
            same_answers: false,
        })
    }

    /// Starts the floor server on the run's database.
    async fn floor(&self, program: &Path, queries: &[Query]) -> anyhow::Result<Measured> {
        let port = free_port()?;
        let env = [
            ("DATABASE_URL", self.database_url.clone()),
            ("PARKGRAPH_ADDR", format!("127.0.0.1:{port}")),
        ];
        let url = format!("http://127.0.0.1:{port}/graphql");
        let server = Server::start("floor", program, &env, url, self.client).await?;
        let queries = (queries.iter())
            .filter(|q| FLOOR_QUERIES.contains(&q.name.as_str()))
            .cloned()
            .collect();
        Ok(Measured {
            server,
            queries,
            statements: Statements::Unknown,
            same_answers: true,
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
            same_answers: false,
        })
    }

    /// Each server that answers `query` with the bodies it is to be sent:
    /// its own text with the same variables (drawn ones included), after
    /// one answer of each is checked (the floor's must equal parkgraph's).
    async fn turns<'m>(
        &self,
        ours: &'m Measured,
        others: &'m [Measured],
        query: &Query,
    ) -> anyhow::Result<Vec<(&'m Measured, Requests)>> {
        let mut mine = query.clone();
        mine.prepare(self.client, &ours.server.url).await?;
        let variants = mine.variants(self.settings.drawn);
        let bodies: Vec<Vec<u8>> = variants.iter().map(|v| mine.body_with(v)).collect();
        let expected = check(self.client, &ours.server.url, &mine.name, &bodies[0]).await?;
        let mut turns = vec![(ours, Requests::plain(&bodies))];
        for other in others {
            let Some(theirs) = other.queries.iter().find(|q| q.name == query.name) else {
                continue;
            };
            let mut theirs = theirs.clone();
            theirs.prepare(self.client, &other.server.url).await?;
            let bodies: Vec<Vec<u8>> = (variants.iter())
                .map(|v| theirs.body_with(&theirs.with_drawn(&mine, v)))
                .collect();
            let answer = check(self.client, &other.server.url, &theirs.name, &bodies[0]).await?;
            if other.same_answers && answer != expected {
                bail!(
                    "{} answers {} otherwise than parkgraph: {answer} against {expected}",
                    other.server.name,
                    query.name
                );
            }
            turns.push((other, Requests::plain(&bodies)));
        }
        Ok(turns)
    }

    /// Warms up, then measures the server `m` sending `requests` in turn
    /// from `connections` connections.
    pub(crate) async fn one(
        &self,
        m: &Measured,
        query: &str,
        requests: &Requests,
        connections: usize,
        round: usize,
    ) -> anyhow::Result<Row> {
        let (server, statements) = (&m.server, &m.statements);
        let s = self.settings;
        let (client, url) = (self.client, &server.url);
        crate::load::drive(client, url, requests, connections, s.warmup).await;
        let (cpu, db_cpu) = (server.cpu(), PostgresCpu::now());
        let before = statements.read(self.client).await;
        let outcome = crate::load::drive(client, url, requests, connections, s.duration).await;
        let after = statements.read(self.client).await;
        let per = |d: Duration| d.as_secs_f64() * 1000.0 / outcome.requests.max(1) as f64;
        let (backend, scale) = (self.backend.label(), self.scale.to_string());
        let mut row = Row::of(s, backend, &scale, server.name, query, &outcome, round);
        row.connections = connections;
        row.variables = drawn_or_fixed(requests.len());
        if s.response_cache > 0 && server.name.starts_with("parkgraph") {
            row.variables.push_str(", cached");
        }
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
        let bodies: Vec<Vec<u8>> = (query.variants(s.drawn).iter())
            .map(|v| query.body_with(v))
            .collect();
        check(client, url, &query.name, &bodies[0]).await?;
        let requests = Requests::plain(&bodies);
        for round in 1..=s.rounds {
            crate::load::drive(client, url, &requests, s.connections, s.warmup).await;
            let o = crate::load::drive(client, url, &requests, s.connections, s.duration).await;
            let mut row = Row::of(s, "external", "?", "parkgraph", &query.name, &o, round);
            row.variables = drawn_or_fixed(bodies.len());
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
            variables: String::new(),
        }
    }
}

/// One request answered in full: data and no errors, or the run stops.
/// Returns the answer's `data`.
pub(crate) async fn check(
    client: &reqwest::Client,
    url: &str,
    name: &str,
    body: &[u8],
) -> anyhow::Result<serde_json::Value> {
    let answer: serde_json::Value = client
        .post(url)
        .header("content-type", "application/json")
        .body(body.to_vec())
        .send()
        .await?
        .json()
        .await?;
    if answer.get("errors").is_some() || answer["data"].is_null() {
        bail!("{name} answered with errors: {answer}");
    }
    Ok(answer["data"].clone())
}

fn drawn_or_fixed(bodies: usize) -> String {
    if bodies > 1 { "drawn" } else { "fixed" }.to_owned()
}

fn free_port() -> anyhow::Result<u16> {
    Ok(std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port())
}

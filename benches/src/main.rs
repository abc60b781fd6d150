//! `cargo run --release -p parkgraph-bench`: starts parkgraph on seeded
//! synthetic data (and PostGraphile v5 beside it on PostgreSQL), drives each
//! standard query in `benches/queries/` with concurrent HTTP load, prints
//! what it measured and writes `benches/results/results.{csv,md}`.

mod database;
mod load;
mod measure;
mod mix;
mod query;
mod report;
mod server;
mod tables;

use clap::Parser;
use database::Backend;
use std::path::PathBuf;
use std::time::Duration;

/// Load benchmark for parkgraph, with PostGraphile v5 as the peer.
#[derive(Debug, Parser)]
struct Args {
    /// Backends to run on.
    #[arg(
        long,
        value_enum,
        value_delimiter = ',',
        default_value = "sqlite,postgres"
    )]
    backend: Vec<Backend>,
    /// Synthetic scales to run at (1 is 2,000 parks and 100,000 firms).
    #[arg(long, value_delimiter = ',', default_value = "1")]
    scale: Vec<f64>,
    /// Peer to measure on PostgreSQL: `postgraphile`, or `none`.
    #[arg(long, default_value = "postgraphile")]
    peer: String,
    /// Concurrent connections.
    #[arg(long, default_value_t = 16)]
    connections: usize,
    /// Database pool size of each server. Default: each server's own
    /// (parkgraph 10 on PostgreSQL and 4 on SQLite; PostGraphile 10).
    #[arg(long)]
    pool: Option<usize>,
    /// Seconds measured per query, server and round.
    #[arg(long, default_value_t = 6)]
    duration: u64,
    /// Seconds of load before each measurement.
    #[arg(long, default_value_t = 2)]
    warmup: u64,
    /// Rounds: each query is measured this many times on each server, the
    /// servers turn by turn; the tables show the median round and the range.
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u64).range(1..))]
    rounds: u64,
    /// Only these queries (e.g. Q1,Q7); all by default.
    #[arg(long, value_delimiter = ',')]
    queries: Vec<String>,
    /// Administrative PostgreSQL URL; benchmark databases are created beside it.
    #[arg(
        long,
        env = "PARKGRAPH_BENCH_POSTGRES_URL",
        default_value = "postgres://postgres:postgres@127.0.0.1:5432/postgres"
    )]
    postgres_url: String,
    /// Measure a parkgraph that is already running at this GraphQL URL
    /// instead (its database is yours to seed; no CPU or RSS figures).
    #[arg(long)]
    url: Option<String>,
    /// Also measure this parkgraph binary (a release build of an earlier
    /// commit), turn by turn with the current one, on a database of its own
    /// that it seeds with the same synthetic data; its rows are the server
    /// `parkgraph-baseline`, compared like a peer. Before and after, in one run.
    #[arg(long)]
    baseline: Option<PathBuf>,
    /// Also measure `parkgraph-floor` (built beside this program), which
    /// answers Q1-Q4 from memory on the same stack: the least a server can
    /// spend on them, to set parkgraph's server CPU against. Its answers are
    /// checked to equal parkgraph's.
    #[arg(long)]
    floor: bool,
    /// `drawn`: queries with `# draw:` lines get new variables on every
    /// request, from their ranges or the data (as a fleet of clients would
    /// send, so that no cache of answers helps); `fixed`: the file's own.
    #[arg(long, value_enum, default_value = "drawn")]
    variables: Variables,
    /// The response cache of the parkgraph servers, in bytes. Off (0) by
    /// default: the headline figures are what a request costs when it must
    /// be answered; measure the cache apart, with `--variables fixed`.
    #[arg(long, default_value_t = 0)]
    response_cache: u64,
    /// Also measure the mixed workload (the standard queries in a fixed
    /// proportion, a tenth of the requests writes) on parkgraph, from each of
    /// these numbers of connections (e.g. 16,64).
    #[arg(long, value_delimiter = ',')]
    mix: Vec<usize>,
    /// Do not run `cargo build --release --bin parkgraph` first.
    #[arg(long)]
    no_build: bool,
    /// Print only; leave `benches/results/` alone.
    #[arg(long)]
    no_save: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Variables {
    Drawn,
    Fixed,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let bench = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let root = bench
        .parent()
        .expect("benches/ sits in the repository")
        .to_owned();
    let queries = query::load(&bench.join("queries"), &args.queries)?;
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(args.connections)
        .timeout(Duration::from_secs(60))
        .build()?;
    let settings = measure::Settings {
        connections: args.connections,
        pool: args.pool,
        duration: Duration::from_secs(args.duration),
        warmup: Duration::from_secs(args.warmup),
        rounds: args.rounds as usize,
        drawn: args.variables == Variables::Drawn,
        response_cache: args.response_cache,
        date: today(),
        commit: commit(&root),
    };
    if let Some(url) = &args.url {
        let rows = measure::external(&client, url, queries, &settings).await?;
        return finish(&args, &bench, &rows);
    }
    // Where `cargo build` below puts the binary: CARGO_TARGET_DIR when set
    // (cargo run passes its own environment on), else the workspace's target/.
    let target = match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => root.join(dir),
        None => root.join("target"),
    };
    let parkgraph = target.join("release/parkgraph");
    let floor = std::env::current_exe()?.with_file_name("parkgraph-floor");
    if !args.no_build {
        let built = std::process::Command::new(std::env::var("CARGO").unwrap_or("cargo".into()))
            .args(["build", "--release", "--bin", "parkgraph"])
            .current_dir(&root)
            .status()?;
        anyhow::ensure!(built.success(), "cargo build --release failed");
    }
    let mut rows = Vec::new();
    for &backend in &args.backend {
        for &scale in &args.scale {
            eprintln!("== {} at scale {scale}", backend.label());
            let dir = target.join("bench");
            let url =
                database::prepare(backend, scale, &args.postgres_url, &parkgraph, &dir, "").await?;
            let baseline = match &args.baseline {
                Some(program) => {
                    // Its own database: an earlier build refuses one that
                    // later migrations have touched.
                    let at = &args.postgres_url;
                    let url = database::prepare(backend, scale, at, program, &dir, "_baseline");
                    Some((program.as_path(), url.await?))
                }
                None => None,
            };
            let run = measure::Run {
                backend,
                scale,
                database_url: url,
                settings: &settings,
                client: &client,
            };
            let peer_dir = bench.join("peers/postgraphile");
            let peer = (backend == Backend::Postgres && args.peer == "postgraphile")
                .then_some(peer_dir.as_path());
            let servers = measure::Servers {
                parkgraph: &parkgraph,
                baseline,
                floor: args.floor.then_some(floor.as_path()),
                peer,
            };
            rows.extend(run.side_by_side(&servers, &queries).await?);
            if !args.mix.is_empty() {
                let all = query::load(&bench.join("queries"), &[])?;
                rows.extend(run.mix(&parkgraph, &all, &args.mix).await?);
            }
        }
    }
    finish(&args, &bench, &rows)
}

fn finish(args: &Args, bench: &std::path::Path, rows: &[report::Row]) -> anyhow::Result<()> {
    println!("\n{}", tables::markdown(rows));
    if !args.no_save {
        // The Markdown shows the whole file, earlier runs' rows too.
        let all = report::save(&bench.join("results"), rows)?;
        std::fs::write(bench.join("results/results.md"), tables::markdown(&all))?;
        eprintln!("saved to {}", bench.join("results").display());
    }
    Ok(())
}

fn today() -> String {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    time::OffsetDateTime::now_utc()
        .format(&format)
        .unwrap_or_default()
}

/// The commit measured, with `+` when the work tree has other changes.
fn commit(root: &std::path::Path) -> String {
    let git = |args: &[&str]| {
        std::process::Command::new("git")
            .args(args)
            .current_dir(root)
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
            .unwrap_or_default()
    };
    let hash = git(&["rev-parse", "--short", "HEAD"]);
    let dirty = git(&["status", "--porcelain", "--", ".", ":!benches/results"]);
    if dirty.is_empty() {
        hash
    } else {
        format!("{hash}+")
    }
}

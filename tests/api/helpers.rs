//! The test harness: every test boots the real app on port 0 with a database of
//! its own: in-memory SQLite by default, or a fresh PostgreSQL database (dropped
//! afterwards) when `PARKGRAPH_TEST_DATABASE_URL` is set.

use std::net::SocketAddr;
use std::sync::LazyLock;

use parkgraph::app::App;
use parkgraph::config::Config;
use parkgraph::store::Db;
use sea_orm::{ConnectionTrait, DbBackend, Statement};
use serde_json::{Value, json};

/// The PostgreSQL server to test against, when set.
pub const PG_ENV: &str = "PARKGRAPH_TEST_DATABASE_URL";

static TRACING: LazyLock<()> = LazyLock::new(|| {
    if std::env::var_os("TEST_LOG").is_some() {
        let _ = parkgraph::telemetry::init(parkgraph::config::LogFormat::Text);
    }
});

/// For tests that change rows in SQL behind the server's back (the response
/// cache sees only what the change log records: every write of the API, the
/// CLI and imports, not a hand-written UPDATE), or that count a repeated
/// query's statements. Every other test runs with the cache on, as a server
/// does by default, so each of them also checks that no read after a write
/// is answered from before it.
pub fn no_response_cache(config: &mut Config) {
    config.response_cache_bytes = 0;
}

/// A running server and a handle on its database.
pub struct TestApp {
    /// Where the server listens.
    pub addr: SocketAddr,
    /// The server's own database handle (fixtures must use this one: an
    /// in-memory SQLite database exists only on its connection).
    pub db: Db,
    /// The database URL the server uses (replicas start on the same one).
    pub database_url: String,
    client: reqwest::Client,
    server: tokio::task::JoinHandle<()>,
    pg_database: Option<(String, String)>,
    sqlite_dir: Option<std::path::PathBuf>,
}

impl TestApp {
    /// A server over an empty, migrated database.
    pub async fn spawn() -> Self {
        Self::start(false).await
    }

    /// A server over the shipped dataset.
    pub async fn seeded() -> Self {
        Self::start(true).await
    }

    /// A seeded server whose database other processes can open too: a
    /// temporary SQLite file, or the test's PostgreSQL database.
    pub async fn shared() -> Self {
        Self::start_with(true, true, |_| {}).await
    }

    /// [`TestApp::shared`], with settings changed by `tweak`.
    pub async fn shared_configured(tweak: fn(&mut Config)) -> Self {
        Self::start_with(true, true, tweak).await
    }

    /// A seeded server with settings changed by `tweak`.
    pub async fn configured(tweak: fn(&mut Config)) -> Self {
        Self::start_with(true, false, tweak).await
    }

    /// Another server on this one's database, as a second replica would be.
    pub async fn replica(&self) -> Self {
        self.replica_configured(|_| {}).await
    }

    /// [`TestApp::replica`], with settings changed by `tweak`.
    pub async fn replica_configured(&self, tweak: fn(&mut Config)) -> Self {
        let mut replica = Self::serve(self.database_url.clone(), false, tweak).await;
        replica.database_url = self.database_url.clone();
        replica
    }

    async fn start(seed: bool) -> Self {
        Self::start_with(seed, false, |_| {}).await
    }

    async fn start_with(seed: bool, file: bool, tweak: fn(&mut Config)) -> Self {
        LazyLock::force(&TRACING);
        let mut sqlite_dir = None;
        let (database_url, pg_database) = match std::env::var(PG_ENV) {
            Ok(server) if !server.is_empty() => {
                let (url, name) = create_pg_database(&server).await;
                (url, Some((server, name)))
            }
            _ if file => {
                let dir = std::env::temp_dir()
                    .join(format!("parkgraph-test-{}", uuid::Uuid::new_v4().simple()));
                std::fs::create_dir_all(&dir).unwrap();
                let url = format!("sqlite://{}/shared.db?mode=rwc", dir.display());
                sqlite_dir = Some(dir);
                (url, None)
            }
            _ => ("sqlite::memory:".to_owned(), None),
        };
        let mut app = Self::serve(database_url, seed, tweak).await;
        app.pg_database = pg_database;
        app.sqlite_dir = sqlite_dir;
        app
    }

    async fn serve(database_url: String, seed: bool, tweak: fn(&mut Config)) -> Self {
        let mut config = Config {
            database_url: database_url.clone(),
            addr: "127.0.0.1:0".parse().unwrap(),
            db_max_connections: Some(4),
            seed_on_start: seed,
            // Tests send bursts from one address; the rate-limit tests turn it on.
            rate_per_minute: 0,
            // The production default (3 s) is for a server's own requests; on a
            // loaded 2-core CI machine, with PostgreSQL starting backends for
            // tests in parallel, a first connection once took longer. The
            // tests of the timeout set their own.
            db_acquire_timeout: std::time::Duration::from_secs(30),
            ..Config::default()
        };
        tweak(&mut config);
        let app = App::build(&config).await.expect("the app builds");
        let addr = app.local_addr();
        let db = app.db().clone();
        let server = tokio::spawn(async move {
            app.serve_until(std::future::pending()).await.unwrap();
        });
        Self {
            addr,
            db,
            database_url,
            client: reqwest::Client::new(),
            server,
            pg_database: None,
            sqlite_dir: None,
        }
    }

    /// On PostgreSQL, cuts the server off its database (`true`: every
    /// connection killed and new ones refused) or lets it back (`false`);
    /// false on SQLite, where there is no database server to stop.
    pub async fn cut_database(&self, cut: bool) -> bool {
        let Some((server, name)) = &self.pg_database else {
            return false;
        };
        let admin = sea_orm::Database::connect(server.clone()).await.unwrap();
        let mut statements = vec![format!(
            "ALTER DATABASE \"{name}\" ALLOW_CONNECTIONS {}",
            !cut
        )];
        if cut {
            statements.push(format!(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'"
            ));
        }
        for sql in statements {
            admin
                .execute_raw(Statement::from_string(DbBackend::Postgres, sql))
                .await
                .unwrap();
        }
        admin.close().await.ok();
        true
    }

    /// A new API key with `scope` (bound to organization `org` when given).
    pub async fn key(&self, scope: &str, org: Option<&str>) -> String {
        let name = format!("{scope}-{}", uuid::Uuid::new_v4().simple());
        parkgraph::auth::create(&self.db, &name, scope, org)
            .await
            .expect("the key is created")
            .token
    }

    /// POSTs a GraphQL document with `Authorization: Bearer token`.
    pub async fn gql_as(&self, token: &str, query: &str, variables: Value) -> Value {
        let response = self
            .client
            .post(self.url("/graphql"))
            .bearer_auth(token)
            .json(&json!({ "query": query, "variables": variables }))
            .send()
            .await
            .expect("the server answers");
        response.json().await.expect("the body is JSON")
    }

    /// [`Self::gql_as`], failing on any error; returns `data`.
    pub async fn data_as(&self, token: &str, query: &str, variables: Value) -> Value {
        let body = self.gql_as(token, query, variables).await;
        assert!(body.get("errors").is_none(), "unexpected errors: {body:#}");
        body["data"].clone()
    }

    /// Rows in `table`.
    pub async fn count(&self, table: &str) -> i64 {
        self.count_where(table, "1 = 1").await
    }

    /// Rows of `table` where the SQL condition `condition` holds.
    pub async fn count_where(&self, table: &str, condition: &str) -> i64 {
        let backend = self.db.backend();
        let sql = format!("SELECT COUNT(*) AS n FROM {table} WHERE {condition}");
        let row = self
            .db
            .conn
            .query_one_raw(Statement::from_string(backend, sql))
            .await
            .unwrap()
            .unwrap();
        row.try_get::<i64>("", "n").unwrap()
    }

    /// `http://127.0.0.1:PORT` + `path`.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// POSTs a GraphQL document and returns the whole JSON body.
    pub async fn gql(&self, query: &str, variables: Value) -> Value {
        let response = self
            .client
            .post(self.url("/graphql"))
            .json(&json!({ "query": query, "variables": variables }))
            .send()
            .await
            .expect("the server answers");
        response.json().await.expect("the body is JSON")
    }

    /// POSTs a GraphQL document and returns `data`, failing on any error.
    pub async fn data(&self, query: &str, variables: Value) -> Value {
        let body = self.gql(query, variables).await;
        assert!(body.get("errors").is_none(), "unexpected errors: {body:#}");
        body["data"].clone()
    }

    /// POSTs a body with extra headers; returns status, headers and the body.
    pub async fn post_with(
        &self,
        body: Vec<u8>,
        headers: &[(&str, &str)],
    ) -> (u16, reqwest::header::HeaderMap, String) {
        let mut request = self.client.post(self.url("/graphql")).body(body);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let response = request.send().await.expect("the server answers");
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        (status, headers, response.text().await.unwrap())
    }

    /// POSTs a raw body with a content type; returns status and text.
    pub async fn post_raw(&self, body: &str, content_type: &str) -> (u16, String) {
        let response = self
            .client
            .post(self.url("/graphql"))
            .header("content-type", content_type)
            .body(body.to_owned())
            .send()
            .await
            .expect("the server answers");
        (response.status().as_u16(), response.text().await.unwrap())
    }

    /// GETs a path with extra headers; returns status and text.
    pub async fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> (u16, String) {
        let mut request = self.client.get(self.url(path));
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let response = request.send().await.expect("the server answers");
        (response.status().as_u16(), response.text().await.unwrap())
    }

    /// GETs a path; returns status and text.
    pub async fn get(&self, path: &str) -> (u16, String) {
        let response = self
            .client
            .get(self.url(path))
            .send()
            .await
            .expect("the server answers");
        (response.status().as_u16(), response.text().await.unwrap())
    }

    /// SQL statements the server has run so far.
    pub fn statements(&self) -> u64 {
        self.db.stats.statements()
    }

    /// Runs raw SQL on the server's database (for fixtures and sabotage).
    pub async fn execute(&self, sql: &str) {
        let backend = self.db.backend();
        self.db
            .conn
            .execute_raw(Statement::from_string(backend, sql.to_owned()))
            .await
            .unwrap_or_else(|err| panic!("{sql}: {err}"));
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        self.server.abort();
        if let Some(dir) = self.sqlite_dir.take() {
            std::fs::remove_dir_all(dir).ok();
        }
        if let Some((server, name)) = self.pg_database.take() {
            // Dropped from a thread of its own, not joined: blocking this
            // test's runtime could strand one of the app's connections
            // mid-handshake, and PostgreSQL would wait a minute (its
            // authentication_timeout) before the DROP could finish. Databases
            // whose drop has not finished when the test binary exits are
            // removed at the start of the next run.
            std::thread::spawn(move || drop_pg_database(&server, &name));
        }
    }
}

fn drop_pg_database(server: &str, name: &str) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        if let Ok(admin) = sea_orm::Database::connect(server.to_owned()).await {
            let sql = format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            let _ = admin
                .execute_raw(Statement::from_string(DbBackend::Postgres, sql))
                .await;
            let _ = admin.close().await;
        }
    });
}

/// Drops the test databases earlier runs left behind; one still in use (by a
/// concurrent run) is left alone, as a DROP without FORCE refuses it.
static SWEEP: tokio::sync::OnceCell<()> = tokio::sync::OnceCell::const_new();

async fn sweep(admin: &sea_orm::DatabaseConnection) {
    let sql = "SELECT datname FROM pg_database WHERE datname LIKE 'parkgraph_test_%'";
    let Ok(rows) = admin
        .query_all_raw(Statement::from_string(DbBackend::Postgres, sql))
        .await
    else {
        return;
    };
    for row in rows {
        if let Ok(name) = row.try_get::<String>("", "datname") {
            let sql = format!("DROP DATABASE IF EXISTS \"{name}\"");
            let _ = admin
                .execute_raw(Statement::from_string(DbBackend::Postgres, sql))
                .await;
        }
    }
}

/// Creates a uniquely named database on the server at `server`; returns its URL
/// and name. Fails loudly: with the variable set, PostgreSQL must be there.
async fn create_pg_database(server: &str) -> (String, String) {
    let name = format!("parkgraph_test_{}", uuid::Uuid::new_v4().simple());
    let admin = sea_orm::Database::connect(server.to_owned())
        .await
        .unwrap_or_else(|err| panic!("{PG_ENV} is set but PostgreSQL is unreachable: {err}"));
    SWEEP.get_or_init(|| sweep(&admin)).await;
    admin
        .execute_raw(Statement::from_string(
            DbBackend::Postgres,
            format!("CREATE DATABASE \"{name}\""),
        ))
        .await
        .expect("CREATE DATABASE works");
    admin.close().await.ok();
    (with_database(server, &name), name)
}

/// `server` with its database name replaced by `name`.
fn with_database(server: &str, name: &str) -> String {
    let (base, query) = match server.split_once('?') {
        Some((base, query)) => (base, Some(query)),
        None => (server, None),
    };
    let scheme_end = base.find("://").map(|i| i + 3).unwrap_or(0);
    let root = match base[scheme_end..].find('/') {
        Some(slash) => &base[..scheme_end + slash],
        None => base,
    };
    match query {
        Some(query) => format!("{root}/{name}?{query}"),
        None => format!("{root}/{name}"),
    }
}

/// The `extensions.code` of the first error.
pub fn first_code(body: &Value) -> &str {
    body["errors"][0]["extensions"]["code"]
        .as_str()
        .unwrap_or_else(|| panic!("no error code in {body:#}"))
}

/// How many migrations `Migrator::down` must undo to undo `name`: it and
/// every later one.
pub fn migrations_since(name: &str) -> u32 {
    use migration::MigratorTrait;
    let names: Vec<String> = migration::Migrator::migrations()
        .iter()
        .map(|m| m.name().to_owned())
        .collect();
    let at = names
        .iter()
        .position(|n| n == name)
        .expect("a known migration");
    (names.len() - at) as u32
}

/// How many rows the shipped dataset holds, over every table.
pub fn shipped_rows() -> usize {
    let files = parkgraph::dataset::seed::embedded();
    parkgraph::dataset::seed::parse_with(&files, "2026-01-01T00:00:00Z", &|_, n| n as i32 + 1)
        .expect("the shipped dataset is valid")
        .len()
}

/// How many parks the shipped dataset holds (rows of `parks.csv`).
pub fn shipped_parks() -> i64 {
    let files = parkgraph::dataset::seed::embedded();
    let text = files.get("parks.csv").expect("parks.csv is shipped");
    csv::Reader::from_reader(text.as_bytes()).records().count() as i64
}

//! The `parkgraph` command line: `serve` (the default), `migrate`, `schema`
//! (and `schema check`), and, in their own files, the dataset commands
//! (`seed`, `import`, `export`: dataset.rs) and `keys` (keys.rs). Settings
//! come from the environment (see `.env.example`).

use std::path::PathBuf;

use anyhow::Context as _;
use clap::{Parser, Subcommand};

use crate::app::App;
use crate::config::{Config, redact};
use crate::error::{AppError, db_code};
use crate::store::Db;

mod dataset;
mod keys;

pub use keys::KeysAction;

/// The file an export writes its feed cursor to, beside the dataset files.
pub const FEED_CURSOR: &str = "feed_cursor.txt";

/// parkgraph: a GraphQL API for Pakistan's technology parks.
///
/// Configuration is read from the environment: DATABASE_URL (default
/// sqlite://parkgraph.db?mode=rwc), PARKGRAPH_ADDR (default 127.0.0.1:8000),
/// RUST_LOG, PARKGRAPH_LOG_FORMAT, PARKGRAPH_DB_MAX_CONNECTIONS,
/// PARKGRAPH_SEED_ON_START.
#[derive(Parser, Debug)]
#[command(name = "parkgraph", version)]
pub struct Cli {
    /// Print results and failures as JSON (failures as {"code", "message"}
    /// on stderr, with the API's error codes).
    #[arg(long, global = true)]
    pub json: bool,
    /// What to do; `serve` when omitted.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// How a command failed: the API's error code, the exit code the binary
/// ends with, and what went wrong.
#[derive(Debug, PartialEq, Eq)]
pub struct Failure {
    /// `BAD_USER_INPUT`, `NOT_FOUND`, `CONFLICT`, `FORBIDDEN`,
    /// `SERVICE_UNAVAILABLE` or `INTERNAL`, as the API names them.
    pub code: &'static str,
    /// 3 bad input, 4 not found, 5 conflict, 6 forbidden, 7 unavailable (try
    /// again), 1 anything else (a bug); clap's usage errors are 2.
    pub exit: u8,
    /// The error and its causes, in words.
    pub message: String,
}

impl Failure {
    /// What `err` was, from the first cause that says.
    pub fn of(err: &anyhow::Error) -> Self {
        let code = err
            .chain()
            .find_map(|cause| {
                (cause.downcast_ref::<AppError>().map(AppError::code))
                    .or_else(|| cause.downcast_ref::<sea_orm::DbErr>().map(db_code))
            })
            .unwrap_or(if err.downcast_ref::<std::io::Error>().is_some() {
                "BAD_USER_INPUT"
            } else {
                "INTERNAL"
            });
        let exit = match code {
            "BAD_USER_INPUT" => 3,
            "NOT_FOUND" => 4,
            "CONFLICT" => 5,
            "FORBIDDEN" | "UNAUTHENTICATED" => 6,
            "SERVICE_UNAVAILABLE" => 7,
            _ => 1,
        };
        Self {
            code,
            exit,
            message: format!("{err:#}"),
        }
    }

    /// Its JSON form: `{"code": ..., "message": ...}`.
    pub fn json(&self) -> String {
        serde_json::json!({ "code": self.code, "message": self.message }).to_string()
    }
}

/// The subcommands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Serve the API: GraphiQL at /, GraphQL at /graphql, /healthz, /readyz.
    /// Migrates the database and, when it is empty, loads the shipped dataset.
    Serve,
    /// Create or update the database tables, then exit.
    Migrate,
    /// Validate a dataset and load it into an empty database in one
    /// transaction. Every problem is reported with file, line and column, and
    /// nothing is written unless all files are valid.
    Seed {
        /// A folder with the dataset's CSV files (default: the dataset built
        /// into this binary, a copy of the repository's data/).
        #[arg(long, value_name = "DIR", conflicts_with = "synthetic")]
        data: Option<PathBuf>,
        /// Load a deterministic synthetic dataset for benchmarks instead (at
        /// scale 1: 2,000 parks, 100,000 firms, 300,000 tenancies...).
        #[arg(long)]
        synthetic: bool,
        /// Multiplies every synthetic count (e.g. 10, or 0.01 for a small run).
        #[arg(long, default_value_t = 1.0, requires = "synthetic", value_parser = positive_scale)]
        scale: f64,
    },
    /// Print the GraphQL schema (SDL) to standard output; `schema check`
    /// tells what a schema change would break.
    Schema {
        /// What to do with the schema; print it when omitted.
        #[command(subcommand)]
        action: Option<SchemaAction>,
    },
    /// Manage the API keys partners send as `Authorization: Bearer KEY`.
    Keys {
        /// What to do with keys.
        #[command(subcommand)]
        action: KeysAction,
    },
    /// Import dataset files (named like data/: parks.csv, firms.json...) in
    /// one transaction: rows are matched by their keys (slugs) and created or
    /// updated; any problem and nothing is written, with every bad row listed.
    Import {
        /// The files to import.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Report what would be created, updated and left unchanged; write nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Export every table as CSV files in the layout of data/ (import takes them back),
    /// read in one transaction, with the change feed's cursor at that moment in
    /// feed_cursor.txt: follow `changes(after:)` from it to miss nothing.
    Export {
        /// The folder to write to (created if missing).
        #[arg(value_name = "DIR")]
        dir: PathBuf,
    },
}

/// `schema` subcommands.
#[derive(Subcommand, Debug)]
pub enum SchemaAction {
    /// List the breaking changes from an older schema and validate every
    /// stored document (examples/, the e2e clients' operations, and any
    /// --documents) against this one; fails (exit 3) when a document no
    /// longer validates.
    Check {
        /// The older schema (SDL), e.g. the last release's schema.graphql.
        #[arg(long, value_name = "OLD.graphql")]
        against: Option<PathBuf>,
        /// Files or folders of documents to validate (default: examples/ and
        /// e2e/, where they exist): .graphql files, JavaScript clients'
        /// operations, trusted-document manifests (.json).
        #[arg(long = "documents", value_name = "PATH")]
        documents: Vec<PathBuf>,
        /// Also validate every key's trusted documents in the database
        /// (DATABASE_URL).
        #[arg(long)]
        stored: bool,
    },
}

/// Runs the command line; the process exit code follows the result.
pub async fn run(cli: Cli) -> anyhow::Result<()> {
    if let Some(Command::Schema { action }) = cli.command {
        return match action {
            None => {
                print!("{}", crate::graphql::sdl());
                Ok(())
            }
            Some(SchemaAction::Check {
                against,
                documents,
                stored,
            }) => {
                let db = match stored {
                    true => Some(connect(&checked_config()?).await?),
                    false => None,
                };
                crate::graphql::check::command(against.as_deref(), documents, db, cli.json).await
            }
        };
    }
    let config = checked_config()?;
    crate::telemetry::init(config.log_format)?;
    let json = cli.json;
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => {
            let app = App::build(&config).await?;
            tracing::info!(
                addr = %app.local_addr(),
                database = %redact(&config.database_url),
                "parkgraph listening: GraphiQL at http://{}/",
                app.local_addr()
            );
            app.serve().await?;
        }
        Command::Migrate => {
            connect(&config).await?.migrate().await?;
            println!("migrations applied");
        }
        Command::Seed {
            data,
            synthetic,
            scale,
        } => dataset::seed_command(&config, data, synthetic, scale).await?,
        Command::Keys { action } => {
            let db = connect(&config).await?;
            db.migrate().await?;
            keys::keys(&db, action).await?;
        }
        Command::Import { files, dry_run } => {
            dataset::import_command(&config, &files, dry_run, json).await?
        }
        Command::Export { dir } => dataset::export_command(&config, &dir, json).await?,
        Command::Schema { .. } => unreachable!("handled above"),
    }
    Ok(())
}

/// The settings from the environment; a bad one is the caller's to fix, as
/// bad input is.
fn checked_config() -> anyhow::Result<Config> {
    Ok(Config::from_env().map_err(|err| AppError::bad_input("environment", format!("{err:#}")))?)
}

/// The database of `config`.
pub(crate) async fn connect(config: &Config) -> anyhow::Result<Db> {
    Db::connect_with(&config.database_url, config.pool())
        .await
        .with_context(|| format!("cannot connect to {}", redact(&config.database_url)))
}

fn positive_scale(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(scale) if scale > 0.0 && scale <= 1000.0 => Ok(scale),
        _ => Err(format!("{text:?} is not a scale between 0 and 1000")),
    }
}

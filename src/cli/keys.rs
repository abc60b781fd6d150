//! `parkgraph keys`: creating, binding to trusted documents, listing and
//! revoking the API keys partners send as `Authorization: Bearer KEY`.

use std::path::PathBuf;

use clap::Subcommand;

use crate::auth::documents::{Trust, Trusted, bind, parse_manifest};
use crate::error::AppError;
use crate::store::Db;

/// `keys` subcommands.
#[derive(Subcommand, Debug)]
pub enum KeysAction {
    /// Create a key and print it once (only its hash is stored).
    Create {
        /// A unique name; the change log records it as who wrote.
        #[arg(long)]
        name: String,
        /// `read`, `write` (parks, firms, tenancies, projects, milestones) or
        /// `admin` (also organizations, cities, indicators and imports).
        #[arg(long)]
        scope: String,
        /// Bind a `write` key to an organization: it may then change only the
        /// parks it operates, their tenancies, and the projects it partners in.
        #[arg(long, value_name = "SLUG")]
        org: Option<String>,
        /// Bind the key to a manifest of trusted documents (GraphQL Code
        /// Generator's or Apollo's persisted-document JSON): it runs only those.
        #[arg(long, value_name = "FILE")]
        documents: Option<PathBuf>,
        /// With --documents: run other documents too, and log them.
        #[arg(long, requires = "documents")]
        rollout: bool,
    },
    /// Bind a key to a manifest of trusted documents, replacing any it had.
    Documents {
        /// The key's name.
        #[arg(long)]
        name: String,
        /// The manifest (GraphQL Code Generator's or Apollo's JSON).
        #[arg(value_name = "FILE")]
        manifest: PathBuf,
        /// Run other documents too, and log them (to roll a manifest out).
        #[arg(long)]
        rollout: bool,
    },
    /// List keys (names, scopes, prefixes; never the keys).
    List,
    /// Revoke a key: its requests fail from now on.
    Revoke {
        /// The key's name.
        #[arg(long)]
        name: String,
    },
}

/// Runs one `keys` subcommand.
pub async fn keys(db: &Db, action: KeysAction) -> anyhow::Result<()> {
    match action {
        KeysAction::Create {
            name,
            scope,
            org,
            documents,
            rollout,
        } => {
            // Read first, so that a bad manifest creates no key.
            let manifest = documents.as_deref().map(manifest).transpose()?;
            let key = crate::auth::create(db, &name, &scope, org.as_deref()).await?;
            if let Some(trusted) = manifest {
                bind(db, &name, &trusted, trust(rollout)).await?;
            }
            println!("{}", key.token);
            eprintln!("created key {:?}; it is shown only this once", key.name);
        }
        KeysAction::Documents {
            name,
            manifest: path,
            rollout,
        } => {
            let trusted = manifest(&path)?;
            bind(db, &name, &trusted, trust(rollout)).await?;
            println!("{name:?} runs {} trusted document(s)", trusted.len());
        }
        KeysAction::List => {
            for key in crate::auth::list(db).await? {
                println!(
                    "{}\t{}\t{}\t{}...\tcreated {}{}",
                    key.name,
                    key.scope,
                    key.organization.as_deref().unwrap_or("-"),
                    key.prefix,
                    key.created_at,
                    key.revoked_at
                        .map(|at| format!("\trevoked {at}"))
                        .unwrap_or_default()
                );
            }
        }
        KeysAction::Revoke { name } => {
            crate::auth::revoke(db, &name).await?;
            println!("revoked {name:?}");
        }
    }
    Ok(())
}

fn manifest(path: &std::path::Path) -> anyhow::Result<Vec<Trusted>> {
    let text = std::fs::read_to_string(path).map_err(|err| {
        AppError::bad_input("manifest", format!("cannot read {}: {err}", path.display()))
    })?;
    Ok(parse_manifest(&text)?)
}

fn trust(rollout: bool) -> Trust {
    if rollout {
        Trust::Rollout
    } else {
        Trust::Enforce
    }
}

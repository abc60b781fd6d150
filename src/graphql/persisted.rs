//! Persisted queries. Automatic persisted queries (the Apollo APQ protocol):
//! a client sends `extensions.persistedQuery.sha256Hash`; the first time the
//! server answers `PersistedQueryNotFound` and the client sends the document
//! once with its hash; from then on the hash alone is enough, so a query fits
//! in a cacheable GET URL. With an allow-list (`PARKGRAPH_PERSISTED_QUERIES`,
//! a folder of `.graphql` files, and `PARKGRAPH_PERSISTED_ONLY=true`) only
//! those documents run. On PostgreSQL the automatic cache is shared by every
//! replica (`store::shared`): a hash registered on one runs on the next.

use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use async_graphql::{Request, ServerError, ServerResult, Value};
use sha2::{Digest, Sha256};

use crate::store::Db;
use crate::store::shared::{persist_document, persisted_document};

// Automatically persisted documents kept per process; past this, the oldest
// half is forgotten (clients resend a document they are told is missing).
const CACHE_ENTRIES: usize = 10_000;

/// The registered documents and the automatic cache.
#[derive(Debug, Default)]
pub struct PersistedQueries {
    allowed: HashMap<String, Arc<str>>,
    only: bool,
    cache: Mutex<Cache>,
    shared: Option<Db>,
    // Registered here and not yet shared with the other replicas.
    unshared: Mutex<Vec<(String, Arc<str>)>>,
    has_unshared: AtomicBool,
}

/// Automatically persisted documents by hash, each with the tick it was
/// stored at; and the clock.
type Cache = (HashMap<String, (u64, Arc<str>)>, u64);

/// The SHA-256 of a document, hex, as APQ clients compute it.
pub fn hash(document: &str) -> String {
    format!("{:x}", Sha256::digest(document.as_bytes()))
}

impl PersistedQueries {
    /// Registers every `.graphql` file in `dir` (by the SHA-256 of its exact
    /// contents); with `only`, nothing else runs.
    pub fn load(dir: Option<&Path>, only: bool) -> anyhow::Result<Self> {
        let mut allowed = HashMap::new();
        if let Some(dir) = dir {
            let entries = std::fs::read_dir(dir)
                .map_err(|err| anyhow::anyhow!("cannot read {}: {err}", dir.display()))?;
            for entry in entries {
                let path = entry?.path();
                if path.extension().and_then(|e| e.to_str()) == Some("graphql") {
                    let text = std::fs::read_to_string(&path)?;
                    allowed.insert(hash(&text), Arc::from(text));
                }
            }
        }
        if only && allowed.is_empty() {
            anyhow::bail!(
                "PARKGRAPH_PERSISTED_ONLY=true needs PARKGRAPH_PERSISTED_QUERIES: a folder with .graphql files"
            );
        }
        Ok(Self {
            allowed,
            only,
            ..Self::default()
        })
    }

    /// The same documents, the automatic ones shared through `db` with every
    /// replica on it.
    pub fn shared_in(self, db: Db) -> Self {
        Self {
            shared: Some(db),
            ..self
        }
    }

    /// Before [`PersistedQueries::resolve`]: a hash this replica does not
    /// know may have been registered on another; one read, only then.
    pub async fn fetch_shared(&self, request: &Request) {
        let Some(db) = &self.shared else { return };
        let Some(Value::Object(pq)) = request.extensions.get("persistedQuery") else {
            return;
        };
        let Some(Value::String(sent)) = pq.get("sha256Hash") else {
            return;
        };
        let sent = sent.to_ascii_lowercase();
        if !request.query.trim().is_empty() || self.only || self.lookup(&sent).is_some() {
            return;
        }
        match persisted_document(db, &sent).await {
            Ok(Some(document)) if hash(&document) == sent => self.keep(sent, &document),
            Ok(_) => {}
            Err(err) => tracing::warn!(error = %err, "reading shared persisted documents failed"),
        }
    }

    /// After [`PersistedQueries::resolve`]: shares the documents registered
    /// here with the other replicas (nothing to do on most requests).
    pub async fn share_registered(&self) {
        let Some(db) = &self.shared else { return };
        if !self.has_unshared.swap(false, Ordering::AcqRel) {
            return;
        }
        let unshared =
            std::mem::take(&mut *self.unshared.lock().unwrap_or_else(|e| e.into_inner()));
        for (hash, document) in unshared {
            if let Err(err) = persist_document(db, &hash, &document).await {
                tracing::warn!(error = %err, "sharing a persisted document failed");
            }
        }
    }

    fn remember(&self, hash: String, document: &str) {
        if self.shared.is_some() {
            let entry = (hash.clone(), Arc::from(document));
            self.unshared
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push(entry);
            self.has_unshared.store(true, Ordering::Release);
        }
        self.keep(hash, document);
    }

    fn keep(&self, hash: String, document: &str) {
        let mut guard = self.cache.lock().unwrap_or_else(|e| e.into_inner());
        let (entries, clock) = &mut *guard;
        *clock += 1;
        if entries.len() >= CACHE_ENTRIES {
            let mut ages: Vec<u64> = entries.values().map(|(at, _)| *at).collect();
            ages.sort_unstable();
            let cutoff = ages[ages.len() / 2];
            entries.retain(|_, (at, _)| *at > cutoff);
        }
        entries.insert(hash, (*clock, Arc::from(document)));
    }

    fn lookup(&self, hash: &str) -> Option<Arc<str>> {
        if let Some(document) = self.allowed.get(hash) {
            return Some(document.clone());
        }
        if self.only {
            return None;
        }
        let guard = self.cache.lock().unwrap_or_else(|e| e.into_inner());
        guard.0.get(hash).map(|(_, document)| document.clone())
    }

    /// Puts the document a persisted-query hash names into `request`, or
    /// refuses the request (unknown hash, not allowed, hash mismatch).
    pub fn resolve(&self, request: &mut Request) -> ServerResult<()> {
        let sent_hash = match request.extensions.get("persistedQuery") {
            Some(Value::Object(pq)) => {
                if pq.get("version") != Some(&Value::from(1)) {
                    return Err(error("persisted query version must be 1", "BAD_USER_INPUT"));
                }
                match pq.get("sha256Hash") {
                    Some(Value::String(h)) => Some(h.to_ascii_lowercase()),
                    _ => return Err(error("persistedQuery needs a sha256Hash", "BAD_USER_INPUT")),
                }
            }
            Some(_) => return Err(error("persistedQuery must be an object", "BAD_USER_INPUT")),
            None => None,
        };
        match sent_hash {
            Some(h) if request.query.trim().is_empty() => match self.lookup(&h) {
                Some(document) => {
                    request.query = document.to_string();
                    Ok(())
                }
                // The exact message is what Apollo's client looks for.
                None => Err(error("PersistedQueryNotFound", "PERSISTED_QUERY_NOT_FOUND")),
            },
            Some(h) => {
                if hash(&request.query) != h {
                    return Err(error(
                        "provided sha256Hash does not match the query",
                        "BAD_USER_INPUT",
                    ));
                }
                if self.only && !self.allowed.contains_key(&h) {
                    return Err(not_allowed());
                }
                if !self.allowed.contains_key(&h) {
                    self.remember(h, &request.query);
                }
                Ok(())
            }
            None if self.only && !self.allowed.contains_key(&hash(&request.query)) => {
                Err(not_allowed())
            }
            None => Ok(()),
        }
    }
}

fn error(message: &str, code: &str) -> ServerError {
    crate::error::coded(message, code)
}

fn not_allowed() -> ServerError {
    error(
        "this server runs only registered operations (PARKGRAPH_PERSISTED_ONLY); send a registered sha256Hash",
        "FORBIDDEN",
    )
}

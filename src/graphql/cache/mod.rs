//! The response cache: public reads answered from memory, never older than
//! an acknowledged write (`PARKGRAPH_RESPONSE_CACHE_BYTES`, 0 turns it off).
//!
//! An answer is kept under its document, operation, variables, the caller's
//! visibility and the day (tenancy statuses are judged on it), with the
//! kinds of record it read, found in the statements it ran, and what the
//! change log had said of those kinds before it ran. It is served while the
//! log says none of them changed since ([`generations`]); only answers
//! without errors, to queries, that read nothing but records' tables (not
//! the change log, not keys) are kept. Memory is bounded by the answers'
//! bytes; the least useful go first.

mod generations;
mod key;

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};

use async_graphql::Response;
use bytes::Bytes;
use sha2::Digest as _;

pub use generations::{Generations, Seen};
pub use key::{Visibility, key, key_of};

use crate::records::Kind;
use crate::records::derived::KEPT_FROM;
use crate::store::{Db, Tables};

/// An answer kept, ready to send.
#[derive(Debug)]
pub struct Entry {
    /// The response as JSON, in the query's field order.
    pub body: Bytes,
    /// The operation's cost, for the request log.
    pub cost: Option<String>,
    seen: Seen,
    kinds: u64,
    // Hashed on the first GET that needs it, then kept with the body.
    etag: OnceLock<String>,
}

/// The weak `ETag` of an answer's bytes (a GET answer's validator).
pub fn etag_of(body: &[u8]) -> String {
    let digest = format!("{:x}", sha2::Sha256::digest(body));
    format!("W/\"{}\"", &digest[..32])
}

impl Entry {
    /// The kept answer's [`etag_of`], hashed once.
    pub fn etag(&self) -> &str {
        self.etag.get_or_init(|| etag_of(&self.body))
    }

    /// The kept answer as a response, its fields in the kept order, for
    /// transports that send their own (the WebSocket, which does not use
    /// the cache).
    pub fn response(&self) -> Response {
        #[derive(serde::Deserialize, Default)]
        struct Kept {
            #[serde(default)]
            data: async_graphql::Value,
            #[serde(default)]
            extensions: std::collections::BTreeMap<String, async_graphql::Value>,
        }
        let kept: Kept = serde_json::from_slice(&self.body).unwrap_or_default();
        let mut response = Response::new(kept.data);
        response.extensions = kept.extensions;
        response
    }
}

/// A lookup's outcome.
pub enum Lookup {
    /// A kept answer that is still current.
    Hit(Arc<Entry>),
    /// None (or none current): run the request, then [`ResponseCache::keep`].
    Miss(Pending),
}

/// A miss, remembered until its answer is known.
pub struct Pending {
    key: [u8; 32],
    seen: Seen,
}

#[derive(Clone)]
struct Weigh;

// Per entry beyond its body: the key, the entry and the map's slot.
const ENTRY_OVERHEAD: u64 = 256;

impl quick_cache::Weighter<[u8; 32], Arc<Entry>> for Weigh {
    fn weight(&self, _key: &[u8; 32], entry: &Arc<Entry>) -> u64 {
        entry.body.len() as u64 + ENTRY_OVERHEAD
    }
}

/// Counters for `/metrics`.
#[derive(Debug, Default, Clone, Copy)]
pub struct CacheStats {
    /// Answers served from the cache.
    pub hits: u64,
    /// Lookups that found nothing current, stale entries included.
    pub misses: u64,
    /// Of the misses, those that found an entry a write had made stale.
    pub stale: u64,
    /// Answers kept.
    pub kept: u64,
    /// Entries now held.
    pub entries: u64,
    /// Bytes they weigh now.
    pub bytes: u64,
    /// The most they may weigh.
    pub capacity: u64,
}

/// The cache, shared by every request of the process.
pub struct ResponseCache {
    entries: quick_cache::sync::Cache<[u8; 32], Arc<Entry>, Weigh>,
    generations: Generations,
    tables: Arc<Tables>,
    // For each of `tables`, the kinds (a bit per Kind) whose rows it holds;
    // None for a table that is no record's (the change log, keys).
    kinds: Vec<Option<u64>>,
    capacity: u64,
    hits: AtomicU64,
    misses: AtomicU64,
    stale: AtomicU64,
    kept: AtomicU64,
}

impl ResponseCache {
    /// A cache of at most `bytes` over `db`'s tables; None when `bytes` is 0.
    pub async fn new(db: &Db, bytes: u64) -> Result<Option<Self>, sea_orm::DbErr> {
        if bytes == 0 {
            return Ok(None);
        }
        let tables = Arc::new(Tables::load(db).await?);
        let kinds = (0..=Tables::OTHER)
            .map(|bit| tables.name(bit).and_then(kinds_in))
            .collect();
        // Sized for 4 KiB answers on average; it holds more small ones.
        let items = usize::try_from(bytes / 4096).unwrap_or(usize::MAX).max(16);
        Ok(Some(Self {
            entries: quick_cache::sync::Cache::with_weighter(items, bytes, Weigh),
            generations: Generations::default(),
            tables,
            kinds,
            capacity: bytes,
            hits: AtomicU64::new(0),
            misses: AtomicU64::new(0),
            stale: AtomicU64::new(0),
            kept: AtomicU64::new(0),
        }))
    }

    /// The database's tables, for the tally of a request that may be kept.
    pub fn tables(&self) -> Arc<Tables> {
        self.tables.clone()
    }

    /// The kept answer under `key` if no kind it read changed since: one
    /// read of the change log's head (two when it moved).
    pub async fn lookup(&self, db: &Db, key: [u8; 32]) -> Lookup {
        let known = self.generations.known();
        let miss = |seen| {
            self.misses.fetch_add(1, Ordering::Relaxed);
            Lookup::Miss(Pending { key, seen })
        };
        let Some(entry) = self.entries.get(&key) else {
            return miss(known);
        };
        // The database unreachable: the request runs, and fails as any would.
        let Ok(now) = self.generations.now(db).await else {
            return miss(known);
        };
        if entry.seen.same_for(&now, entry.kinds) {
            self.hits.fetch_add(1, Ordering::Relaxed);
            return Lookup::Hit(entry);
        }
        self.stale.fetch_add(1, Ordering::Relaxed);
        miss(now)
    }

    /// Keeps `response` (the answer to `pending`'s request, which named the
    /// tables `read`) when it may be served again; the kept entry, if so.
    pub fn keep(&self, pending: Pending, read: u128, response: &Response) -> Option<Arc<Entry>> {
        if !response.errors.is_empty() {
            return None;
        }
        let mut kinds = 0u64;
        for bit in (0..=Tables::OTHER).filter(|bit| read & (1 << bit) != 0) {
            kinds |= self.kinds[usize::from(bit)]?;
        }
        let body = Bytes::from(serde_json::to_vec(response).ok()?);
        let entry = Arc::new(Entry {
            body,
            cost: response.extensions.get("cost").map(|c| c.to_string()),
            seen: pending.seen,
            kinds,
            etag: OnceLock::new(),
        });
        self.entries.insert(pending.key, entry.clone());
        self.kept.fetch_add(1, Ordering::Relaxed);
        Some(entry)
    }

    /// Its counters now.
    pub fn stats(&self) -> CacheStats {
        CacheStats {
            hits: self.hits.load(Ordering::Relaxed),
            misses: self.misses.load(Ordering::Relaxed),
            stale: self.stale.load(Ordering::Relaxed),
            kept: self.kept.load(Ordering::Relaxed),
            entries: self.entries.len() as u64,
            bytes: self.entries.weight(),
            capacity: self.capacity,
        }
    }
}

/// The kinds whose rows `table` holds: a record's table, one of SQLite's
/// full-text tables over it (`park_search` and its shadow tables), or a table
/// kept from it ([`KEPT_FROM`]).
fn kinds_in(table: &str) -> Option<u64> {
    let bit = |kind: Kind| 1 << kind as usize;
    let indexed = table.find("_search").map(|end| &table[..end]);
    if let Some(kind) = Kind::from_table(table).or_else(|| Kind::from_table(indexed?)) {
        return Some(bit(kind));
    }
    let kept = (KEPT_FROM.iter())
        .filter(|(t, _)| *t == table)
        .fold(0, |kinds, (_, kind)| kinds | bit(*kind));
    (kept != 0).then_some(kept)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bit(kind: Kind) -> u64 {
        1 << kind as usize
    }

    #[test]
    fn a_kept_answer_read_back_keeps_its_fields_in_order() {
        let body = r#"{"data":{"parks":{"nodes":[{"slug":"b","name":"B","city":null}]}},"extensions":{"cost":3}}"#;
        let entry = Entry {
            body: Bytes::from_static(body.as_bytes()),
            cost: None,
            seen: Generations::default().known(),
            kinds: 0,
            etag: OnceLock::new(),
        };
        assert_eq!(serde_json::to_string(&entry.response()).unwrap(), body);
    }

    #[test]
    fn a_records_table_and_its_full_text_tables_hold_that_record_and_others_none() {
        assert_eq!(kinds_in("park"), Some(bit(Kind::Park)));
        assert_eq!(kinds_in("park_search"), Some(bit(Kind::Park)));
        assert_eq!(kinds_in("park_search_data"), Some(bit(Kind::Park)));
        assert_eq!(kinds_in("park_claim"), Some(bit(Kind::ParkClaim)));
        assert_eq!(kinds_in("park_city_totals"), Some(bit(Kind::Park)));
        let province = bit(Kind::Park) | bit(Kind::City);
        assert_eq!(kinds_in("park_province_totals"), Some(province));
        assert_eq!(kinds_in("change"), None);
        assert_eq!(kinds_in("api_key"), None);
        assert!(Kind::ALL.len() <= 64, "a bit per kind in a u64");
    }
}

//! Parsed documents kept by their text: apps send the same few operations
//! over and over, and parsing (a PEG parser) was a tenth of a small query's
//! CPU time. Cloning a parsed document costs a fraction of parsing it.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use async_graphql::parser::types::ExecutableDocument;

// Bounds: a client sending endless distinct documents only empties the
// cache; it never grows past ENTRIES documents of at most MAX_BYTES each.
const ENTRIES: usize = 256;
const MAX_BYTES: usize = 8 * 1024;

/// Documents that parsed, by their text.
#[derive(Default)]
pub struct Documents(Mutex<HashMap<String, Arc<ExecutableDocument>>>);

impl Documents {
    /// The parsed document for `query`, when it is kept.
    pub fn get(&self, query: &str) -> Option<Arc<ExecutableDocument>> {
        self.lock().get(query).cloned()
    }

    /// Keeps a document that parsed (short documents only) and returns it.
    pub fn keep(&self, query: &str, document: &ExecutableDocument) -> Arc<ExecutableDocument> {
        let document = Arc::new(document.clone());
        if query.len() <= MAX_BYTES {
            let mut kept = self.lock();
            if kept.len() >= ENTRIES {
                kept.clear();
            }
            kept.insert(query.to_owned(), document.clone());
        }
        document
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Arc<ExecutableDocument>>> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }
}

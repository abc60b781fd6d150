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
    /// A copy of the parsed document for `query`, when it is kept.
    pub fn get(&self, query: &str) -> Option<ExecutableDocument> {
        let kept = self.lock().get(query).cloned()?;
        Some((*kept).clone())
    }

    /// Keeps a document that parsed; short documents only.
    pub fn keep(&self, query: &str, document: &ExecutableDocument) {
        if query.len() > MAX_BYTES {
            return;
        }
        let mut kept = self.lock();
        if kept.len() >= ENTRIES {
            kept.clear();
        }
        kept.insert(query.to_owned(), Arc::new(document.clone()));
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Arc<ExecutableDocument>>> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }
}

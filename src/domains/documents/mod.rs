//! Source documents: each page or document the data cites, stored once per
//! URL, with its own publication date (and how precise that date is), its
//! publisher and its kind. Citations (`sources`), claims and sightings name
//! a document by its URL; the date their facts hold as of is theirs, not the
//! document's.

mod inputs;
mod record;
mod resolvers;
mod types;
mod write;

pub use record::{DatePrecision, SourceKind};
pub use resolvers::{SourceDocumentMutation, SourceDocumentQuery};
pub use types::{DocumentsByUrl, SourceDocument, document};

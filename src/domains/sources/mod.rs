//! Citations: where a record or a figure comes from and as of when. Any record
//! can carry several; they are stored against (record type, record id), and
//! written with the record they cite (`writes::sources`).

mod record;
mod types;

pub use types::{Source, SourcesOf, of};

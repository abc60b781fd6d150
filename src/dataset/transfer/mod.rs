//! Moving whole datasets in and out: every table in its public shape
//! ([`records`]), export to the dataset file layout, and all-or-nothing import.

mod export;
mod files;
mod find;
mod import;
mod plan;
mod read;
mod resolvers;
mod scope;

pub use export::{csv_line, export, export_to_dir, header_line, snapshot};
pub use files::{Format, ImportFile, read_files};
pub use import::{Report, import};
pub use resolvers::{ImportMutation, ImportReport};

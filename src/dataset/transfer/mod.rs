//! Moving whole datasets in and out: export of every table in the dataset
//! file layout, and all-or-nothing import, read against the database by key.

mod export;
mod files;
mod find;
mod import;
mod plan;
mod read;
mod resolvers;
mod scope;

pub use export::{
    Exported, csv_line, export, export_at_head, export_to_dir, header_line, snapshot,
    snapshot_at_head,
};
pub use files::{Format, ImportFile, read_files};
pub use import::{Report, import, import_in};
pub use resolvers::{ExportQuery, ImportMutation, ImportReport};

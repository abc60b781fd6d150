use async_graphql::{Context, Enum, InputObject, Object, SimpleObject};

use super::export::export_at_head;
use super::files::{Format, ImportFile};
use super::import::{Report, import_in};
use crate::auth::{KeyScope, actor};
use crate::graphql::kit::mutation::in_document;
use crate::records::Kind;
use crate::writes::document::{Body, StandIn};
use crate::writes::idempotency;

/// How an import file is written.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(name = "ImportFormat")]
pub enum ImportFormatInput {
    /// CSV with the header of the dataset file (as `parkgraph export` writes).
    Csv,
    /// A JSON array of objects keyed by the dataset file's column names.
    Json,
}

/// One file of a dataset import.
#[derive(InputObject, Clone, Debug)]
#[graphql(name = "ImportFile")]
pub struct ImportFileInput {
    /// Named after its table, as in the dataset: `parks.csv`, `tenancies.json`...
    pub name: String,
    /// How `content` is written.
    pub format: ImportFormatInput,
    /// The whole file.
    pub content: String,
}

/// One bad row of an import.
#[derive(SimpleObject, Clone, Debug)]
pub struct ImportProblem {
    /// The file, as named in the request.
    pub file: String,
    /// The line (CSV, the header is line 1) or the 1-based object (JSON); 0
    /// for the file as a whole.
    pub line: i32,
    /// The column at fault, when one is.
    pub column: Option<String>,
    /// What is wrong.
    pub reason: String,
}

/// What an import did, or would do.
#[derive(SimpleObject, Clone, Debug)]
pub struct ImportReport {
    /// True when nothing was written because `dryRun` was asked for.
    pub dry_run: bool,
    /// Rows that did not exist (and were, or would be, created).
    pub created: i32,
    /// Rows that existed with other values.
    pub updated: i32,
    /// Rows that existed with the same values.
    pub unchanged: i32,
    /// Every bad row, not just the first; empty when the import was applied.
    /// When not empty, nothing was written.
    pub problems: Vec<ImportProblem>,
}

impl From<Report> for ImportReport {
    fn from(report: Report) -> Self {
        let int = |n: usize| i32::try_from(n).unwrap_or(i32::MAX);
        Self {
            dry_run: report.dry_run,
            created: int(report.created),
            updated: int(report.updated),
            unchanged: int(report.unchanged),
            problems: report
                .problems
                .into_iter()
                .map(|p| ImportProblem {
                    file: p.file,
                    line: i32::try_from(p.line).unwrap_or(i32::MAX),
                    column: p.column,
                    reason: p.reason,
                })
                .collect(),
        }
    }
}

/// At most as many files as there are tables (the registry's kinds).
struct OnePerTable;

impl async_graphql::CustomValidator<Vec<ImportFileInput>> for OnePerTable {
    fn check(
        &self,
        files: &Vec<ImportFileInput>,
    ) -> Result<(), async_graphql::InputValueError<Vec<ImportFileInput>>> {
        let most = Kind::ALL.len();
        if files.len() > most {
            let message = format!("at most {most} files, one per table");
            return Err(async_graphql::InputValueError::custom(message));
        }
        Ok(())
    }
}

/// Bulk writes.
#[derive(Default)]
pub struct ImportMutation;

/// Bulk writes.
#[Object]
impl ImportMutation {
    /// Imports dataset files in one transaction: rows are matched by their
    /// keys (slugs) and created or updated. Any problem and nothing is
    /// written; every bad row is listed. Needs an `admin` key, or a key bound
    /// to an organization (which may only touch what it owns).
    async fn import_dataset(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "The files, at most one per table.",
            validator(custom = "OnePerTable")
        )]
        files: Vec<ImportFileInput>,
        #[graphql(
            desc = "Report what would change; write nothing.",
            default_with = "Some(false)"
        )]
        dry_run: Option<bool>,
        #[graphql(
            desc = "Sending it again with the same key and files answers with the first report, byte for byte, and writes nothing; with other files it is CONFLICT."
        )]
        idempotency_key: Option<String>,
    ) -> async_graphql::Result<ImportReport> {
        let files = files
            .into_iter()
            .map(|f| {
                let format = match f.format {
                    ImportFormatInput::Csv => Format::Csv,
                    ImportFormatInput::Json => Format::Json,
                };
                ImportFile::new(f.name, format, f.content)
            })
            .collect();
        let dry_run = dry_run.unwrap_or(false);
        let key = idempotency(idempotency_key, "importDataset", &(&files, dry_run))?;
        let body: Body<Report> = Box::new(move |w| {
            Box::pin(async move { Ok((0, import_in(w, files, dry_run).await?)) })
        });
        // A retry's answer is its first report, put in place at the end.
        let stand_in: StandIn<Report> = Box::new(|_, _| Box::pin(async { Ok(Report::default()) }));
        let report = in_document(ctx, KeyScope::Write, key, body, stand_in);
        Ok(report.await?.into())
    }
}

/// One file of a dataset export, in the layout of `data/`.
#[derive(SimpleObject)]
pub struct ExportFile {
    /// Named after its table: `parks.csv`, `tenancies.csv`...
    pub name: String,
    /// The whole file, CSV with its header.
    pub content: String,
}

/// The whole dataset as read at one moment, and where the change feed
/// stood then.
#[derive(SimpleObject)]
pub struct DatasetExport {
    /// Pass as `changes(after:)` to follow every later write once and none
    /// this export holds; null when no change was logged yet (follow from
    /// the start).
    pub feed_cursor: Option<String>,
    /// One file per table, as `parkgraph export` writes them and
    /// `importDataset` takes them back.
    pub files: Vec<ExportFile>,
}

/// Bulk reads.
#[derive(Default)]
pub struct ExportQuery;

/// Bulk reads.
#[Object]
impl ExportQuery {
    /// Every table, read in one transaction, with the change feed's cursor
    /// at that moment: a partner's first sync, before following `changes`.
    /// Needs an API key (any scope): it reads the whole dataset.
    async fn export_dataset(&self, ctx: &Context<'_>) -> async_graphql::Result<DatasetExport> {
        actor(ctx, KeyScope::Read).await?;
        let db = ctx.data_unchecked::<crate::store::Db>();
        let (files, head) = export_at_head(db)
            .await
            .map_err(crate::error::AppError::from)?;
        Ok(DatasetExport {
            feed_cursor: head.map(crate::changes::cursor),
            files: (files.into_iter())
                .map(|(name, content)| ExportFile { name, content })
                .collect(),
        })
    }
}

//! One error enum for the whole service, turned into GraphQL errors with a
//! machine-readable `extensions.code` at the edge.
//!
//! Internal variants have deliberately generic `Display` text: a forgotten
//! `.extend()` (async-graphql's blanket `From<T: Display>`) then leaks nothing.

use std::sync::Arc;

use async_graphql::ErrorExtensions;

/// Every failure a service function or resolver can report.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The client sent something we cannot use. Maps to `BAD_USER_INPUT`.
    #[error("{message}")]
    BadInput {
        /// What is wrong, in words a client developer can act on.
        message: String,
        /// The argument or input field at fault (`first`, `after`, `input.areaSqft`).
        field: Option<String>,
    },
    /// The record the request names does not exist. Maps to `NOT_FOUND`.
    #[error("{0}")]
    NotFound(String),
    /// A mutation came without a valid API key. Maps to `UNAUTHENTICATED`.
    #[error("{0}")]
    Unauthenticated(String),
    /// The API key may not do this. Maps to `FORBIDDEN`.
    #[error("{0}")]
    Forbidden(String),
    /// The write would lose or break data: a stale version, a record still in
    /// use, a reused idempotency key. Maps to `CONFLICT`.
    #[error("{0}")]
    Conflict(String),
    /// A change-feed cursor from before the oldest change still kept
    /// (`PARKGRAPH_CHANGE_LOG_DAYS`): following it would skip changes. Maps
    /// to `CURSOR_EXPIRED`; the client re-syncs from an export.
    #[error("{0}")]
    CursorExpired(String),
    /// A mutation was not run because an earlier one of the same document
    /// failed (and so nothing of the document was written). Maps to `NOT_RUN`.
    #[error("{0}")]
    NotRun(String),
    /// The database is out of reach. Maps to `SERVICE_UNAVAILABLE`.
    #[error("the database is unavailable; try again shortly")]
    Unavailable(#[source] sea_orm::DbErr),
    /// Another writer held the write lock for longer than the busy timeout
    /// (`PARKGRAPH_DB_BUSY_TIMEOUT_MS`). Nothing was written. Maps to
    /// `SERVICE_UNAVAILABLE`, and the response carries `Retry-After`.
    #[error("the database is busy with another write; nothing was written, try again shortly")]
    Busy(#[source] sea_orm::DbErr),
    /// Anything else that went wrong on our side. Maps to `INTERNAL`; the
    /// source is logged, never shown.
    #[error("internal error")]
    Internal(#[source] anyhow::Error),
}

impl AppError {
    /// A `BAD_USER_INPUT` error about one argument or input field.
    pub fn bad_input(field: &str, message: impl Into<String>) -> Self {
        Self::BadInput {
            message: message.into(),
            field: Some(field.to_owned()),
        }
    }

    /// The `extensions.code` clients see.
    pub fn code(&self) -> &'static str {
        match self {
            Self::BadInput { .. } => "BAD_USER_INPUT",
            Self::NotFound(_) => "NOT_FOUND",
            Self::Unauthenticated(_) => "UNAUTHENTICATED",
            Self::Forbidden(_) => "FORBIDDEN",
            Self::Conflict(_) => "CONFLICT",
            Self::NotRun(_) => "NOT_RUN",
            Self::CursorExpired(_) => "CURSOR_EXPIRED",
            Self::Unavailable(_) | Self::Busy(_) => "SERVICE_UNAVAILABLE",
            Self::Internal(_) => "INTERNAL",
        }
    }
}

/// The API's error code a database error stands for (outside a request:
/// the command line's failures).
pub fn db_code(err: &sea_orm::DbErr) -> &'static str {
    if is_connection_failure(err) || is_busy(err) {
        "SERVICE_UNAVAILABLE"
    } else if matches!(
        err.sql_err(),
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_))
    ) {
        "CONFLICT"
    } else {
        "INTERNAL"
    }
}

impl From<sea_orm::DbErr> for AppError {
    fn from(err: sea_orm::DbErr) -> Self {
        if is_connection_failure(&err) {
            Self::Unavailable(err)
        } else if is_busy(&err) {
            Self::Busy(err)
        } else if let Some(sea_orm::SqlErr::UniqueConstraintViolation(message)) = err.sql_err() {
            Self::Conflict(unique_broken(&message))
        } else {
            Self::Internal(err.into())
        }
    }
}

/// What a client is told when a write breaks a unique rule the database
/// keeps (the rule itself is documented where the API shows it: one
/// PREFERRED claim per property). The database's message is not quoted.
fn unique_broken(_message: &str) -> String {
    "another record already holds a value that must be unique; nothing was written".to_owned()
}

impl From<Arc<sea_orm::DbErr>> for AppError {
    fn from(err: Arc<sea_orm::DbErr>) -> Self {
        // Loader errors are shared between every waiter of a batch; the text is
        // all we need for the log.
        let (unavailable, busy) = (is_connection_failure(&err), is_busy(&err));
        let err = sea_orm::DbErr::Custom(err.to_string());
        if unavailable {
            Self::Unavailable(err)
        } else if busy {
            Self::Busy(err)
        } else {
            Self::Internal(err.into())
        }
    }
}

fn is_connection_failure(err: &sea_orm::DbErr) -> bool {
    use sea_orm::{DbErr, RuntimeErr, sqlx};
    match err {
        DbErr::ConnectionAcquire(_) | DbErr::Conn(_) => true,
        // A pooled connection the server dropped fails on first use (only
        // connections idle for a while are pinged before use, see db.rs).
        DbErr::Query(RuntimeErr::SqlxError(e)) | DbErr::Exec(RuntimeErr::SqlxError(e)) => {
            match &**e {
                sqlx::Error::Io(_) | sqlx::Error::PoolClosed | sqlx::Error::WorkerCrashed => true,
                // SQLSTATE classes 08 (connection exception) and 57P
                // (terminated by an administrator, a crash or a shutdown).
                sqlx::Error::Database(db) => db
                    .code()
                    .is_some_and(|c| c.starts_with("08") || c.starts_with("57P")),
                _ => false,
            }
        }
        _ => false,
    }
}

/// True when another writer held the lock past the busy timeout: SQLite's
/// SQLITE_BUSY or SQLITE_LOCKED (any extended code), PostgreSQL's
/// `lock_not_available` (55P03, from `lock_timeout`), or this process's
/// own write queue ([`crate::store::BUSY`]).
pub fn is_busy(err: &sea_orm::DbErr) -> bool {
    use sea_orm::{DbErr, RuntimeErr, sqlx};
    match err {
        DbErr::Custom(text) => text == crate::store::BUSY,
        DbErr::Query(RuntimeErr::SqlxError(e))
        | DbErr::Exec(RuntimeErr::SqlxError(e))
        | DbErr::Conn(RuntimeErr::SqlxError(e)) => match &**e {
            sqlx::Error::Database(db) => db.code().is_some_and(|code| {
                code == "55P03" || code.parse::<i32>().is_ok_and(|n| matches!(n & 0xff, 5 | 6))
            }),
            _ => false,
        },
        _ => false,
    }
}

impl ErrorExtensions for AppError {
    fn extend(&self) -> async_graphql::Error {
        match self {
            Self::Internal(source) => tracing::error!(error = ?source, "internal error"),
            Self::Unavailable(source) => tracing::warn!(error = %source, "database unavailable"),
            Self::Busy(source) => tracing::warn!(error = %source, "database busy"),
            _ => {}
        }
        async_graphql::Error::new(self.to_string()).extend_with(|_, ext| {
            ext.set("code", self.code());
            if let Self::BadInput {
                field: Some(field), ..
            } = self
            {
                ext.set("field", field.as_str());
            }
        })
    }
}

impl From<AppError> for async_graphql::Error {
    fn from(err: AppError) -> Self {
        err.extend()
    }
}

/// The result type of service functions.
pub type AppResult<T> = Result<T, AppError>;

/// A request-level error (no path) with `extensions.code`, for refusals made
/// before execution (limits, persisted queries, the HTTP layer).
pub fn coded(message: impl Into<String>, code: &str) -> async_graphql::ServerError {
    let mut error = async_graphql::ServerError::new(message, None);
    let mut extensions = async_graphql::ErrorExtensionValues::default();
    extensions.set("code", code);
    error.extensions = Some(extensions);
    error
}

/// Logs any error and returns the generic `INTERNAL` GraphQL error, for
/// failures that do not pass through [`AppError`].
pub fn internal(err: impl std::fmt::Debug) -> async_graphql::Error {
    AppError::Internal(anyhow::anyhow!("{err:?}")).extend()
}

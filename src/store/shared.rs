//! What the replicas on one PostgreSQL share, one statement at a time: the
//! rate-limit buckets and the automatically persisted documents (tables of
//! migration 25). SQLite serves one process, which keeps both in memory.

use sea_orm::{ConnectionTrait, DbBackend, DbErr, Statement};

use super::Db;

// A token bucket refilled by the database's own clock, so that replicas
// with drifting clocks agree: take a token when there is one, and say so.
const TAKE: &str = "INSERT INTO rate_bucket AS b (client, tokens, at, taken)
VALUES ($1, $2 - 1, EXTRACT(EPOCH FROM clock_timestamp()), TRUE)
ON CONFLICT (client) DO UPDATE SET
  tokens = LEAST($2, b.tokens + GREATEST(0, EXCLUDED.at - b.at) * $3)
    - CASE WHEN LEAST($2, b.tokens + GREATEST(0, EXCLUDED.at - b.at) * $3) >= 1 THEN 1 ELSE 0 END,
  taken = LEAST($2, b.tokens + GREATEST(0, EXCLUDED.at - b.at) * $3) >= 1,
  at = EXCLUDED.at
RETURNING taken, tokens";

/// Takes a token from `client`'s bucket (`burst` at most, refilled at
/// `per_second`): Ok when there was one, else the tokens left (under one).
pub async fn take_token(
    db: &Db,
    client: &str,
    per_second: f64,
    burst: f64,
) -> Result<Result<(), f64>, DbErr> {
    let values = [client.into(), burst.into(), per_second.into()];
    let statement = Statement::from_sql_and_values(DbBackend::Postgres, TAKE, values);
    let row = db.conn.query_one_raw(statement).await?;
    let row = row.ok_or_else(|| DbErr::RecordNotFound("rate_bucket".to_owned()))?;
    let taken: bool = row.try_get("", "taken")?;
    let tokens: f64 = row.try_get("", "tokens")?;
    Ok(if taken { Ok(()) } else { Err(tokens) })
}

/// Forgets buckets untouched for `idle_seconds` (they are full again).
pub async fn prune_buckets(db: &Db, idle_seconds: u64) -> Result<u64, DbErr> {
    let sql = format!(
        "DELETE FROM rate_bucket WHERE at < EXTRACT(EPOCH FROM clock_timestamp()) - {idle_seconds}"
    );
    let statement = Statement::from_string(DbBackend::Postgres, sql);
    Ok(db.conn.execute_raw(statement).await?.rows_affected())
}

/// The document persisted under `hash` by any replica, if any.
pub async fn persisted_document(db: &Db, hash: &str) -> Result<Option<String>, DbErr> {
    let sql = "SELECT document FROM persisted_document WHERE hash = $1";
    let statement = Statement::from_sql_and_values(DbBackend::Postgres, sql, [hash.into()]);
    let row = db.conn.query_one_raw(statement).await?;
    row.map(|row| row.try_get("", "document")).transpose()
}

/// Persists `document` under `hash` for every replica (once; the hash
/// names its contents, so a second writer has nothing to add).
pub async fn persist_document(db: &Db, hash: &str, document: &str) -> Result<(), DbErr> {
    let sql = "INSERT INTO persisted_document (hash, document, created_at) VALUES ($1, $2, $3)
        ON CONFLICT (hash) DO NOTHING";
    let values = [hash.into(), document.into(), crate::clock::now().into()];
    let statement = Statement::from_sql_and_values(DbBackend::Postgres, sql, values);
    db.conn.execute_raw(statement).await?;
    Ok(())
}

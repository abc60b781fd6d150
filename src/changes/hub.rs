//! Fans committed changes out to this process's subscribers. One task tails
//! the change log (reading what committed after the last id it sent) whenever
//! a write commits here, a NOTIFY arrives from another replica, or, while
//! anyone is subscribed, every few seconds (which also covers writes by other
//! processes on SQLite and notifications lost while a listener reconnected).

use std::sync::Arc;
use std::time::Duration;

use entity::change::{Column, Entity, Model};
use sea_orm::sqlx::postgres::{PgListener, PgPoolOptions};
use sea_orm::{ColumnTrait, DbBackend, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use tokio::sync::{Notify, broadcast};

use crate::store::Db;

/// The PostgreSQL NOTIFY channel every write signals on commit.
pub const CHANNEL: &str = "parkgraph_changes";

// How many changes a slow subscriber may fall behind before it is told to
// resume from the feed.
const BUFFER: usize = 4_096;
const PAGE: u64 = 500;
const POLL: Duration = Duration::from_secs(2);

/// The process's change fan-out; cheap to clone.
#[derive(Clone)]
pub struct Hub(Arc<Inner>);

struct Inner {
    sender: broadcast::Sender<Arc<Model>>,
    wake: Notify,
}

impl Hub {
    /// A hub that tails `db` from its current end, with a PostgreSQL listener
    /// when `db` is PostgreSQL.
    pub async fn start(db: &Db) -> Result<Self, sea_orm::DbErr> {
        let (sender, _) = broadcast::channel(BUFFER);
        let hub = Self(Arc::new(Inner {
            sender,
            wake: Notify::new(),
        }));
        let last = Entity::find()
            .order_by_desc(Column::Id)
            .one(&db.conn)
            .await?
            .map_or(0, |c| c.id);
        if db.backend() == DbBackend::Postgres {
            // Listening before serving: no commit after startup goes unheard.
            let listener = connect(db)
                .await
                .map_err(|err| sea_orm::DbErr::Custom(err.to_string()))?;
            tokio::spawn(listen(hub.clone(), db.clone(), listener));
        }
        tokio::spawn(tail(hub.clone(), db.clone(), last));
        Ok(hub)
    }

    /// Something committed: read the log.
    pub fn wake(&self) {
        self.0.wake.notify_one();
    }

    /// Every change committed from now on.
    pub fn subscribe(&self) -> broadcast::Receiver<Arc<Model>> {
        let receiver = self.0.sender.subscribe();
        // The tail only polls while someone listens; let it notice.
        self.wake();
        receiver
    }
}

async fn tail(hub: Hub, db: Db, mut last: i32) {
    loop {
        let subscribed = hub.0.sender.receiver_count() > 0;
        tokio::select! {
            _ = hub.0.wake.notified() => {}
            _ = tokio::time::sleep(POLL), if subscribed => {}
        }
        loop {
            let page = Entity::find()
                .filter(Column::Id.gt(last))
                .order_by_asc(Column::Id)
                .limit(PAGE)
                .all(&db.conn)
                .await;
            match page {
                Ok(page) => {
                    let full = page.len() as u64 == PAGE;
                    for change in page {
                        last = change.id;
                        // No receiver is not an error: nobody is listening.
                        let _ = hub.0.sender.send(Arc::new(change));
                    }
                    if !full {
                        break;
                    }
                }
                Err(_) if db.is_closed() => return,
                Err(err) => {
                    tracing::warn!(error = %err, "reading the change log failed; retrying");
                    tokio::time::sleep(Duration::from_secs(1)).await;
                    break;
                }
            }
        }
    }
}

async fn connect(db: &Db) -> Result<PgListener, sea_orm::sqlx::Error> {
    // A listener keeps its connection for good. Taken from the request pool,
    // it would leave one connection fewer for requests, and none at all with
    // PARKGRAPH_DB_MAX_CONNECTIONS=1: every request then timed out.
    let options = db.conn.get_postgres_connection_pool().connect_options();
    let own = PgPoolOptions::new()
        .max_connections(1)
        .idle_timeout(None)
        .max_lifetime(None)
        .connect_lazy_with((*options).clone());
    let mut listener = PgListener::connect_with(&own).await?;
    listener.listen(CHANNEL).await?;
    Ok(listener)
}

async fn listen(hub: Hub, db: Db, mut listener: PgListener) {
    loop {
        match listener.try_recv().await {
            Ok(Some(_)) => hub.wake(),
            // The connection dropped; sqlx reconnects on the next call and
            // anything committed meanwhile is read by the catch-up.
            Ok(None) => hub.wake(),
            Err(err) => {
                if db.is_closed() {
                    return;
                }
                tracing::warn!(error = %err, "change listener failed; reconnecting");
                tokio::time::sleep(Duration::from_secs(1)).await;
                match connect(&db).await {
                    Ok(fresh) => {
                        listener = fresh;
                        hub.wake();
                    }
                    Err(err) => tracing::warn!(error = %err, "cannot LISTEN for changes; retrying"),
                }
            }
        }
    }
}

//! The DataLoaders of one request, made from the record registry: each
//! record's GraphQL side ([`Served`], in its domain's `types.rs`) says
//! which it needs. They cache rows for this request only, so no request
//! sees another's rows, and each batches every key a nesting level asks for
//! into one statement (see [`super::batching`]).

use std::sync::Arc;
use std::time::Duration;

use async_graphql::dataloader::{DataLoader, HashMapCache, Loader};
use async_graphql::{Data, Request};

use super::batching::Gate;
use super::kit::loader::{ById, Children};
use crate::domains::sources::SourcesOf;
use crate::graphql::kit::loader::StatsLoader;
use crate::records::{Kind, Record, for_each_record};
use crate::store::Db;

/// A record as the GraphQL side serves it: which loaders a request needs
/// for it. Every record implements it, in its domain's `types.rs`.
pub trait Served: Record {
    /// Whether relations reach it by id (`park { city }`): a by-id loader.
    const BY_ID: bool = false;
    /// Whether its type shows `sources`: a loader of its citations.
    const SOURCED: bool = false;
    /// Its object type's name when it implements `Node` (a variant of
    /// `node::Node`), so `node(id:)` finds it; None otherwise.
    const NODE: Option<&'static str> = None;
    /// Whether `search` looks in its names (its type must then be a
    /// `SearchResult` variant).
    const SEARCHED: bool = false;
    /// The loaders of the lists and relations that return its rows.
    fn loaders(_set: &mut LoaderSet<'_>) {}
}

/// The loaders being made for one request.
pub struct LoaderSet<'a> {
    data: &'a mut Data,
    db: &'a Db,
    gate: &'a Arc<Gate>,
}

impl LoaderSet<'_> {
    /// Adds `loader`, caching what it loads for the request (by-id and
    /// child loaders, which the prefetching of joined rows also fills).
    pub fn cached<L: Loader<i32>>(&mut self, make: impl FnOnce(Db) -> L) {
        let loader = DataLoader::with_cache(
            make(self.db.clone()),
            self.gate.spawner(),
            HashMapCache::default(),
        )
        .delay(Duration::ZERO);
        self.data.insert(loader);
    }

    /// Adds `loader`, caching nothing (page and statistics loaders, whose
    /// keys are queries).
    pub fn uncached<L: Send + Sync + 'static>(&mut self, make: impl FnOnce(Db) -> L) {
        let loader =
            DataLoader::new(make(self.db.clone()), self.gate.spawner()).delay(Duration::ZERO);
        self.data.insert(loader);
    }
}

/// `request` with the loaders every record asks for, batching through `gate`.
pub fn with_loaders(mut request: Request, db: &Db, gate: &Arc<Gate>) -> Request {
    let mut set = LoaderSet {
        data: &mut request.data,
        db,
        gate,
    };
    for_each_record!(E => {
        if <E as Served>::BY_ID {
            set.cached(ById::<<E as Record>::Table>::new);
        }
        if <E as Served>::SOURCED {
            set.cached(Children::<SourcesOf<E>>::new);
        }
        <E as Served>::loaders(&mut set);
    });
    set.uncached(StatsLoader::new);
    request
}

/// The object type of records of `kind`, when it implements `Node`.
pub fn node_name(kind: Kind) -> Option<&'static str> {
    let mut name = None;
    for_each_record!(E => {
        if E::KIND == kind {
            name = <E as Served>::NODE;
        }
    });
    name
}

/// Whether `search` looks in the names of records of `kind`.
pub fn searched(kind: Kind) -> bool {
    let mut searched = false;
    for_each_record!(E => {
        if E::KIND == kind {
            searched = <E as Served>::SEARCHED;
        }
    });
    searched
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each request gets exactly the loaders the resolvers use, each once:
    /// 7 by id, 20 of children (9 of them citations), 3 of pages, the
    /// statistics loader and source documents by URL. Every one costs an
    /// allocation per request.
    #[tokio::test]
    async fn a_request_gets_each_loader_once() {
        let db = Db::connect("sqlite::memory:", 1).await.unwrap();
        let gate = Arc::new(Gate::default());

        let request = with_loaders(Request::new("{ __typename }"), &db, &gate);

        assert_eq!(request.data.len(), 33);
    }
}

//! Abuse limits on every GraphQL document, checked before async-graphql
//! parses or validates it and before any SQL: size in bytes and tokens,
//! depth, cost, aliases, root fields, directives, unknown directives. A rejection is a
//! `QUERY_TOO_COMPLEX` error naming the limit, its value and its variable;
//! an accepted operation reports its cost in `extensions.cost`.

mod analyze;
mod config;
mod documents;
mod tokens;

use std::collections::HashMap;
use std::sync::Arc;

use async_graphql::parser::types::ExecutableDocument;
use async_graphql::{Name, Request, Response, ServerError, ServerResult, Value, Variables};

use crate::error::coded;

pub use analyze::{CONNECTION_DEFAULT, LIST_DEFAULT, Measure, Shape, analyze};
pub use config::Limits;

/// The limits, checked on each request before the schema sees it.
pub struct Guard {
    limits: Limits,
    shape: Shape,
    documents: documents::Documents,
}

impl Guard {
    /// `limits` over the schema whose SDL is `sdl`.
    pub fn new(limits: Limits, sdl: &str) -> Self {
        Self {
            limits,
            shape: Shape::from_sdl(sdl),
            documents: documents::Documents::default(),
        }
    }
}

/// A request the limits let through: its parsed document and its cost.
pub struct Admitted {
    // To put the response in the document's field order.
    document: Option<Arc<ExecutableDocument>>,
    costs: HashMap<Option<Name>, u64>,
}

fn too_complex(what: &str, actual: u64, max: u64, variable: &str) -> ServerError {
    let message = format!("the query's {what} is {actual}; the limit is {max} ({variable})");
    let mut error = coded(message, "QUERY_TOO_COMPLEX");
    if let Some(extensions) = error.extensions.as_mut() {
        extensions.set("limit", variable);
        extensions.set("max", max);
        extensions.set("actual", actual);
    }
    error
}

impl Guard {
    fn check(&self, what: &str, actual: u64, max: u64, variable: &str) -> ServerResult<()> {
        if actual > max {
            Err(too_complex(what, actual, max, variable))
        } else {
            Ok(())
        }
    }

    fn check_document(
        &self,
        document: &ExecutableDocument,
        variables: &Variables,
    ) -> ServerResult<HashMap<Option<Name>, u64>> {
        let l = &self.limits;
        let analysis = analyze(document, &self.shape, variables);
        if let Some(name) = analysis.unknown_directive {
            let message = format!("unknown directive @{name}: only @include and @skip exist here");
            return Err(coded(message, "BAD_USER_INPUT"));
        }
        self.check(
            "number of directives",
            analysis.directives,
            l.max_directives,
            "PARKGRAPH_MAX_DIRECTIVES",
        )?;
        let mut costs = HashMap::new();
        for (name, m) in analysis.operations {
            self.check("depth", m.depth, l.max_depth, "PARKGRAPH_MAX_DEPTH")?;
            self.check(
                "number of aliases",
                m.aliases,
                l.max_aliases,
                "PARKGRAPH_MAX_ALIASES",
            )?;
            self.check(
                "number of root fields",
                m.top,
                l.max_root_fields,
                "PARKGRAPH_MAX_ROOT_FIELDS",
            )?;
            self.check("cost", m.cost, l.max_cost, "PARKGRAPH_MAX_COST")?;
            costs.insert(name, m.cost);
        }
        Ok(costs)
    }
}

impl Guard {
    /// Checks `request` before async-graphql parses or validates it: its own
    /// recursion check walks fragment spreads without memoising (2^30 steps
    /// for 1 KB of fragments), so the document is parsed and measured here
    /// first, and the parsed document is handed on (async-graphql reuses it).
    pub fn admit(&self, request: &mut Request) -> ServerResult<Admitted> {
        let l = &self.limits;
        let query = &request.query;
        self.check(
            "size in bytes",
            query.len() as u64,
            l.max_query_bytes,
            "PARKGRAPH_MAX_QUERY_BYTES",
        )?;
        let (tokens, depth) = tokens::scan(query);
        self.check(
            "size in tokens",
            tokens,
            l.max_tokens,
            "PARKGRAPH_MAX_TOKENS",
        )?;
        self.check("depth", depth, l.max_depth, "PARKGRAPH_MAX_DEPTH")?;
        let variables = request.variables.clone();
        let kept = self.documents.get(&request.query);
        if let Some(document) = &kept {
            request.set_parsed_query((**document).clone());
        }
        let query = kept.is_none().then(|| request.query.clone());
        let mut admitted = Admitted {
            document: None,
            costs: HashMap::new(),
        };
        // A document that does not parse is reported by async-graphql as usual.
        if let Ok(document) = request.parsed_query() {
            admitted.costs = self.check_document(document, &variables)?;
            admitted.document = Some(match (kept, query) {
                (Some(kept), _) => kept,
                (None, query) => self.documents.keep(&query.unwrap_or_default(), document),
            });
        }
        Ok(admitted)
    }
}

impl Admitted {
    /// Puts `response` (to the operation named `operation`) in the field
    /// order of its query and reports the operation's cost in
    /// `extensions.cost`.
    pub fn finish(&self, operation: Option<&str>, response: &mut Response) {
        // Refused by validation: nothing ran, so nothing cost anything.
        let ran =
            response.data != Value::Null || response.errors.iter().any(|e| !e.path.is_empty());
        if !ran {
            return;
        }
        if let Some(document) = &self.document {
            crate::graphql::response_order::reorder(document, operation, &mut response.data);
        }
        let cost = match operation {
            Some(name) => self
                .costs
                .iter()
                .find(|(n, _)| n.as_deref() == Some(name))
                .map(|(_, c)| *c),
            None => self.costs.values().next().copied(),
        };
        if let Some(cost) = cost {
            response
                .extensions
                .insert("cost".to_owned(), Value::from(cost));
        }
    }
}

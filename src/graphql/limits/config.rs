//! The limits' settings, each from an environment variable with a default.

/// How much one document may ask for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Limits {
    /// `PARKGRAPH_MAX_DEPTH`: deepest field nesting.
    pub max_depth: u64,
    /// `PARKGRAPH_MAX_COST`: fields weighted by the rows their lists can return
    /// (connections count `first`/`last`, default 20; other lists 10).
    pub max_cost: u64,
    /// `PARKGRAPH_MAX_ALIASES`: aliased fields, fragments expanded.
    pub max_aliases: u64,
    /// `PARKGRAPH_MAX_ROOT_FIELDS`: fields at an operation's top level.
    pub max_root_fields: u64,
    /// `PARKGRAPH_MAX_DIRECTIVES`: directives written in the document.
    pub max_directives: u64,
    /// `PARKGRAPH_MAX_TOKENS`: lexical tokens in the document.
    pub max_tokens: u64,
    /// `PARKGRAPH_MAX_QUERY_BYTES`: the document's size (variables not included).
    pub max_query_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_depth: 15,
            max_cost: 50_000,
            max_aliases: 100,
            max_root_fields: 20,
            max_directives: 50,
            max_tokens: 10_000,
            max_query_bytes: 100_000,
        }
    }
}

/// A limit's variable name and where it lives in [`Limits`].
pub type LimitField = (&'static str, fn(&mut Limits) -> &mut u64);

impl Limits {
    /// Every limit's variable name and field, for the config reader.
    pub fn fields() -> [LimitField; 7] {
        [
            ("PARKGRAPH_MAX_DEPTH", |l| &mut l.max_depth),
            ("PARKGRAPH_MAX_COST", |l| &mut l.max_cost),
            ("PARKGRAPH_MAX_ALIASES", |l| &mut l.max_aliases),
            ("PARKGRAPH_MAX_ROOT_FIELDS", |l| &mut l.max_root_fields),
            ("PARKGRAPH_MAX_DIRECTIVES", |l| &mut l.max_directives),
            ("PARKGRAPH_MAX_TOKENS", |l| &mut l.max_tokens),
            ("PARKGRAPH_MAX_QUERY_BYTES", |l| &mut l.max_query_bytes),
        ]
    }
}

use async_graphql::Union;

use crate::domains::cities::City;
use crate::domains::firms::Firm;
use crate::domains::organizations::Organization;
use crate::domains::parks::Park;
use crate::domains::projects::Project;
use crate::graphql::node::Node;

/// A record whose name matched a search.
#[derive(Union, Clone, Debug)]
pub enum SearchResult {
    /// A park.
    Park(Park),
    /// A firm.
    Firm(Firm),
    /// A project.
    Project(Project),
    /// A city.
    City(City),
    /// An organization.
    Organization(Organization),
}

impl SearchResult {
    /// The search result for a node of a searchable type.
    pub fn from_node(node: Node) -> Option<Self> {
        Some(match node {
            Node::Park(p) => Self::Park(p),
            Node::Firm(f) => Self::Firm(f),
            Node::Project(p) => Self::Project(p),
            Node::City(c) => Self::City(c),
            Node::Organization(o) => Self::Organization(o),
            Node::Indicator(_) => return None,
        })
    }
}

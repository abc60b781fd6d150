use async_graphql::Union;

use crate::cities::City;
use crate::firms::Firm;
use crate::organizations::Organization;
use crate::parks::Park;
use crate::projects::Project;

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

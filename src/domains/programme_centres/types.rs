//! Programme centres as the API shows them.

use entity::{city, programme, programme_centre};

use crate::domains::cities::City;
use crate::domains::programmes::Programme;
use crate::domains::sources::{Source, SourcesOf};
use crate::graphql::kit::loader::Children;
use crate::graphql::loaders::{LoaderSet, Served};

/// One centre of a programme, where a page gives its place.
#[derive(Clone, Debug)]
pub struct ProgrammeCentre(pub programme_centre::Model);

crate::object! {
    /// One centre of a programme, where a page gives its place.
    impl ProgrammeCentre {
        /// Its name as the pages give it.
        field name: &str;

        /// The programme it belongs to.
        ref programme: Programme from programme_id in programme::Entity;

        /// The city (or district) it is in.
        ref city: City from city_id in city::Entity;

        /// The institution hosting it (a university, a college), if any.
        field host: Option<&str>;

        /// Who runs it, when the page names someone other than the programme
        /// (a private partner).
        field run_by: Option<&str>;

        /// When it opened (ISO-8601, as precise as the page); null when not
        /// known.
        field opened_on: Option<&str>;

        /// Workstations for freelancers, when stated.
        field workstations: Option<i64>;

        /// True for a centre for women only; null when the page does not say.
        field women_only: Option<bool>;

        /// Where it is described.
        children sources: Vec<Source> of SourcesOf<programme_centre::Model>;

        stamp;
    }
}

crate::child_of! {
    /// `programme.centres`: a programme's centres.
    CentresOfProgramme: programme_centre by ProgrammeId(programme_id)
}

impl Served for programme_centre::Model {
    const SOURCED: bool = true;
    fn loaders(set: &mut LoaderSet<'_>) {
        set.cached(Children::<CentresOfProgramme>::new);
    }
}

//! Programmes as the API shows them.

use entity::{indicator, organization, programme};

use crate::domains::indicators::Indicator;
use crate::domains::organizations::Organization;
use crate::domains::programme_centres::{CentresOfProgramme, ProgrammeCentre};
use crate::domains::sources::{Source, SourcesOf};
use crate::graphql::kit::loader::Children;
use crate::graphql::loaders::{LoaderSet, Served};

/// A programme that runs centres (e-Rozgaar centres for freelancers), with
/// the organization that runs it.
#[derive(Clone, Debug)]
pub struct Programme(pub programme::Model);

crate::object! {
    /// A programme that runs centres (e-Rozgaar centres for freelancers), with
    /// the organization that runs it.
    impl Programme {
        /// Stable public key, e.g. `e-rozgaar-pakistan`.
        field slug: &str;

        /// Its name as the pages give it.
        field name: &str;

        /// The organization that runs it.
        ref operator: Organization from operator_id in organization::Entity;

        /// When it was launched (ISO-8601, as precise as the page); null
        /// when not known.
        field launched_on: Option<&str>;

        /// What the fields do not say (another programme of the same name,
        /// figures that disagree).
        field notes: Option<&str>;

        /// Its centres whose place a page gives, in id order; not all of its
        /// centres (see `figures` for counts).
        children centres: Vec<ProgrammeCentre> of CentresOfProgramme;

        /// National figures about it (targets, centres open, per province),
        /// each with its period, rank and sources.
        children figures: Vec<Indicator> of FiguresOfProgramme;

        /// Where it is described.
        children sources: Vec<Source> of SourcesOf<programme::Model>;

        stamp;
    }
}

crate::connection!(
    /// A page of programmes.
    ProgrammeConnection, ProgrammeEdge, Programme, programme::Model, {}
);

crate::child_of! {
    /// `programme.figures`: the indicators about a programme.
    FiguresOfProgramme: indicator by ProgrammeId(programme_id)
}

impl Served for programme::Model {
    const BY_ID: bool = true;
    const SOURCED: bool = true;
    fn loaders(set: &mut LoaderSet<'_>) {
        set.cached(Children::<FiguresOfProgramme>::new);
    }
}

//! What a project claim is as a stored record (its vocabulary is
//! `domains::claims`).

use entity::project_claim::{Entity, Model};

use crate::domains::claims::{Approximation, ClaimProperty, ClaimRank, Subject, check};
use crate::graphql::enums::names;
use crate::records::Kind;

crate::store::rows::by_position! {
    Model {
        id, project_id, property, value_number, value_date, unit, approximation, basis, as_of,
        rank, rank_reason, source_url, quote, version, updated_at, stated_by, stated_by_id,
    }
}

crate::record! {
    Model in Entity as "project_claim" from "project_claims.csv",
        key [project_slug, property, unit, as_of, source_url] near Parent(Kind::Project, "project_id");
    project_slug -> project_id: Project,
    property: one_of(&names::<ClaimProperty>()),
    value_number: float,
    value_date: date,
    unit: opt_text,
    approximation: one_of(&names::<Approximation>()),
    basis: opt_text,
    as_of: required_date,
    rank: one_of(&names::<ClaimRank>()),
    rank_reason: opt_text,
    source_url: url key of SourceDocument,
    quote: opt_text,
    stated_by: opt_text,
    stated_by_organization -> stated_by_id: Organization,
    check |row| {
        check(row, Subject::Project);
    }
}

//! What a park claim is as a stored record (its vocabulary is
//! `domains::claims`).

use entity::park_claim::{Entity, Model};

use crate::domains::claims::{Approximation, ClaimProperty, ClaimRank, Subject, check};
use crate::domains::parks::ParkStatus;
use crate::graphql::enums::names;
use crate::records::Kind;

crate::store::rows::by_position! {
    Model {
        id, park_id, property, value_number, value_date, value_text, unit, approximation, basis,
        as_of, rank, rank_reason, source_url, quote, stated_by, stated_by_id, version, updated_at,
    }
}

crate::record! {
    Model in Entity as "park_claim" from "park_claims.csv",
        key [park_slug, property, unit, as_of, source_url] near Parent(Kind::Park, "park_id");
    park_slug -> park_id: Park,
    property: one_of(&names::<ClaimProperty>()),
    value_number: float,
    value_date: date,
    value_text: opt_text,
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
        check(row, Subject::Park);
        let statuses = names::<ParkStatus>();
        if let Some(text) = row.opt("value_text").filter(|t| !statuses.contains(&t.as_str())) {
            row.fail("value_text", format!("{text:?} is not one of {}", statuses.join(", ")));
        }
    }
}

//! Columns a record keeps that follow from other records, kept up to date
//! wherever those change (seeding, import, writes): a tenancy's
//! `first_seen`, `last_seen` and `ended_on` follow from its own dates and
//! the sightings of its park and firm (`tenancy_observation`); and which
//! kinds and tables follow others for readers that must know (the response
//! cache).

use std::collections::{HashMap, HashSet};

use entity::{tenancy, tenancy_observation};
use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};

use super::IDS_PER_STATEMENT;
use super::registry::Kind;

/// `(follower, followed)`: kinds whose rows keep columns that follow from
/// another kind's rows without a change of their own in the change log. A
/// tenancy's sightings follow its observations (set here, in the
/// observation's write); a park's `tenant_count` follows its tenancies (a
/// trigger). Whatever reads the follower must count a change of the
/// followed as its own (the response cache does).
pub const FOLLOWS: &[(Kind, Kind)] = &[
    (Kind::Tenancy, Kind::TenancyObservation),
    (Kind::Park, Kind::Tenancy),
];

/// `(table, kind)`: tables the database keeps from a kind's rows (by
/// triggers, migration m20261207_000027), read in their stead. Whatever reads
/// one reads each kind it is kept from, and what follows them.
pub const KEPT_FROM: &[(&str, Kind)] = &[
    ("park_city_totals", Kind::Park),
    ("park_province_totals", Kind::Park),
    ("park_province_totals", Kind::City),
    ("park_operator_totals", Kind::Park),
    ("park_status_totals", Kind::Park),
];

/// The sighting kinds (as stored) that end a tenancy; every other kind
/// shows the firm present on its date.
pub const ENDING: &[&str] = &["MOVED_OUT", "PREMISES_DESTROYED"];

/// Sets a tenancy's `first_seen`, `last_seen` and `ended_on` from its own
/// dates and its pair's `sightings`: first seen is the earliest date of
/// any; last seen the latest of `since` and the sightings that show the
/// firm present; it ended on `until`, else on the first end event on or
/// after it was last seen present (a later sighting outlives an earlier
/// end). Dates are partial ISO-8601 texts, compared as text.
pub fn derive(tenancy: &mut tenancy::Model, sightings: &[&tenancy_observation::Model]) {
    let ends = |s: &&&tenancy_observation::Model| ENDING.contains(&s.kind.as_str());
    let present = sightings
        .iter()
        .filter(|s| !ends(s))
        .map(|s| &s.observed_on);
    let last_seen = present.chain(tenancy.since.as_ref()).max().cloned();
    let dates = sightings.iter().map(|s| &s.observed_on);
    let first_seen = dates.chain(tenancy.since.as_ref()).min().cloned();
    let after = |s: &&&tenancy_observation::Model| {
        (last_seen.as_ref()).is_none_or(|last| s.observed_on >= *last)
    };
    let ended = sightings.iter().filter(ends).filter(after);
    let ended = ended.map(|s| s.observed_on.clone()).min();
    tenancy.ended_on = tenancy.until.clone().or(ended);
    tenancy.first_seen = first_seen;
    tenancy.last_seen = last_seen;
}

/// [`derive`](fn@derive) for each of `tenancies`, given every sighting of their pairs.
pub fn derive_all<'t>(
    tenancies: impl IntoIterator<Item = &'t mut tenancy::Model>,
    sightings: &[tenancy_observation::Model],
) {
    let mut by_pair: HashMap<(i32, i32), Vec<&tenancy_observation::Model>> = HashMap::new();
    for s in sightings {
        by_pair.entry((s.park_id, s.firm_id)).or_default().push(s);
    }
    for tenancy in tenancies {
        let pair = by_pair.get(&(tenancy.park_id, tenancy.firm_id));
        derive(tenancy, pair.map_or(&[], Vec::as_slice));
    }
}

/// Derives again the tenancies of the `(park id, firm id)` pairs whose
/// dates or sightings changed, and stores what differs. Derived columns are
/// not versioned nor logged: the change feed carries the rows they follow
/// from.
pub async fn rederive<C: ConnectionTrait>(conn: &C, pairs: &[(i32, i32)]) -> Result<(), DbErr> {
    let wanted: HashSet<&(i32, i32)> = pairs.iter().collect();
    let mut parks: Vec<i32> = pairs.iter().map(|(park, _)| *park).collect();
    parks.sort_unstable();
    parks.dedup();
    for chunk in parks.chunks(IDS_PER_STATEMENT) {
        let in_parks = |c: tenancy::Column| c.is_in(chunk.to_vec());
        let tenancies = tenancy::Entity::find()
            .filter(in_parks(tenancy::Column::ParkId))
            .all(conn)
            .await?;
        let sightings = tenancy_observation::Entity::find()
            .filter(tenancy_observation::Column::ParkId.is_in(chunk.to_vec()))
            .all(conn)
            .await?;
        let mut derived = tenancies.clone();
        derive_all(derived.iter_mut(), &sightings);
        for (before, after) in tenancies.iter().zip(&derived) {
            if before != after && wanted.contains(&(after.park_id, after.firm_id)) {
                store(conn, after).await?;
            }
        }
    }
    Ok(())
}

async fn store<C: ConnectionTrait>(conn: &C, t: &tenancy::Model) -> Result<(), DbErr> {
    let update = Query::update()
        .table(tenancy::Entity)
        .value(tenancy::Column::FirstSeen, t.first_seen.clone())
        .value(tenancy::Column::LastSeen, t.last_seen.clone())
        .value(tenancy::Column::EndedOn, t.ended_on.clone())
        .and_where(Expr::col(tenancy::Column::Id).eq(t.id))
        .to_owned();
    conn.execute(&update).await.map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seen(kind: &str, on: &str) -> tenancy_observation::Model {
        let (kind, observed_on) = (kind.into(), on.into());
        tenancy_observation::Model {
            kind,
            observed_on,
            ..Default::default()
        }
    }

    fn derived(
        since: Option<&str>,
        until: Option<&str>,
        sightings: &[tenancy_observation::Model],
    ) -> tenancy::Model {
        let mut tenancy = tenancy::Model {
            since: since.map(Into::into),
            until: until.map(Into::into),
            ..Default::default()
        };
        derive(&mut tenancy, &sightings.iter().collect::<Vec<_>>());
        tenancy
    }

    #[test]
    fn a_tenancy_listed_on_the_day_its_premises_burned_ended_that_day() {
        let fire = "2017-09-10";
        let t = derived(
            None,
            None,
            &[
                seen("LISTED_AS_TENANT", fire),
                seen("PREMISES_DESTROYED", fire),
            ],
        );
        assert_eq!(t.first_seen.as_deref(), Some(fire));
        assert_eq!(t.last_seen.as_deref(), Some(fire));
        assert_eq!(t.ended_on.as_deref(), Some(fire));
    }

    #[test]
    fn a_firm_seen_again_after_moving_out_has_not_ended() {
        let t = derived(
            None,
            None,
            &[seen("MOVED_OUT", "2019"), seen("MOVED_IN", "2021-03")],
        );
        assert_eq!(t.first_seen.as_deref(), Some("2019"));
        assert_eq!(t.last_seen.as_deref(), Some("2021-03"));
        assert_eq!(t.ended_on, None);
    }

    #[test]
    fn an_eviction_notice_shows_presence_but_no_end() {
        let t = derived(None, None, &[seen("EVICTION_NOTICE", "2008-06-03")]);
        assert_eq!(t.last_seen.as_deref(), Some("2008-06-03"));
        assert_eq!(t.ended_on, None);
    }

    #[test]
    fn a_tenancys_own_dates_count_as_sightings() {
        let t = derived(
            Some("2020"),
            Some("2023-05"),
            &[seen("LISTED_AS_TENANT", "2022-01-04")],
        );
        assert_eq!(t.first_seen.as_deref(), Some("2020"));
        assert_eq!(t.last_seen.as_deref(), Some("2022-01-04"));
        assert_eq!(t.ended_on.as_deref(), Some("2023-05"));
        let unseen = derived(None, None, &[]);
        assert_eq!(
            (unseen.first_seen, unseen.last_seen, unseen.ended_on),
            (None, None, None)
        );
    }
}

//! Park claim writes, each inside a [`Write`]. A claim is named by its
//! park, property, unit, date and page; the park's operator's keys (or
//! keys bound to no organization) write them. At most one claim per park
//! and property is PREFERRED: preferring another makes the former one
//! NORMAL (OUTDATED); the park's typed field follows (`writes::figures`).

use entity::{park, park_claim};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::inputs::{ParkClaimInput, ParkClaimKey};
use crate::auth::Owners;
use crate::domains::claims::write::{Sent, checked, page};
use crate::domains::claims::{ClaimRank, ClaimRankReason, Subject};
use crate::error::{AppError, AppResult};
use crate::graphql::enums::to_db;
use crate::records::{Kind, Refs};
use crate::writes::Write;
use crate::writes::figures::refigure_parks;
use crate::writes::lookup::existing;
use crate::writes::rows::{insert, remove, save};

/// The park `slug`, if the caller may change its claims.
async fn park(w: &Write, slug: &str) -> AppResult<park::Model> {
    let park = existing::<park::Entity>(w, park::Column::Slug, slug, "park").await?;
    let owners = Owners::Orgs(park.operator_id.as_slice());
    w.actor().may_change(
        owners,
        false,
        "claims of parks another organization operates",
    )?;
    Ok(park)
}

/// The claim of `park` named by `key`, if recorded.
async fn lookup(
    w: &Write,
    park: &park::Model,
    key: &ParkClaimKey,
) -> AppResult<Option<park_claim::Model>> {
    use park_claim::Column;
    let unit = match key.unit.map(to_db) {
        Some(unit) => Column::Unit.eq(unit),
        None => Column::Unit.is_null(),
    };
    Ok(park_claim::Entity::find()
        .filter(Column::ParkId.eq(park.id))
        .filter(Column::Property.eq(to_db(key.property)))
        .filter(unit)
        .filter(Column::AsOf.eq(&key.as_of))
        .filter(Column::SourceUrl.eq(&key.source_url))
        .one(w.txn())
        .await?)
}

/// The claim named by `key` and its park; NOT_FOUND when there is none.
async fn find(w: &Write, key: &ParkClaimKey) -> AppResult<(park::Model, park_claim::Model)> {
    let park = park(w, &key.park_slug).await?;
    let claim = lookup(w, &park, key).await?.ok_or_else(|| {
        let property = to_db(key.property);
        let (slug, as_of) = (&key.park_slug, &key.as_of);
        AppError::NotFound(format!(
            "no {property} claim of {slug:?} as of {as_of:?} from that page"
        ))
    })?;
    Ok((park, claim))
}

/// Makes the PREFERRED claims of `park`'s `property`, other than `except`,
/// NORMAL (OUTDATED).
async fn demote(w: &mut Write, park: i32, property: &str, except: i32) -> AppResult<()> {
    use park_claim::Column;
    let preferred = park_claim::Entity::find()
        .filter(Column::ParkId.eq(park))
        .filter(Column::Property.eq(property))
        .filter(Column::Rank.eq(to_db(ClaimRank::Preferred)))
        .filter(Column::Id.ne(except))
        .all(w.txn())
        .await?;
    for current in preferred {
        let next = park_claim::Model {
            rank: to_db(ClaimRank::Normal).to_owned(),
            rank_reason: Some(to_db(ClaimRankReason::Outdated).to_owned()),
            ..current.clone()
        };
        save(w, &current, next).await?;
    }
    Ok(())
}

/// Records a claim; its id.
pub async fn record(w: &mut Write, input: ParkClaimInput) -> AppResult<i32> {
    let sent = Sent {
        property: input.property,
        value_number: input.value_number,
        value_date: input.value_date,
        value_text: input.value_status.map(|s| to_db(s).to_owned()),
        as_of: input.as_of,
        source_url: input.source_url,
        basis: input.basis,
        quote: input.quote,
        stated_by: input.stated_by,
        stated_by_organization: input.stated_by_organization,
    };
    let c = checked(w, sent, Subject::Park).await?;
    let park = park(w, &input.park_slug).await?;
    let key = ParkClaimKey {
        park_slug: input.park_slug.clone(),
        property: input.property,
        unit: input.unit,
        as_of: c.as_of.clone(),
        source_url: c.source_url.clone(),
    };
    if lookup(w, &park, &key).await?.is_some() {
        let (property, slug) = (to_db(input.property), &input.park_slug);
        return Err(AppError::Conflict(format!(
            "this {property} claim of {slug:?} is already recorded"
        )));
    }
    page(w, &c).await?;
    let property = to_db(input.property).to_owned();
    if input.rank == ClaimRank::Preferred {
        demote(w, park.id, &property, 0).await?;
    }
    let model = park_claim::Model {
        park_id: park.id,
        property,
        value_number: c.value_number,
        value_date: c.value_date,
        value_text: c.value_text,
        unit: input.unit.map(|u| to_db(u).to_owned()),
        approximation: to_db(input.approximation).to_owned(),
        basis: c.basis,
        as_of: c.as_of,
        rank: to_db(input.rank).to_owned(),
        rank_reason: input.rank_reason.map(|r| to_db(r).to_owned()),
        source_url: c.source_url,
        quote: c.quote,
        stated_by: c.stated_by,
        stated_by_id: c.stated_by_id,
        ..Default::default()
    };
    let row = insert(w, model).await?;
    refigure_parks(w, &[park.id]).await?;
    Ok(row.id)
}

/// Gives a claim another rank (and reason); its id.
pub async fn rank(
    w: &mut Write,
    claim: ParkClaimKey,
    rank: ClaimRank,
    rank_reason: Option<ClaimRankReason>,
) -> AppResult<i32> {
    let (park, current) = find(w, &claim).await?;
    if rank == ClaimRank::Preferred {
        demote(w, park.id, &current.property, current.id).await?;
    }
    let next = park_claim::Model {
        rank: to_db(rank).to_owned(),
        rank_reason: rank_reason.map(|r| to_db(r).to_owned()),
        ..current.clone()
    };
    save(w, &current, next).await?;
    refigure_parks(w, &[park.id]).await?;
    Ok(current.id)
}

/// Deletes a claim; the id it had. The park's field keeps its value when
/// the preferred claim goes.
pub async fn delete(w: &mut Write, claim: ParkClaimKey) -> AppResult<i32> {
    let (park, current) = find(w, &claim).await?;
    let mut refs = Refs::default();
    refs.insert(Kind::Park, park.id, park.slug.clone());
    remove(w, &current, &refs).await?;
    Ok(current.id)
}

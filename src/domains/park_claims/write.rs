//! Park claim writes, each inside a [`Write`]. A claim is named by its
//! park, property, unit, date and page; the park's operator's keys (or keys
//! bound to no organization) write them; the steps every subject's claims
//! share are `domains::claims::write`. The park's typed field follows its
//! preferred claim (`writes::figures`).

use entity::{park, park_claim};

use super::inputs::{ParkClaimInput, ParkClaimKey};
use crate::auth::Owners;
use crate::domains::claims::write::{ClaimTable, Named, add, checked, find, rerank};
use crate::domains::claims::{ClaimRank, ClaimRankReason, Subject};
use crate::error::AppResult;
use crate::graphql::enums::to_db;
use crate::records::{Kind, Refs};
use crate::writes::Write;
use crate::writes::figures::refigure_parks;
use crate::writes::lookup::existing;
use crate::writes::rows::remove;

impl ClaimTable for park_claim::Model {
    const SUBJECT: park_claim::Column = park_claim::Column::ParkId;
    const PROPERTY: park_claim::Column = park_claim::Column::Property;
    const UNIT: park_claim::Column = park_claim::Column::Unit;
    const AS_OF: park_claim::Column = park_claim::Column::AsOf;
    const SOURCE_URL: park_claim::Column = park_claim::Column::SourceUrl;
    const RANK: park_claim::Column = park_claim::Column::Rank;
    fn property(&self) -> &str {
        &self.property
    }
    fn rank(&self) -> &str {
        &self.rank
    }
    fn ranked(&self, rank: &str, reason: Option<String>) -> Self {
        let rank = rank.to_owned();
        Self {
            rank,
            rank_reason: reason,
            ..self.clone()
        }
    }
}

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

/// What names the claim `key` of `park`.
fn named<'k>(park: &park::Model, key: &'k ParkClaimKey) -> Named<'k> {
    Named {
        subject: park.id,
        property: key.property,
        unit: key.unit,
        as_of: &key.as_of,
        source_url: &key.source_url,
    }
}

/// Records a claim; its id.
pub async fn record(w: &mut Write, input: ParkClaimInput) -> AppResult<i32> {
    let (property, unit) = (input.claim.property, input.claim.unit);
    let status = input.value_status.map(|s| to_db(s).to_owned());
    let c = checked(w, input.claim, status.as_deref(), Subject::Park).await?;
    let park = park(w, &input.park_slug).await?;
    let key = ParkClaimKey {
        park_slug: input.park_slug,
        property,
        unit,
        as_of: c.as_of.clone(),
        source_url: c.source_url.clone(),
    };
    let claim = crate::claim_model!(
        park_claim::Model {
            park_id: park.id,
            value_text: status
        },
        c
    );
    let id = add(w, &named(&park, &key), &key.park_slug, claim).await?;
    refigure_parks(w, &[park.id]).await?;
    Ok(id)
}

/// Gives a claim another rank (and reason); its id.
pub async fn rank(
    w: &mut Write,
    claim: ParkClaimKey,
    rank: ClaimRank,
    rank_reason: Option<ClaimRankReason>,
) -> AppResult<i32> {
    let park = park(w, &claim.park_slug).await?;
    let current: park_claim::Model = find(w, &named(&park, &claim), &park.slug).await?;
    rerank(w, park.id, &current, rank, rank_reason).await?;
    refigure_parks(w, &[park.id]).await?;
    Ok(current.id)
}

/// Deletes a claim; the id it had. The park's field keeps its value when
/// the preferred claim goes.
pub async fn delete(w: &mut Write, claim: ParkClaimKey) -> AppResult<i32> {
    let park = park(w, &claim.park_slug).await?;
    let current: park_claim::Model = find(w, &named(&park, &claim), &park.slug).await?;
    let mut refs = Refs::default();
    refs.insert(Kind::Park, park.id, park.slug.clone());
    remove(w, &current, &refs).await?;
    Ok(current.id)
}

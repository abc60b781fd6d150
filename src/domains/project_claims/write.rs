//! Claim writes, each inside a [`Write`]. A claim is named by its project,
//! property, unit, date and page; the steps every subject's claims share
//! are `domains::claims::write`. The project's typed figure follows its
//! preferred claim (`writes::figures`).

use entity::{project, project_claim};

use super::inputs::{ProjectClaimInput, ProjectClaimKey};
use crate::domains::claims::write::{ClaimTable, Named, add, checked, find, rerank};
use crate::domains::claims::{ClaimRank, ClaimRankReason, Subject};
use crate::domains::projects::changeable;
use crate::error::AppResult;
use crate::records::{Kind, Refs};
use crate::writes::Write;
use crate::writes::figures::refigure;
use crate::writes::rows::remove;

impl ClaimTable for project_claim::Model {
    const SUBJECT: project_claim::Column = project_claim::Column::ProjectId;
    const PROPERTY: project_claim::Column = project_claim::Column::Property;
    const UNIT: project_claim::Column = project_claim::Column::Unit;
    const AS_OF: project_claim::Column = project_claim::Column::AsOf;
    const SOURCE_URL: project_claim::Column = project_claim::Column::SourceUrl;
    const RANK: project_claim::Column = project_claim::Column::Rank;
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

/// The project `slug`, if the caller may change its claims (its partners'
/// keys, or keys bound to no organization).
async fn project(w: &Write, slug: &str) -> AppResult<project::Model> {
    let what = "claims of projects its organization is no partner in";
    changeable(w, slug, what).await
}

/// What names the claim `key` of `project`.
fn named<'k>(project: &project::Model, key: &'k ProjectClaimKey) -> Named<'k> {
    Named {
        subject: project.id,
        property: key.property,
        unit: key.unit,
        as_of: &key.as_of,
        source_url: &key.source_url,
    }
}

/// Records a claim; its id.
pub async fn record(w: &mut Write, input: ProjectClaimInput) -> AppResult<i32> {
    let (property, unit) = (input.claim.property, input.claim.unit);
    let c = checked(w, input.claim, None, Subject::Project).await?;
    let project = project(w, &input.project_slug).await?;
    let key = ProjectClaimKey {
        project_slug: input.project_slug,
        property,
        unit,
        as_of: c.as_of.clone(),
        source_url: c.source_url.clone(),
    };
    let claim = crate::claim_model!(
        project_claim::Model {
            project_id: project.id
        },
        c
    );
    let id = add(w, &named(&project, &key), &key.project_slug, claim).await?;
    refigure(w, &[project.id]).await?;
    Ok(id)
}

/// Gives a claim another rank (and reason); its id.
pub async fn rank(
    w: &mut Write,
    claim: ProjectClaimKey,
    rank: ClaimRank,
    rank_reason: Option<ClaimRankReason>,
) -> AppResult<i32> {
    let project = project(w, &claim.project_slug).await?;
    let current: project_claim::Model = find(w, &named(&project, &claim), &project.slug).await?;
    rerank(w, project.id, &current, rank, rank_reason).await?;
    refigure(w, &[project.id]).await?;
    Ok(current.id)
}

/// Deletes a claim; the id it had. The project's figure keeps its value
/// when the preferred claim goes.
pub async fn delete(w: &mut Write, claim: ProjectClaimKey) -> AppResult<i32> {
    let project = project(w, &claim.project_slug).await?;
    let current: project_claim::Model = find(w, &named(&project, &claim), &project.slug).await?;
    let mut refs = Refs::default();
    refs.insert(Kind::Project, project.id, project.slug.clone());
    remove(w, &current, &refs).await?;
    Ok(current.id)
}

//! Claim writes, each inside a [`Write`]. A claim is named by its project,
//! property, unit, date and page. At most one claim per project and
//! property is PREFERRED: preferring another makes the former one NORMAL
//! (OUTDATED); the project's typed figure follows (`writes::figures`).

use entity::{project, project_claim};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::inputs::{ProjectClaimInput, ProjectClaimKey};
use crate::domains::claims::write::{Sent, checked, page};
use crate::domains::claims::{ClaimRank, ClaimRankReason, Subject};
use crate::domains::projects::changeable;
use crate::error::{AppError, AppResult};
use crate::graphql::enums::to_db;
use crate::records::{Kind, Refs};
use crate::writes::Write;
use crate::writes::figures::refigure;
use crate::writes::rows::{insert, remove, save};

/// The project `slug`, if the caller may change its claims (its partners'
/// keys, or keys bound to no organization).
async fn project(w: &Write, slug: &str) -> AppResult<project::Model> {
    changeable(
        w,
        slug,
        "claims of projects its organization is no partner in",
    )
    .await
}

/// The claim of `project` named by `key`, if recorded.
async fn lookup(
    w: &Write,
    project: &project::Model,
    key: &ProjectClaimKey,
) -> AppResult<Option<project_claim::Model>> {
    use project_claim::Column;
    let unit = match key.unit.map(to_db) {
        Some(unit) => Column::Unit.eq(unit),
        None => Column::Unit.is_null(),
    };
    Ok(project_claim::Entity::find()
        .filter(Column::ProjectId.eq(project.id))
        .filter(Column::Property.eq(to_db(key.property)))
        .filter(unit)
        .filter(Column::AsOf.eq(&key.as_of))
        .filter(Column::SourceUrl.eq(&key.source_url))
        .one(w.txn())
        .await?)
}

/// The claim named by `key` and its project; NOT_FOUND when there is none.
async fn find(
    w: &Write,
    key: &ProjectClaimKey,
) -> AppResult<(project::Model, project_claim::Model)> {
    let project = project(w, &key.project_slug).await?;
    let claim = lookup(w, &project, key).await?.ok_or_else(|| {
        AppError::NotFound(format!(
            "no {} claim of {:?} as of {:?} from that page",
            to_db(key.property),
            key.project_slug,
            key.as_of
        ))
    })?;
    Ok((project, claim))
}

/// Makes the PREFERRED claims of `project`'s `property`, other than
/// `except`, NORMAL (OUTDATED).
async fn demote(w: &mut Write, project: i32, property: &str, except: i32) -> AppResult<()> {
    use project_claim::Column;
    let preferred = project_claim::Entity::find()
        .filter(Column::ProjectId.eq(project))
        .filter(Column::Property.eq(property))
        .filter(Column::Rank.eq(to_db(ClaimRank::Preferred)))
        .filter(Column::Id.ne(except))
        .all(w.txn())
        .await?;
    for current in preferred {
        let next = project_claim::Model {
            rank: to_db(ClaimRank::Normal).to_owned(),
            rank_reason: Some(to_db(ClaimRankReason::Outdated).to_owned()),
            ..current.clone()
        };
        save(w, &current, next).await?;
    }
    Ok(())
}

/// Records a claim; its id.
pub async fn record(w: &mut Write, input: ProjectClaimInput) -> AppResult<i32> {
    let sent = Sent {
        property: input.property,
        value_number: input.value_number,
        value_date: input.value_date,
        value_text: None,
        as_of: input.as_of,
        source_url: input.source_url,
        basis: input.basis,
        quote: input.quote,
        stated_by: input.stated_by,
        stated_by_organization: input.stated_by_organization,
    };
    let c = checked(w, sent, Subject::Project).await?;
    let project = project(w, &input.project_slug).await?;
    let key = ProjectClaimKey {
        project_slug: input.project_slug.clone(),
        property: input.property,
        unit: input.unit,
        as_of: c.as_of.clone(),
        source_url: c.source_url.clone(),
    };
    if lookup(w, &project, &key).await?.is_some() {
        return Err(AppError::Conflict(format!(
            "this {} claim of {:?} is already recorded",
            to_db(input.property),
            input.project_slug
        )));
    }
    page(w, &c).await?;
    let property = to_db(input.property).to_owned();
    if input.rank == ClaimRank::Preferred {
        demote(w, project.id, &property, 0).await?;
    }
    let model = project_claim::Model {
        project_id: project.id,
        property,
        value_number: c.value_number,
        value_date: c.value_date,
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
    refigure(w, &[project.id]).await?;
    Ok(row.id)
}

/// Gives a claim another rank (and reason); its id.
pub async fn rank(
    w: &mut Write,
    claim: ProjectClaimKey,
    rank: ClaimRank,
    rank_reason: Option<ClaimRankReason>,
) -> AppResult<i32> {
    let (project, current) = find(w, &claim).await?;
    if rank == ClaimRank::Preferred {
        demote(w, project.id, &current.property, current.id).await?;
    }
    let next = project_claim::Model {
        rank: to_db(rank).to_owned(),
        rank_reason: rank_reason.map(|r| to_db(r).to_owned()),
        ..current.clone()
    };
    save(w, &current, next).await?;
    refigure(w, &[project.id]).await?;
    Ok(current.id)
}

/// Deletes a claim; the id it had. The project's figure keeps its value
/// when the preferred claim goes.
pub async fn delete(w: &mut Write, claim: ProjectClaimKey) -> AppResult<i32> {
    let (project, current) = find(w, &claim).await?;
    let mut refs = Refs::default();
    refs.insert(Kind::Project, project.id, project.slug.clone());
    remove(w, &current, &refs).await?;
    Ok(current.id)
}

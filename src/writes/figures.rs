//! Keeping a project's typed figures with its PREFERRED claims after a
//! write or an import changed the claims (see `records::figures`): each
//! project whose figures move is saved like any update, versioned and
//! logged, so the change feed shows the figure that changed.

use entity::{project, project_claim};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::Write;
use super::rows::save;
use crate::error::AppResult;
use crate::records::figures::figures;

/// Sets the figures of projects `ids` from their preferred claims.
pub async fn refigure(w: &mut Write, ids: &[i32]) -> AppResult<()> {
    let mut ids = ids.to_vec();
    ids.sort_unstable();
    ids.dedup();
    for chunk in ids.chunks(crate::records::IDS_PER_STATEMENT) {
        let projects = project::Entity::find()
            .filter(project::Column::Id.is_in(chunk.to_vec()))
            .all(w.txn())
            .await?;
        let claims = project_claim::Entity::find()
            .filter(project_claim::Column::ProjectId.is_in(chunk.to_vec()))
            .filter(project_claim::Column::Rank.eq("PREFERRED"))
            .all(w.txn())
            .await?;
        for current in &projects {
            let own: Vec<&project_claim::Model> = claims
                .iter()
                .filter(|c| c.project_id == current.id)
                .collect();
            let next = figures(current, &own);
            if next != *current {
                save(w, current, next).await?;
            }
        }
    }
    Ok(())
}

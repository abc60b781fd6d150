//! Keeping a project's or a park's typed figures with its PREFERRED claims
//! after a write or an import changed the claims (see `records::figures`):
//! each whose figures move is saved like any update, versioned and logged,
//! so the change feed shows the figure that changed.

use entity::{park, park_claim, project, project_claim};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::Write;
use super::rows::save;
use crate::error::AppResult;
use crate::records::figures::{figures, park_figures};

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

/// Sets the typed fields of parks `ids` from their preferred claims.
pub async fn refigure_parks(w: &mut Write, ids: &[i32]) -> AppResult<()> {
    let mut ids = ids.to_vec();
    ids.sort_unstable();
    ids.dedup();
    for chunk in ids.chunks(crate::records::IDS_PER_STATEMENT) {
        let parks = park::Entity::find()
            .filter(park::Column::Id.is_in(chunk.to_vec()))
            .all(w.txn())
            .await?;
        let claims = park_claim::Entity::find()
            .filter(park_claim::Column::ParkId.is_in(chunk.to_vec()))
            .filter(park_claim::Column::Rank.eq("PREFERRED"))
            .all(w.txn())
            .await?;
        for current in &parks {
            let own: Vec<&park_claim::Model> =
                claims.iter().filter(|c| c.park_id == current.id).collect();
            let next = park_figures(current, &own);
            if next != *current {
                save(w, current, next).await?;
            }
        }
    }
    Ok(())
}

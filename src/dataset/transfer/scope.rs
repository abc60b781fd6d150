//! What an import may touch: everything for admin keys (and the command line);
//! for a key bound to an organization, only the parks it operates (and their
//! tenancies), the projects it partners in (their partners and milestones),
//! new firms, and the citations of those.

use std::collections::HashSet;

use entity::{park, project_partner};
use sea_orm::{ColumnTrait, DatabaseTransaction, EntityTrait, QueryFilter};

use super::plan::Touched;
use crate::auth::{Actor, KeyScope};
use crate::error::{AppError, AppResult};
use crate::records::{Dataset, Kind};

/// FORBIDDEN, naming the rows, unless `actor` may make every change in `touched`.
pub async fn check_scope(
    actor: &Actor,
    data: &Dataset,
    touched: &Touched,
    txn: &DatabaseTransaction,
) -> AppResult<()> {
    let Some(org) = actor.organization_id else {
        return actor.require(KeyScope::Admin);
    };
    let mut parks: HashSet<i32> = park::Entity::find()
        .filter(park::Column::OperatorId.eq(org))
        .all(txn)
        .await?
        .into_iter()
        .map(|p| p.id)
        .collect();
    let new = |kind: Kind| -> HashSet<usize> {
        touched
            .get(&kind)
            .map(|rows| {
                rows.iter()
                    .filter(|(_, new)| *new)
                    .map(|(n, _)| *n)
                    .collect()
            })
            .unwrap_or_default()
    };
    let new_parks = new(Kind::Park);
    parks.extend(
        data.parks
            .iter()
            .enumerate()
            .filter(|(n, p)| new_parks.contains(n) && p.operator_id == Some(org))
            .map(|(_, p)| p.id),
    );
    let projects: HashSet<i32> = project_partner::Entity::find()
        .filter(project_partner::Column::OrganizationId.eq(org))
        .all(txn)
        .await?
        .into_iter()
        .map(|p| p.project_id)
        .collect();
    let new_firms: HashSet<i32> = new(Kind::Firm)
        .into_iter()
        .map(|n| data.firms[n].id)
        .collect();
    let milestone_project = |id: i32| {
        data.milestones
            .iter()
            .find(|m| m.id == id)
            .map(|m| m.project_id)
    };
    let mut denied = Vec::new();
    for (kind, rows) in touched {
        for (n, is_new) in rows {
            let n = *n;
            let allowed = match *kind {
                Kind::Park => {
                    data.parks[n].operator_id == Some(org) && parks.contains(&data.parks[n].id)
                }
                Kind::Tenancy => parks.contains(&data.tenancies[n].park_id),
                Kind::Project => !is_new && projects.contains(&data.projects[n].id),
                Kind::ProjectPartner => projects.contains(&data.partners[n].project_id),
                Kind::Milestone => projects.contains(&data.milestones[n].project_id),
                Kind::Firm => *is_new,
                Kind::Source => {
                    let s = &data.sources[n];
                    match s.record_type.as_str() {
                        "park" => parks.contains(&s.record_id),
                        "project" => projects.contains(&s.record_id),
                        "milestone" => {
                            milestone_project(s.record_id).is_some_and(|p| projects.contains(&p))
                        }
                        "firm" => new_firms.contains(&s.record_id),
                        _ => false,
                    }
                }
                Kind::City | Kind::Organization | Kind::Indicator => false,
            };
            if !allowed {
                denied.push(format!("{} row {}", kind.file(), n + 1));
            }
        }
    }
    if denied.is_empty() {
        return Ok(());
    }
    denied.sort();
    let total = denied.len();
    denied.truncate(10);
    Err(AppError::Forbidden(format!(
        "this key's organization may not make {total} of these changes (it may change the parks it operates, their tenancies, the projects it partners in, and add firms): {}",
        denied.join(", ")
    )))
}

//! What an import may touch: everything for admin keys (and the command line);
//! for a key bound to an organization, only the parks it operates (and their
//! tenancies), the projects it partners in (their partners and milestones),
//! new firms, and the citations of those.

use std::collections::{HashMap, HashSet};

use entity::{milestone, park, project_partner};
use sea_orm::{ColumnTrait, DatabaseTransaction, EntityTrait, QueryFilter};

use super::plan::Touched;
use crate::auth::{Actor, KeyScope, Owners};
use crate::error::{AppError, AppResult};
use crate::records::{Dataset, IDS_PER_STATEMENT, Kind};

/// FORBIDDEN, naming the rows, unless `actor` may make every change in
/// `touched`: the ownership rule of mutations ([`Actor::may_change`]) asked
/// of each row.
pub async fn check_scope(
    actor: &Actor,
    data: &Dataset,
    touched: &Touched,
    txn: &DatabaseTransaction,
) -> AppResult<()> {
    let Some(org) = actor.organization_id else {
        // Who may import at all: admin keys, and keys bound to an organization.
        return actor.require(KeyScope::Admin);
    };
    let owned = Owned::load(org, data, touched, txn).await?;
    let mut denied = Vec::new();
    for (kind, rows) in touched {
        for &(n, is_new) in rows {
            if owned.check(actor, *kind, n, is_new).is_err() {
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

/// What the importing key's organization owns, in the database and in the
/// import.
struct Owned<'a> {
    org: [i32; 1],
    data: &'a Dataset,
    /// Parks it operates in the database.
    operated: HashSet<i32>,
    /// Those and the new parks of the import it operates.
    parks: HashSet<i32>,
    /// Projects it partners in.
    projects: HashSet<i32>,
    /// Firms the import adds.
    new_firms: HashSet<i32>,
    /// The project of each milestone a source cites, in the import or not.
    milestone_projects: HashMap<i32, i32>,
}

impl<'a> Owned<'a> {
    async fn load(
        org: i32,
        data: &'a Dataset,
        touched: &Touched,
        txn: &DatabaseTransaction,
    ) -> AppResult<Self> {
        let operated: HashSet<i32> = park::Entity::find()
            .filter(park::Column::OperatorId.eq(org))
            .all(txn)
            .await?
            .into_iter()
            .map(|p| p.id)
            .collect();
        let new = |kind: Kind| -> Vec<usize> {
            let rows = touched.get(&kind).map(Vec::as_slice).unwrap_or(&[]);
            rows.iter()
                .filter(|(_, new)| *new)
                .map(|(n, _)| *n)
                .collect()
        };
        let mut parks = operated.clone();
        let new_parks = new(Kind::Park).into_iter().map(|n| &data.parks[n]);
        parks.extend(
            new_parks
                .filter(|p| p.operator_id == Some(org))
                .map(|p| p.id),
        );
        let projects = project_partner::Entity::find()
            .filter(project_partner::Column::OrganizationId.eq(org))
            .all(txn)
            .await?
            .into_iter()
            .map(|p| p.project_id)
            .collect();
        let new_firms = new(Kind::Firm)
            .into_iter()
            .map(|n| data.firms[n].id)
            .collect();
        let milestone_projects = milestone_projects(data, txn).await?;
        Ok(Self {
            org: [org],
            data,
            operated,
            parks,
            projects,
            new_firms,
            milestone_projects,
        })
    }

    /// The organization, when `set` holds `id`.
    fn owners(&self, set: &HashSet<i32>, id: i32) -> Owners<'_> {
        Owners::Orgs(if set.contains(&id) { &self.org } else { &[] })
    }

    /// Who owns the record `id` of type `record_type` that a source cites,
    /// and whether the import adds it.
    fn cited(&self, record_type: &str, id: i32) -> (Owners<'_>, bool) {
        match record_type {
            "park" => (self.owners(&self.parks, id), false),
            "project" => (self.owners(&self.projects, id), false),
            "milestone" => {
                let project = self.milestone_projects.get(&id).copied().unwrap_or(0);
                (self.owners(&self.projects, project), false)
            }
            "firm" => (Owners::Shared, self.new_firms.contains(&id)),
            _ => (Owners::Admins, false),
        }
    }

    /// [`Actor::may_change`] for row `n` of `kind`.
    fn check(&self, actor: &Actor, kind: Kind, n: usize, is_new: bool) -> AppResult<()> {
        let data = self.data;
        let (owners, is_new) = match kind {
            Kind::Park => {
                let park = &data.parks[n];
                if !is_new {
                    actor.may_change(self.owners(&self.operated, park.id), false, "")?;
                }
                (Owners::Orgs(park.operator_id.as_slice()), is_new)
            }
            Kind::Tenancy => (self.owners(&self.parks, data.tenancies[n].park_id), is_new),
            Kind::TenancyObservation => {
                let park = data.tenancy_observations[n].park_id;
                (self.owners(&self.parks, park), is_new)
            }
            Kind::Project => (self.owners(&self.projects, data.projects[n].id), is_new),
            Kind::ProjectPartner => (
                self.owners(&self.projects, data.partners[n].project_id),
                is_new,
            ),
            Kind::ParkClaim => (
                self.owners(&self.parks, data.park_claims[n].park_id),
                is_new,
            ),
            Kind::ProjectClaim => (
                self.owners(&self.projects, data.project_claims[n].project_id),
                is_new,
            ),
            Kind::Milestone => (
                self.owners(&self.projects, data.milestones[n].project_id),
                is_new,
            ),
            Kind::Firm | Kind::SourceDocument => (Owners::Shared, is_new),
            Kind::Source => {
                let source = &data.sources[n];
                self.cited(&source.record_type, source.record_id)
            }
            Kind::City
            | Kind::CityCoordinate
            | Kind::Organization
            | Kind::Programme
            | Kind::ProgrammeCentre
            | Kind::StpEvidence
            | Kind::Indicator => (Owners::Admins, is_new),
        };
        actor.may_change(owners, is_new, "")
    }
}

/// The project of each milestone the import's sources cite: the import's
/// own milestones, and the database's for the others.
async fn milestone_projects(
    data: &Dataset,
    txn: &DatabaseTransaction,
) -> AppResult<HashMap<i32, i32>> {
    let mut projects: HashMap<i32, i32> = data
        .milestones
        .iter()
        .map(|m| (m.id, m.project_id))
        .collect();
    let cited: Vec<i32> = data
        .sources
        .iter()
        .filter(|s| s.record_type == "milestone" && !projects.contains_key(&s.record_id))
        .map(|s| s.record_id)
        .collect();
    for chunk in cited.chunks(IDS_PER_STATEMENT) {
        let found = milestone::Entity::find()
            .filter(milestone::Column::Id.is_in(chunk.to_vec()))
            .all(txn)
            .await?;
        projects.extend(found.into_iter().map(|m| (m.id, m.project_id)));
    }
    Ok(projects)
}

//! A project's typed figures (`cost_usd`, `target_year`, `jobs_target`,
//! `exports_target_usd`, `area_sqft`) and a park's (`status`,
//! `opened_year`, `area_sqft`) follow their PREFERRED claims: where a
//! property has one, the figure is its value; where none, the figure stands
//! as written. Kept wherever claims change (seeding, import, claim writes).

use std::collections::HashMap;

use entity::{park, park_claim, project, project_claim};

/// The typed figures `claims` (a project's) set, over `project`'s own.
pub fn figures(project: &project::Model, claims: &[&project_claim::Model]) -> project::Model {
    let mut next = project.clone();
    for claim in claims.iter().filter(|c| c.rank == "PREFERRED") {
        let number = claim.value_number;
        let unit = claim.unit.as_deref();
        match (claim.property.as_str(), unit) {
            ("COST", Some("USD")) => next.cost_usd = number,
            ("EXPORTS_TARGET", Some("USD")) => next.exports_target_usd = number,
            ("JOBS_TARGET", _) => next.jobs_target = number.map(|n| n.round() as i32),
            ("AREA_SQFT", _) => next.area_sqft = number.map(|n| n.round() as i64),
            ("COMPLETION_DUE", _) => {
                let year = claim.value_date.as_deref().and_then(|d| d.get(..4));
                next.target_year = year.and_then(|y| y.parse().ok());
            }
            _ => {}
        }
    }
    next
}

/// [`figures`] for each of `projects`, given every claim of theirs.
pub fn figures_all<'p>(
    projects: impl IntoIterator<Item = &'p mut project::Model>,
    claims: &[project_claim::Model],
) {
    // By project first: a synthetic dataset holds thousands of projects.
    let mut by_project: HashMap<i32, Vec<&project_claim::Model>> = HashMap::new();
    for claim in claims {
        by_project.entry(claim.project_id).or_default().push(claim);
    }
    for project in projects {
        let own = by_project.get(&project.id).map_or(&[][..], Vec::as_slice);
        *project = figures(project, own);
    }
}

/// The typed fields `claims` (a park's) set, over `park`'s own.
pub fn park_figures(park: &park::Model, claims: &[&park_claim::Model]) -> park::Model {
    let mut next = park.clone();
    for claim in claims.iter().filter(|c| c.rank == "PREFERRED") {
        match claim.property.as_str() {
            "STATUS" => next.status = claim.value_text.clone().unwrap_or(next.status),
            "OPENED" => {
                let year = claim.value_date.as_deref().and_then(|d| d.get(..4));
                next.opened_year = year.and_then(|y| y.parse().ok());
            }
            "AREA_SQFT" => next.area_sqft = claim.value_number.map(|n| n.round() as i64),
            _ => {}
        }
    }
    next
}

/// [`park_figures`] for each of `parks`, given every claim of theirs.
pub fn park_figures_all<'p>(
    parks: impl IntoIterator<Item = &'p mut park::Model>,
    claims: &[park_claim::Model],
) {
    let mut by_park: HashMap<i32, Vec<&park_claim::Model>> = HashMap::new();
    for claim in claims {
        by_park.entry(claim.park_id).or_default().push(claim);
    }
    for park in parks {
        let own = by_park.get(&park.id).map_or(&[][..], Vec::as_slice);
        *park = park_figures(park, own);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(property: &str, unit: &str, number: f64, rank: &str) -> project_claim::Model {
        project_claim::Model {
            property: property.into(),
            unit: Some(unit.into()),
            value_number: Some(number),
            rank: rank.into(),
            ..Default::default()
        }
    }

    #[test]
    fn only_a_preferred_claim_in_the_figures_unit_sets_the_figure() {
        let project = project::Model {
            cost_usd: Some(1.0),
            jobs_target: Some(5),
            ..Default::default()
        };
        let rupees = claim("COST", "PKR", 25e9, "PREFERRED");
        let old = claim("JOBS_TARGET", "PERSON", 7500.0, "NORMAL");
        let jobs = claim("JOBS_TARGET", "PERSON", 10000.0, "PREFERRED");
        let mut due = claim("COMPLETION_DUE", "", 0.0, "PREFERRED");
        (due.unit, due.value_number, due.value_date) = (None, None, Some("2025-12-31".into()));

        let next = figures(&project, &[&rupees, &old, &jobs, &due]);

        assert_eq!(next.cost_usd, Some(1.0));
        assert_eq!(next.jobs_target, Some(10000));
        assert_eq!(next.target_year, Some(2025));
    }
}

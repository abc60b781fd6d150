//! Turns the dataset's CSV files into rows ready to insert, with ids assigned
//! and every reference resolved, or the full list of problems.

use std::collections::HashMap;

use entity::{
    city, firm, indicator, milestone, organization, park, project, project_partner, source, tenancy,
};

use super::rows::{Problem, Problems, Row, index, read};
use super::{Files, HEADERS};
use crate::domains::cities::Province;
use crate::domains::organizations::OrganizationKind;
use crate::domains::parks::{ParkKind, ParkStatus};

/// Every row of the dataset, as models with ids.
#[derive(Debug, Default)]
pub struct Dataset {
    /// Cities.
    pub cities: Vec<city::Model>,
    /// Organizations.
    pub organizations: Vec<organization::Model>,
    /// Parks.
    pub parks: Vec<park::Model>,
    /// Firms.
    pub firms: Vec<firm::Model>,
    /// Tenancies.
    pub tenancies: Vec<tenancy::Model>,
    /// Projects.
    pub projects: Vec<project::Model>,
    /// Project partners.
    pub partners: Vec<project_partner::Model>,
    /// Milestones.
    pub milestones: Vec<milestone::Model>,
    /// Indicators.
    pub indicators: Vec<indicator::Model>,
    /// Sources.
    pub sources: Vec<source::Model>,
}

/// The id of row `n` (0-based) of a file.
pub type Ids<'a> = &'a dyn Fn(&str, usize) -> i32;

/// Parses and validates every file; all problems or a complete dataset with
/// ids 1, 2, 3... in file order.
pub fn parse(files: &Files, now: &str) -> Result<Dataset, Vec<Problem>> {
    parse_with(files, now, &|_, n| n as i32 + 1)
}

/// `parse` with ids chosen by `ids` (an import keeps the ids rows already
/// have in the database).
pub fn parse_with(files: &Files, now: &str, ids: Ids<'_>) -> Result<Dataset, Vec<Problem>> {
    let problems = Problems::default();
    let p = &problems;
    let text = |name: &str| files.get(name).map(String::as_str).unwrap_or("");

    let mut sheets: HashMap<&str, Vec<Row<'_>>> = HEADERS
        .iter()
        .map(|(file, headers)| (*file, read(file, text(file), headers, p)))
        .collect();
    let mut take = |file: &str| sheets.remove(file).unwrap_or_default();
    let city_rows = take("cities.csv");
    let org_rows = take("organizations.csv");
    let park_rows = take("parks.csv");
    let firm_rows = take("firms.csv");
    let tenancy_rows = take("tenancies.csv");
    let project_rows = take("projects.csv");
    let partner_rows = take("project_partners.csv");
    let milestone_rows = take("milestones.csv");
    let indicator_rows = take("indicators.csv");
    let source_rows = take("sources.csv");

    let slugs = |file: &str, rows: &'_ [Row<'_>]| -> HashMap<String, i32> {
        index(
            "slug",
            &|n| ids(file, n),
            rows.iter().map(|r| (r, r.slug("slug"))),
        )
    };
    let cities = slugs("cities.csv", &city_rows);
    let orgs = slugs("organizations.csv", &org_rows);
    let parks = slugs("parks.csv", &park_rows);
    let firms = slugs("firms.csv", &firm_rows);
    let projects = slugs("projects.csv", &project_rows);
    index(
        "since",
        &|n| ids("tenancies.csv", n),
        tenancy_rows.iter().map(|r| {
            let part = |c: &str| r.opt(c).unwrap_or_default();
            let key = format!(
                "{}|{}|{}",
                part("park_slug"),
                part("firm_slug"),
                part("since")
            );
            (r, key)
        }),
    );
    index(
        "role",
        &|n| ids("project_partners.csv", n),
        partner_rows.iter().map(|r| {
            let part = |c: &str| r.opt(c).unwrap_or_default();
            let key = format!(
                "{}|{}|{}",
                part("project_slug"),
                part("organization_slug"),
                part("role")
            );
            (r, key)
        }),
    );
    index(
        "url",
        &|n| ids("sources.csv", n),
        source_rows.iter().map(|r| {
            let part = |c: &str| r.opt(c).unwrap_or_default();
            let key = format!(
                "{}|{}|{}",
                part("record_type"),
                part("record_key"),
                part("url")
            );
            (r, key)
        }),
    );
    let milestone_keys = index(
        "title",
        &|n| ids("milestones.csv", n),
        milestone_rows.iter().map(|r| {
            (
                r,
                format!(
                    "{}|{}",
                    r.opt("project_slug").unwrap_or_default(),
                    r.text("title")
                ),
            )
        }),
    );
    let indicator_keys = index(
        "period",
        &|n| ids("indicators.csv", n),
        indicator_rows
            .iter()
            .map(|r| (r, format!("{}|{}", r.text("key"), r.text("period")))),
    );

    let mut data = Dataset::default();
    for (n, r) in city_rows.iter().enumerate() {
        let (version, updated_at) = (1, now.to_owned());
        let (slug, name) = (r.slug("slug"), r.text("name"));
        data.cities.push(city::Model {
            id: ids("cities.csv", n),
            slug,
            name_folded: entity::fold(&name),
            name,
            province: r.enumeration::<Province>("province"),
            version,
            updated_at,
        });
    }
    for (n, r) in org_rows.iter().enumerate() {
        let (version, updated_at) = (1, now.to_owned());
        // `none` is the group key of parks without an operator.
        if r.opt("slug").as_deref() == Some("none") {
            r.fail("slug", "`none` is reserved");
        }
        let (slug, name) = (r.slug("slug"), r.text("name"));
        data.organizations.push(organization::Model {
            id: ids("organizations.csv", n),
            slug,
            name_folded: entity::fold(&name),
            name,
            kind: r.enumeration::<OrganizationKind>("kind"),
            version,
            updated_at,
        });
    }
    for (n, r) in park_rows.iter().enumerate() {
        let (version, updated_at) = (1, now.to_owned());
        let (slug, name) = (r.slug("slug"), r.text("name"));
        data.parks.push(park::Model {
            id: ids("parks.csv", n),
            slug,
            name_folded: entity::fold(&name),
            name,
            kind: r.enumeration::<ParkKind>("kind"),
            status: r.enumeration::<ParkStatus>("status"),
            city_id: r
                .reference("city_slug", &cities, "city", true)
                .unwrap_or_default(),
            operator_id: r.reference("operator_slug", &orgs, "organization", false),
            area_sqft: r.count("area_sqft"),
            opened_year: r.int("opened_year"),
            notes: r.opt("notes"),
            version,
            updated_at,
        });
    }
    for (n, r) in firm_rows.iter().enumerate() {
        let (version, updated_at) = (1, now.to_owned());
        let (slug, name, sector) = (r.slug("slug"), r.text("name"), r.opt("sector"));
        data.firms.push(firm::Model {
            id: ids("firms.csv", n),
            slug,
            name_folded: entity::fold(&name),
            sector_folded: sector.as_deref().map(entity::fold),
            name,
            sector,
            employees: r.count("employees"),
            version,
            updated_at,
        });
    }
    for (n, r) in tenancy_rows.iter().enumerate() {
        let (version, updated_at) = (1, now.to_owned());
        data.tenancies.push(tenancy::Model {
            id: ids("tenancies.csv", n),
            park_id: r
                .reference("park_slug", &parks, "park", true)
                .unwrap_or_default(),
            firm_id: r
                .reference("firm_slug", &firms, "firm", true)
                .unwrap_or_default(),
            area_sqft: r.count("area_sqft"),
            since: r.date("since"),
            until: r.date("until"),
            version,
            updated_at,
        });
        r.ordered_dates("since", "until");
    }
    for (n, r) in project_rows.iter().enumerate() {
        let (version, updated_at) = (1, now.to_owned());
        let (slug, name) = (r.slug("slug"), r.text("name"));
        data.projects.push(project::Model {
            id: ids("projects.csv", n),
            slug,
            name_folded: entity::fold(&name),
            name,
            status: r.enumeration::<ParkStatus>("status"),
            city_id: r
                .reference("city_slug", &cities, "city", true)
                .unwrap_or_default(),
            park_id: r.reference("park_slug", &parks, "park", false),
            cost_usd: r.amount("cost_usd"),
            area_sqft: r.count("area_sqft"),
            target_year: r.int("target_year"),
            jobs_target: r.count("jobs_target"),
            exports_target_usd: r.amount("exports_target_usd"),
            notes: r.opt("notes"),
            version,
            updated_at,
        });
    }
    for (n, r) in partner_rows.iter().enumerate() {
        let (version, updated_at) = (1, now.to_owned());
        data.partners.push(project_partner::Model {
            id: ids("project_partners.csv", n),
            project_id: r
                .reference("project_slug", &projects, "project", true)
                .unwrap_or_default(),
            organization_id: r
                .reference("organization_slug", &orgs, "organization", true)
                .unwrap_or_default(),
            role: r.text("role"),
            version,
            updated_at,
        });
    }
    for (n, r) in milestone_rows.iter().enumerate() {
        let (version, updated_at) = (1, now.to_owned());
        data.milestones.push(milestone::Model {
            id: ids("milestones.csv", n),
            project_id: r
                .reference("project_slug", &projects, "project", true)
                .unwrap_or_default(),
            title: r.key_part("title"),
            due: r.date("due"),
            reached: r.date("reached"),
            version,
            updated_at,
        });
    }
    for (n, r) in indicator_rows.iter().enumerate() {
        let (version, updated_at) = (1, now.to_owned());
        let value = r.float("value");
        if value.is_none() && r.opt("value").is_none() {
            r.fail("value", "must not be empty");
        }
        let (key, period) = (r.key_part("key"), r.key_part("period"));
        data.indicators.push(indicator::Model {
            id: ids("indicators.csv", n),
            key_folded: entity::fold(&key),
            period_folded: entity::fold(&period),
            key,
            period,
            value: value.unwrap_or_default(),
            unit: r.text("unit"),
            notes: r.opt("notes"),
            version,
            updated_at,
        });
    }
    let records: HashMap<&str, &HashMap<String, i32>> = HashMap::from([
        ("city", &cities),
        ("organization", &orgs),
        ("park", &parks),
        ("firm", &firms),
        ("project", &projects),
        ("milestone", &milestone_keys),
        ("indicator", &indicator_keys),
    ]);
    for (n, r) in source_rows.iter().enumerate() {
        let record_type = r.text("record_type");
        let record_id = match records.get(record_type.as_str()) {
            Some(keys) => r.reference("record_key", keys, &record_type, true),
            None => {
                if !record_type.is_empty() {
                    r.fail(
                        "record_type",
                        format!("{record_type:?} is not a record type"),
                    );
                }
                None
            }
        };
        data.sources.push(source::Model {
            id: ids("sources.csv", n),
            record_type,
            record_id: record_id.unwrap_or_default(),
            url: r.text("url"),
            title: r.opt("title"),
            as_of: r.date("as_of"),
        });
    }

    let mut problems = problems.into_inner();
    // A cell read twice (for an index, then for the row) reports twice.
    let mut seen = std::collections::HashSet::new();
    problems.retain(|p| seen.insert(p.to_string()));
    if problems.is_empty() {
        Ok(data)
    } else {
        Err(problems)
    }
}

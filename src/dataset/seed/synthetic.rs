//! A deterministic synthetic dataset for benchmarks: the same `scale` always
//! gives the same rows. At scale 1: 50 cities, 200 organizations, 2,000 parks,
//! 100,000 firms, 300,000 tenancies, 500 projects with 2,000 partners and
//! 5,000 milestones; other scales multiply every count.

use entity::{city, firm, milestone, organization, park, project, project_partner, tenancy};

use crate::records::{Dataset, Rows, for_each_record};

/// splitmix64: tiny, fast and fully deterministic, which is all a fixture needs.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// A number in `lo..=hi`.
    fn between(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next() % (hi - lo + 1) as u64) as i64
    }

    /// True with probability `percent`/100.
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const PROVINCES: [&str; 7] = [
    "PUNJAB",
    "SINDH",
    "KHYBER_PAKHTUNKHWA",
    "BALOCHISTAN",
    "ISLAMABAD_CAPITAL_TERRITORY",
    "GILGIT_BALTISTAN",
    "AZAD_JAMMU_AND_KASHMIR",
];
const ORG_KINDS: [&str; 6] = [
    "GOVERNMENT",
    "UNIVERSITY",
    "COMPANY",
    "FINANCIER",
    "DEVELOPER",
    "OTHER",
];
const PARK_KINDS: [&str; 3] = ["SOFTWARE_TECHNOLOGY_PARK", "IT_PARK", "TECHNOLOGY_PARK"];
const STATUSES: [&str; 5] = [
    "PLANNED",
    "UNDER_CONSTRUCTION",
    "OPERATIONAL",
    "CLOSED",
    "UNKNOWN",
];
const SECTORS: [&str; 6] = [
    "software",
    "call centre",
    "fintech",
    "data centre",
    "games",
    "e-commerce",
];
const ROLES: [&str; 5] = [
    "financier",
    "developer",
    "academic partner",
    "executing agency",
    "sponsor",
];
const WORDS: [&str; 8] = [
    "Indus",
    "Ravi",
    "Margalla",
    "Karakoram",
    "Thar",
    "Chenab",
    "Hingol",
    "Swat",
];

fn count(base: usize, scale: f64) -> usize {
    ((base as f64 * scale).round() as usize).max(1)
}

fn date(rng: &mut Rng, from: i64, to: i64) -> String {
    format!(
        "{}-{:02}-{:02}",
        rng.between(from, to),
        rng.between(1, 12),
        rng.between(1, 28)
    )
}

/// How many rows of each parent table the synthetic dataset has.
struct Sizes {
    cities: usize,
    orgs: usize,
    parks: usize,
    firms: usize,
    projects: usize,
}

/// The synthetic dataset at `scale`, with ids from 1 in every table.
pub fn generate(scale: f64, now: &str) -> Dataset {
    let mut rng = Rng(0x005E_ED0F_9A2C);
    let mut data = Dataset::default();
    let sizes = Sizes {
        cities: count(50, scale),
        orgs: count(200, scale),
        parks: count(2_000, scale),
        firms: count(100_000, scale),
        projects: count(500, scale),
    };
    // The order of the draws is the dataset: keep it.
    places(&mut rng, &sizes, &mut data);
    firms(&mut rng, &sizes, &mut data);
    projects(&mut rng, &sizes, &mut data);
    for_each_record!(E => {
        for row in Rows::<E>::rows_mut(&mut data) {
            row.set_version(1);
            row.set_updated_at(now.to_owned());
        }
    });
    data
}

/// Cities, organizations and parks.
fn places(rng: &mut Rng, sizes: &Sizes, data: &mut Dataset) {
    for i in 0..sizes.cities {
        let name = format!("{} City {i:04}", rng.pick(&WORDS));
        data.cities.push(city::Model {
            id: i as i32 + 1,
            slug: format!("synthetic-city-{i:04}"),
            name_folded: entity::fold(&name),
            name,
            province: rng.pick(&PROVINCES).to_owned(),
            ..Default::default()
        });
    }
    for i in 0..sizes.orgs {
        let name = format!("{} Organization {i:05}", rng.pick(&WORDS));
        data.organizations.push(organization::Model {
            id: i as i32 + 1,
            slug: format!("synthetic-org-{i:05}"),
            name_folded: entity::fold(&name),
            name,
            kind: rng.pick(&ORG_KINDS).to_owned(),
            ..Default::default()
        });
    }
    for i in 0..sizes.parks {
        let name = format!("{} Technology Park {i:06}", rng.pick(&WORDS));
        data.parks.push(park::Model {
            id: i as i32 + 1,
            slug: format!("synthetic-park-{i:06}"),
            name_folded: entity::fold(&name),
            name,
            kind: rng.pick(&PARK_KINDS).to_owned(),
            status: rng.pick(&STATUSES).to_owned(),
            city_id: rng.below(sizes.cities) as i32 + 1,
            operator_id: (!rng.chance(10)).then(|| rng.below(sizes.orgs) as i32 + 1),
            area_sqft: (!rng.chance(10)).then(|| rng.between(5_000, 1_200_000)),
            opened_year: (!rng.chance(30)).then(|| rng.between(1999, 2025) as i32),
            ..Default::default()
        });
    }
}

/// Firms, and three tenancies each.
fn firms(rng: &mut Rng, sizes: &Sizes, data: &mut Dataset) {
    for i in 0..sizes.firms {
        let name = format!("{} Systems {i:07}", rng.pick(&WORDS));
        let sector = rng.pick(&SECTORS).to_owned();
        data.firms.push(firm::Model {
            id: i as i32 + 1,
            slug: format!("synthetic-firm-{i:07}"),
            name_folded: entity::fold(&name),
            sector_folded: Some(entity::fold(&sector)),
            name,
            sector: Some(sector),
            employees: (!rng.chance(20)).then(|| rng.between(2, 5_000) as i32),
            ..Default::default()
        });
    }
    for i in 0..sizes.firms * 3 {
        let since = date(rng, 2000, 2024);
        let until = rng
            .chance(25)
            .then(|| format!("{}", since[..4].parse::<i64>().unwrap_or(2000) + 1));
        data.tenancies.push(tenancy::Model {
            id: i as i32 + 1,
            park_id: rng.below(sizes.parks) as i32 + 1,
            firm_id: (i % sizes.firms) as i32 + 1,
            area_sqft: (!rng.chance(30)).then(|| rng.between(500, 50_000)),
            since: Some(since),
            until,
            ..Default::default()
        });
    }
}

/// Projects, each with four partners and ten milestones.
fn projects(rng: &mut Rng, sizes: &Sizes, data: &mut Dataset) {
    for i in 0..sizes.projects {
        let name = format!("{} IT Park Project {i:05}", rng.pick(&WORDS));
        data.projects.push(project::Model {
            id: i as i32 + 1,
            slug: format!("synthetic-project-{i:05}"),
            name_folded: entity::fold(&name),
            name,
            status: rng.pick(&STATUSES).to_owned(),
            city_id: rng.below(sizes.cities) as i32 + 1,
            park_id: (!rng.chance(20)).then(|| rng.below(sizes.parks) as i32 + 1),
            cost_usd: (!rng.chance(20)).then(|| rng.between(1, 300) as f64 * 1_000_000.0),
            area_sqft: (!rng.chance(20)).then(|| rng.between(20_000, 1_500_000)),
            target_year: Some(rng.between(2024, 2032) as i32),
            jobs_target: (!rng.chance(20)).then(|| rng.between(100, 20_000) as i32),
            exports_target_usd: (!rng.chance(40)).then(|| rng.between(1, 100) as f64 * 1_000_000.0),
            ..Default::default()
        });
        for _ in 0..4 {
            data.partners.push(project_partner::Model {
                id: data.partners.len() as i32 + 1,
                project_id: i as i32 + 1,
                organization_id: rng.below(sizes.orgs) as i32 + 1,
                role: rng.pick(&ROLES).to_owned(),
                ..Default::default()
            });
        }
        for m in 0..10 {
            let due = date(rng, 2020, 2030);
            let reached = rng.chance(40).then(|| due.clone());
            data.milestones.push(milestone::Model {
                id: data.milestones.len() as i32 + 1,
                project_id: i as i32 + 1,
                title: format!("Step {m}"),
                due: Some(due),
                reached,
                ..Default::default()
            });
        }
    }
}

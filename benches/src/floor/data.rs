//! The rows Q1-Q4 read, loaded once, with the orders they are listed in
//! worked out in advance (a server from memory would keep them so).

use anyhow::Context;
use sea_orm::{ConnectionTrait, Database, DatabaseConnection, QueryResult, Statement};
use std::collections::HashMap;

pub struct City {
    pub name: String,
    /// Lower case, for parkgraph's case-blind `startsWith`.
    pub folded: String,
}

pub struct Firm {
    pub name: String,
    pub employees: Option<i32>,
}

pub struct Park {
    pub slug: String,
    pub name: String,
    pub area_sqft: Option<i64>,
    pub city: usize,
    /// Its tenants' firms, by tenancy id.
    pub tenants: Vec<usize>,
}

pub struct Organization {
    pub name: String,
    pub kind: String,
}

pub struct Partner {
    pub role: String,
    pub organization: usize,
}

pub struct Milestone {
    pub title: String,
    pub due: Option<String>,
    pub reached: Option<String>,
}

pub struct Project {
    pub name: String,
    pub status: String,
    pub city: usize,
    pub park: Option<usize>,
    pub partners: Vec<Partner>,
    pub milestones: Vec<Milestone>,
}

/// Everything, each table by position; ids are turned into positions at load.
pub struct Data {
    pub cities: Vec<City>,
    pub firms: Vec<Firm>,
    /// By id.
    pub parks: Vec<Park>,
    /// Positions in `parks` by name, then id.
    pub parks_by_name: Vec<usize>,
    /// Positions in `parks` by area (largest first, none last), then id, descending.
    pub parks_by_area_desc: Vec<usize>,
    pub organizations: Vec<Organization>,
    pub projects: HashMap<String, Project>,
}

impl Data {
    pub async fn load(url: &str) -> anyhow::Result<Data> {
        let db = Database::connect(url).await?;
        let cities = ids(&db, "SELECT id, name FROM city ORDER BY id", |r| {
            let name: String = r.try_get("", "name")?;
            let folded = name.to_lowercase();
            Ok(City { name, folded })
        })
        .await?;
        let firms = ids(
            &db,
            "SELECT id, name, employees FROM firm ORDER BY id",
            |r| {
                Ok(Firm {
                    name: r.try_get("", "name")?,
                    employees: r.try_get("", "employees")?,
                })
            },
        )
        .await?;
        let parks = ids(
            &db,
            "SELECT id, slug, name, area_sqft, city_id FROM park ORDER BY id",
            |r| {
                Ok((
                    r.try_get::<String>("", "slug")?,
                    r.try_get::<String>("", "name")?,
                    r.try_get::<Option<i64>>("", "area_sqft")?,
                    r.try_get::<i32>("", "city_id")?,
                ))
            },
        )
        .await?;
        let organizations = ids(
            &db,
            "SELECT id, name, kind FROM organization ORDER BY id",
            |r| {
                Ok(Organization {
                    name: r.try_get("", "name")?,
                    kind: r.try_get::<String>("", "kind")?.to_uppercase(),
                })
            },
        )
        .await?;
        let mut parks: Vec<Park> = (parks.values.into_iter())
            .map(|(slug, name, area_sqft, city)| Park {
                slug,
                name,
                area_sqft,
                city: cities.at(city),
                tenants: Vec::new(),
            })
            .collect();
        let park_at = parks_index(&db).await?;
        for r in rows(&db, "SELECT park_id, firm_id FROM tenancy ORDER BY id").await? {
            let park = park_at[&r.try_get::<i32>("", "park_id")?];
            parks[park]
                .tenants
                .push(firms.at(r.try_get("", "firm_id")?));
        }
        let projects = projects(&db, &cities, &organizations, &park_at).await?;
        let mut parks_by_name: Vec<usize> = (0..parks.len()).collect();
        parks_by_name.sort_by(|&a, &b| parks[a].name.cmp(&parks[b].name).then(a.cmp(&b)));
        let mut parks_by_area_desc: Vec<usize> = (0..parks.len()).collect();
        parks_by_area_desc.sort_by(|&a, &b| {
            (parks[b].area_sqft.is_some(), parks[b].area_sqft, b).cmp(&(
                parks[a].area_sqft.is_some(),
                parks[a].area_sqft,
                a,
            ))
        });
        Ok(Data {
            cities: cities.values,
            firms: firms.values,
            parks,
            parks_by_name,
            parks_by_area_desc,
            organizations: organizations.values,
            projects,
        })
    }
}

async fn projects(
    db: &DatabaseConnection,
    cities: &Ids<City>,
    organizations: &Ids<Organization>,
    park_at: &HashMap<i32, usize>,
) -> anyhow::Result<HashMap<String, Project>> {
    let sql = "SELECT id, slug, name, status, city_id, park_id FROM project ORDER BY id";
    let mut by_id = HashMap::new();
    for r in rows(db, sql).await? {
        let park: Option<i32> = r.try_get("", "park_id")?;
        let project = Project {
            name: r.try_get("", "name")?,
            status: r.try_get::<String>("", "status")?.to_uppercase(),
            city: cities.at(r.try_get("", "city_id")?),
            park: park.map(|p| park_at[&p]),
            partners: Vec::new(),
            milestones: Vec::new(),
        };
        let slug: String = r.try_get("", "slug")?;
        by_id.insert(r.try_get::<i32>("", "id")?, (slug, project));
    }
    let sql = "SELECT project_id, organization_id, role FROM project_partner ORDER BY id";
    for r in rows(db, sql).await? {
        let id = r.try_get::<i32>("", "project_id")?;
        let (_, project) = by_id.get_mut(&id).context("a row of an unknown project")?;
        project.partners.push(Partner {
            role: r.try_get("", "role")?,
            organization: organizations.at(r.try_get("", "organization_id")?),
        });
    }
    let sql = "SELECT project_id, title, due, reached FROM milestone ORDER BY id";
    for r in rows(db, sql).await? {
        let id = r.try_get::<i32>("", "project_id")?;
        let (_, project) = by_id.get_mut(&id).context("a row of an unknown project")?;
        project.milestones.push(Milestone {
            title: r.try_get("", "title")?,
            due: r.try_get("", "due")?,
            reached: r.try_get("", "reached")?,
        });
    }
    Ok(by_id.into_values().collect())
}

/// A table's rows by position, and where each id is.
struct Ids<T> {
    values: Vec<T>,
    at: HashMap<i32, usize>,
}

impl<T> Ids<T> {
    fn at(&self, id: i32) -> usize {
        self.at[&id]
    }
}

async fn ids<T>(
    db: &DatabaseConnection,
    sql: &str,
    row: impl Fn(&QueryResult) -> anyhow::Result<T>,
) -> anyhow::Result<Ids<T>> {
    let mut ids = Ids {
        values: Vec::new(),
        at: HashMap::new(),
    };
    for r in rows(db, sql).await? {
        ids.at.insert(r.try_get("", "id")?, ids.values.len());
        ids.values.push(row(&r)?);
    }
    Ok(ids)
}

async fn parks_index(db: &DatabaseConnection) -> anyhow::Result<HashMap<i32, usize>> {
    let rows = rows(db, "SELECT id FROM park ORDER BY id").await?;
    (rows.iter().enumerate())
        .map(|(i, r)| Ok((r.try_get("", "id")?, i)))
        .collect()
}

async fn rows(db: &DatabaseConnection, sql: &str) -> anyhow::Result<Vec<QueryResult>> {
    let statement = Statement::from_string(db.get_database_backend(), sql);
    Ok(db.query_all_raw(statement).await?)
}

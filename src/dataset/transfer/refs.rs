//! Public keys of the rows references point at, so rows can be shown with
//! slugs instead of ids.

use std::collections::HashMap;

use entity::{city, firm, indicator, milestone, organization, park, project};
use sea_orm::{ConnectionTrait, DbErr, EntityTrait};

use crate::dataset::seed::Dataset;

/// The public key of every row a reference can point at: slugs, and the
/// composite keys of milestones and indicators (for sources).
#[derive(Debug, Default)]
pub struct Refs(HashMap<(&'static str, i32), String>);

impl Refs {
    /// The key of record `id` of `kind`; empty when unknown.
    pub fn key(&self, kind: &'static str, id: i32) -> String {
        self.0.get(&(kind, id)).cloned().unwrap_or_default()
    }

    /// Remembers that record `id` of `kind` has public key `key`.
    pub fn insert(&mut self, kind: &'static str, id: i32, key: String) {
        self.0.insert((kind, id), key);
    }

    /// The slugs of exactly these `(kind, id)` references (for single writes).
    pub async fn load<C: ConnectionTrait>(
        conn: &C,
        wanted: &[(&'static str, i32)],
    ) -> Result<Self, DbErr> {
        let mut refs = Self::default();
        let ids = |kind: &str| -> Vec<i32> {
            wanted
                .iter()
                .filter(|(k, _)| *k == kind)
                .map(|(_, id)| *id)
                .collect()
        };
        macro_rules! slugs {
            ($kind:literal, $module:ident) => {
                let ids = ids($kind);
                if !ids.is_empty() {
                    use sea_orm::{ColumnTrait, QueryFilter};
                    let rows = $module::Entity::find()
                        .filter($module::Column::Id.is_in(ids))
                        .all(conn)
                        .await?;
                    for m in rows {
                        refs.insert($kind, m.id, m.slug);
                    }
                }
            };
        }
        slugs!("city", city);
        slugs!("organization", organization);
        slugs!("park", park);
        slugs!("firm", firm);
        slugs!("project", project);
        Ok(refs)
    }

    /// Every referable key in the database (for export and import).
    pub async fn load_all<C: ConnectionTrait>(conn: &C) -> Result<Self, DbErr> {
        let mut refs = Self::default();
        for m in city::Entity::find().all(conn).await? {
            refs.insert("city", m.id, m.slug);
        }
        for m in organization::Entity::find().all(conn).await? {
            refs.insert("organization", m.id, m.slug);
        }
        for m in park::Entity::find().all(conn).await? {
            refs.insert("park", m.id, m.slug);
        }
        for m in firm::Entity::find().all(conn).await? {
            refs.insert("firm", m.id, m.slug);
        }
        for m in project::Entity::find().all(conn).await? {
            refs.insert("project", m.id, m.slug);
        }
        refs.add_composites(
            &milestone::Entity::find().all(conn).await?,
            &indicator::Entity::find().all(conn).await?,
        );
        Ok(refs)
    }

    /// Every referable key of a parsed dataset.
    pub fn of_dataset(data: &Dataset) -> Self {
        let mut refs = Self::default();
        for m in &data.cities {
            refs.insert("city", m.id, m.slug.clone());
        }
        for m in &data.organizations {
            refs.insert("organization", m.id, m.slug.clone());
        }
        for m in &data.parks {
            refs.insert("park", m.id, m.slug.clone());
        }
        for m in &data.firms {
            refs.insert("firm", m.id, m.slug.clone());
        }
        for m in &data.projects {
            refs.insert("project", m.id, m.slug.clone());
        }
        refs.add_composites(&data.milestones, &data.indicators);
        refs
    }

    /// Adds the keys of milestones and indicators (after projects are known).
    pub fn add_composites(
        &mut self,
        milestones: &[milestone::Model],
        indicators: &[indicator::Model],
    ) {
        for m in milestones {
            let key = format!("{}|{}", self.key("project", m.project_id), m.title);
            self.insert("milestone", m.id, key);
        }
        for m in indicators {
            self.insert("indicator", m.id, format!("{}|{}", m.key, m.period));
        }
    }
}

//! Every table's rows in their public shape: the columns of the dataset files,
//! with references as slugs. Export writes these, import compares against
//! them, and the change log records them as before/after.

use entity::{
    city, firm, indicator, milestone, organization, park, project, project_partner, source, tenancy,
};
use serde_json::{Map, Value};

pub use super::refs::Refs;

/// A row's columns by name (the dataset file's header names).
pub type Fields = Map<String, Value>;

/// A table's rows in their public shape.
pub trait Record {
    /// The record type as the change log and `sources.record_type` name it.
    const TYPE: &'static str;
    /// The columns whose values, joined by `|`, are the row's public key.
    const KEY: &'static [&'static str];
    /// The row's columns, references as keys.
    fn fields(&self, refs: &Refs) -> Fields;
    /// The `(kind, id)` references `fields` needs resolved.
    fn references(&self) -> Vec<(&'static str, i32)>;
    /// Sets the row's version (rows without one ignore it).
    fn set_version(&mut self, _version: i32) {}
}

/// The public key of a row given its fields.
pub fn key_of<R: Record>(fields: &Fields) -> String {
    R::KEY
        .iter()
        .map(|column| cell(fields.get(*column).unwrap_or(&Value::Null)))
        .collect::<Vec<_>>()
        .join("|")
}

/// A value as a CSV cell: empty for null, whole numbers without `.0`.
pub fn cell(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Number(n) => match n.as_f64() {
            Some(f) if n.is_f64() && f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", f as i64),
            _ => n.to_string(),
        },
        other => other.to_string(),
    }
}

fn fields(pairs: Vec<(&str, Value)>) -> Fields {
    pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
}

fn reference(refs: &Refs, kind: &'static str, id: Option<i32>) -> Value {
    id.map(|id| Value::from(refs.key(kind, id)))
        .unwrap_or(Value::Null)
}

impl Record for city::Model {
    fn set_version(&mut self, version: i32) {
        self.version = version;
    }
    const TYPE: &'static str = "city";
    const KEY: &'static [&'static str] = &["slug"];
    fn fields(&self, _: &Refs) -> Fields {
        fields(vec![
            ("slug", self.slug.clone().into()),
            ("name", self.name.clone().into()),
            ("province", self.province.clone().into()),
        ])
    }
    fn references(&self) -> Vec<(&'static str, i32)> {
        Vec::new()
    }
}

impl Record for organization::Model {
    fn set_version(&mut self, version: i32) {
        self.version = version;
    }
    const TYPE: &'static str = "organization";
    const KEY: &'static [&'static str] = &["slug"];
    fn fields(&self, _: &Refs) -> Fields {
        fields(vec![
            ("slug", self.slug.clone().into()),
            ("name", self.name.clone().into()),
            ("kind", self.kind.clone().into()),
        ])
    }
    fn references(&self) -> Vec<(&'static str, i32)> {
        Vec::new()
    }
}

impl Record for park::Model {
    fn set_version(&mut self, version: i32) {
        self.version = version;
    }
    const TYPE: &'static str = "park";
    const KEY: &'static [&'static str] = &["slug"];
    fn fields(&self, refs: &Refs) -> Fields {
        fields(vec![
            ("slug", self.slug.clone().into()),
            ("name", self.name.clone().into()),
            ("kind", self.kind.clone().into()),
            ("status", self.status.clone().into()),
            ("city_slug", reference(refs, "city", Some(self.city_id))),
            (
                "operator_slug",
                reference(refs, "organization", self.operator_id),
            ),
            ("area_sqft", self.area_sqft.into()),
            ("opened_year", self.opened_year.into()),
            ("notes", self.notes.clone().into()),
        ])
    }
    fn references(&self) -> Vec<(&'static str, i32)> {
        let mut refs = vec![("city", self.city_id)];
        refs.extend(self.operator_id.map(|id| ("organization", id)));
        refs
    }
}

impl Record for firm::Model {
    fn set_version(&mut self, version: i32) {
        self.version = version;
    }
    const TYPE: &'static str = "firm";
    const KEY: &'static [&'static str] = &["slug"];
    fn fields(&self, _: &Refs) -> Fields {
        fields(vec![
            ("slug", self.slug.clone().into()),
            ("name", self.name.clone().into()),
            ("sector", self.sector.clone().into()),
            ("employees", self.employees.into()),
        ])
    }
    fn references(&self) -> Vec<(&'static str, i32)> {
        Vec::new()
    }
}

impl Record for tenancy::Model {
    fn set_version(&mut self, version: i32) {
        self.version = version;
    }
    const TYPE: &'static str = "tenancy";
    const KEY: &'static [&'static str] = &["park_slug", "firm_slug", "since"];
    fn fields(&self, refs: &Refs) -> Fields {
        fields(vec![
            ("park_slug", reference(refs, "park", Some(self.park_id))),
            ("firm_slug", reference(refs, "firm", Some(self.firm_id))),
            ("area_sqft", self.area_sqft.into()),
            ("since", self.since.clone().into()),
            ("until", self.until.clone().into()),
        ])
    }
    fn references(&self) -> Vec<(&'static str, i32)> {
        vec![("park", self.park_id), ("firm", self.firm_id)]
    }
}

impl Record for project::Model {
    fn set_version(&mut self, version: i32) {
        self.version = version;
    }
    const TYPE: &'static str = "project";
    const KEY: &'static [&'static str] = &["slug"];
    fn fields(&self, refs: &Refs) -> Fields {
        fields(vec![
            ("slug", self.slug.clone().into()),
            ("name", self.name.clone().into()),
            ("status", self.status.clone().into()),
            ("city_slug", reference(refs, "city", Some(self.city_id))),
            ("park_slug", reference(refs, "park", self.park_id)),
            ("cost_usd", self.cost_usd.into()),
            ("area_sqft", self.area_sqft.into()),
            ("target_year", self.target_year.into()),
            ("jobs_target", self.jobs_target.into()),
            ("exports_target_usd", self.exports_target_usd.into()),
            ("notes", self.notes.clone().into()),
        ])
    }
    fn references(&self) -> Vec<(&'static str, i32)> {
        let mut refs = vec![("city", self.city_id)];
        refs.extend(self.park_id.map(|id| ("park", id)));
        refs
    }
}

impl Record for project_partner::Model {
    fn set_version(&mut self, version: i32) {
        self.version = version;
    }
    const TYPE: &'static str = "project_partner";
    const KEY: &'static [&'static str] = &["project_slug", "organization_slug", "role"];
    fn fields(&self, refs: &Refs) -> Fields {
        fields(vec![
            (
                "project_slug",
                reference(refs, "project", Some(self.project_id)),
            ),
            (
                "organization_slug",
                reference(refs, "organization", Some(self.organization_id)),
            ),
            ("role", self.role.clone().into()),
        ])
    }
    fn references(&self) -> Vec<(&'static str, i32)> {
        vec![
            ("project", self.project_id),
            ("organization", self.organization_id),
        ]
    }
}

impl Record for milestone::Model {
    fn set_version(&mut self, version: i32) {
        self.version = version;
    }
    const TYPE: &'static str = "milestone";
    const KEY: &'static [&'static str] = &["project_slug", "title"];
    fn fields(&self, refs: &Refs) -> Fields {
        fields(vec![
            (
                "project_slug",
                reference(refs, "project", Some(self.project_id)),
            ),
            ("title", self.title.clone().into()),
            ("due", self.due.clone().into()),
            ("reached", self.reached.clone().into()),
        ])
    }
    fn references(&self) -> Vec<(&'static str, i32)> {
        vec![("project", self.project_id)]
    }
}

impl Record for indicator::Model {
    fn set_version(&mut self, version: i32) {
        self.version = version;
    }
    const TYPE: &'static str = "indicator";
    const KEY: &'static [&'static str] = &["key", "period"];
    fn fields(&self, _: &Refs) -> Fields {
        fields(vec![
            ("key", self.key.clone().into()),
            ("period", self.period.clone().into()),
            ("value", self.value.into()),
            ("unit", self.unit.clone().into()),
            ("notes", self.notes.clone().into()),
        ])
    }
    fn references(&self) -> Vec<(&'static str, i32)> {
        Vec::new()
    }
}

impl Record for source::Model {
    const TYPE: &'static str = "source";
    const KEY: &'static [&'static str] = &["record_type", "record_key", "url"];
    fn fields(&self, refs: &Refs) -> Fields {
        let kind = match self.record_type.as_str() {
            "city" => "city",
            "organization" => "organization",
            "park" => "park",
            "firm" => "firm",
            "project" => "project",
            "milestone" => "milestone",
            _ => "indicator",
        };
        fields(vec![
            ("record_type", self.record_type.clone().into()),
            ("record_key", refs.key(kind, self.record_id).into()),
            ("url", self.url.clone().into()),
            ("title", self.title.clone().into()),
            ("as_of", self.as_of.clone().into()),
        ])
    }
    fn references(&self) -> Vec<(&'static str, i32)> {
        Vec::new()
    }
}

/// The fields that differ between `before` and `after`: (old values, new values).
pub fn diff(before: &Fields, after: &Fields) -> Option<(Fields, Fields)> {
    let mut old = Fields::new();
    let mut new = Fields::new();
    for (column, value) in after {
        let previous = before.get(column).unwrap_or(&Value::Null);
        if cell(previous) != cell(value) {
            old.insert(column.clone(), previous.clone());
            new.insert(column.clone(), value.clone());
        }
    }
    (!new.is_empty()).then_some((old, new))
}

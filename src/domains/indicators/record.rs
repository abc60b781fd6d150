//! What an indicator (a national figure for a period) is as a stored record.

use entity::indicator::{Entity, Model};

use crate::records::{Fields, Keys, Record, Refs, Row, fields};

crate::store::rows::by_position! {
    Model {
        id, key, period, value, unit, notes, version, updated_at, key_folded, period_folded,
    }
}

impl Record for Model {
    type Table = Entity;
    const TYPE: &'static str = "indicator";
    const FILE: &'static str = "indicators.csv";
    const HEADERS: &'static [&'static str] = &["key", "period", "value", "unit", "notes"];
    const KEY: &'static [&'static str] = &["key", "period"];
    const EMBEDDED: &'static str = include_str!("../../../data/indicators.csv");
    const REFERABLE: bool = true;

    crate::versioned!();
    fn fields(&self, _: &Refs) -> Fields {
        fields(vec![
            ("key", self.key.clone().into()),
            ("period", self.period.clone().into()),
            ("value", self.value.into()),
            ("unit", self.unit.clone().into()),
            ("notes", self.notes.clone().into()),
        ])
    }
    fn key(&self, _: &Refs) -> String {
        format!("{}|{}", self.key, self.period)
    }
    fn row_key(row: &Row<'_>) -> String {
        format!("{}|{}", row.text("key"), row.text("period"))
    }
    fn from_row(r: &Row<'_>, _: &Keys, id: i32, now: &str) -> Self {
        let value = r.float("value");
        if value.is_none() && r.opt("value").is_none() {
            r.fail("value", "must not be empty");
        }
        let (key, period) = (r.key_part("key"), r.key_part("period"));
        Self {
            id,
            key_folded: entity::fold(&key),
            period_folded: entity::fold(&period),
            key,
            period,
            value: value.unwrap_or_default(),
            unit: r.text("unit"),
            notes: r.opt("notes"),
            version: 1,
            updated_at: now.to_owned(),
        }
    }
}

//! What a tenancy is as a stored record.

use entity::tenancy::{Entity, Model};

use crate::records::{Fields, Keys, Kind, Record, Refs, Row, fields, reference};

crate::store::rows::by_position! {
    Model { id, park_id, firm_id, area_sqft, since, until, version, updated_at }
}

impl Record for Model {
    type Table = Entity;
    const TYPE: &'static str = "tenancy";
    const FILE: &'static str = "tenancies.csv";
    const HEADERS: &'static [&'static str] =
        &["park_slug", "firm_slug", "area_sqft", "since", "until"];
    const KEY: &'static [&'static str] = &["park_slug", "firm_slug", "since"];
    const EMBEDDED: &'static str = include_str!("../../../data/tenancies.csv");

    crate::versioned!();
    fn fields(&self, refs: &Refs) -> Fields {
        fields(vec![
            ("park_slug", reference(refs, Kind::Park, Some(self.park_id))),
            ("firm_slug", reference(refs, Kind::Firm, Some(self.firm_id))),
            ("area_sqft", self.area_sqft.into()),
            ("since", self.since.clone().into()),
            ("until", self.until.clone().into()),
        ])
    }
    fn references(&self) -> Vec<(Kind, i32)> {
        vec![(Kind::Park, self.park_id), (Kind::Firm, self.firm_id)]
    }
    fn from_row(r: &Row<'_>, keys: &Keys, id: i32, now: &str) -> Self {
        let model = Self {
            id,
            park_id: r
                .reference("park_slug", keys, Kind::Park, true)
                .unwrap_or_default(),
            firm_id: r
                .reference("firm_slug", keys, Kind::Firm, true)
                .unwrap_or_default(),
            area_sqft: r.count("area_sqft"),
            since: r.date("since"),
            until: r.date("until"),
            version: 1,
            updated_at: now.to_owned(),
        };
        r.ordered_dates("since", "until");
        model
    }
}

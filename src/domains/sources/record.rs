//! What a source (a citation of another record) is as a stored record.

use entity::source::{Entity, Model};

use crate::records::{Fields, Keys, Kind, Near, Record, Refs, Row, fields};

crate::store::rows::by_position! {
    Model { id, record_type, record_id, url, as_of, quote }
}

impl Record for Model {
    type Table = Entity;
    const TYPE: &'static str = "source";
    const FILE: &'static str = "sources.csv";
    const HEADERS: &'static [&'static str] =
        &["record_type", "record_key", "url", "as_of", "quote"];
    const KEY: &'static [&'static str] = &["record_type", "record_key", "url"];
    const EMBEDDED: &'static str = include_str!("../../../data/sources.csv");
    const NEAR: Near = Near::Last("url");

    fn fields(&self, refs: &Refs) -> Fields {
        let record_key = Kind::from_type(&self.record_type)
            .map(|kind| refs.key(kind, self.record_id))
            .unwrap_or_default();
        fields(vec![
            ("record_type", self.record_type.clone().into()),
            ("record_key", record_key.into()),
            ("url", self.url.clone().into()),
            ("as_of", self.as_of.clone().into()),
            ("quote", self.quote.clone().into()),
        ])
    }
    fn references(&self) -> Vec<(Kind, i32)> {
        let kind = Kind::from_type(&self.record_type);
        kind.map(|kind| (kind, self.record_id))
            .into_iter()
            .collect()
    }
    fn referenced(row: &Row<'_>) -> Vec<(Kind, String)> {
        let kind = Kind::from_type(&row.opt("record_type").unwrap_or_default());
        let cited = kind.filter(|k| k.referable()).zip(row.opt("record_key"));
        let document = row.opt("url").map(|url| (Kind::SourceDocument, url));
        cited.into_iter().chain(document).collect()
    }
    fn from_row(r: &Row<'_>, keys: &Keys, id: i32, _now: &str) -> Self {
        let record_type = r.text("record_type");
        let record_id = match Kind::from_type(&record_type).filter(|k| k.referable()) {
            Some(kind) => r.reference("record_key", keys, kind, true),
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
        let url = r.url("url");
        crate::records::check_key(r, "url", &url, keys, Kind::SourceDocument);
        Self {
            id,
            record_type,
            record_id: record_id.unwrap_or_default(),
            url,
            as_of: r.date("as_of"),
            quote: r.opt_text("quote"),
        }
    }
}

//! What an indicator (a national figure for a period) is as a stored record.

use entity::indicator::{Entity, Model};

crate::store::rows::by_position! {
    Model {
        id, key, period, value, unit, notes, version, updated_at, key_folded, period_folded,
    }
}

crate::record! {
    Model in Entity as "indicator" from "indicators.csv", key [key, period] near First("key"), referable;
    key: key_part => key_folded,
    period: key_part => period_folded,
    value: number,
    unit: text,
    notes: opt_text,
}

//! What a programme centre is as a stored record.

use entity::programme_centre::{Entity, Model};

use crate::records::Kind;

crate::store::rows::by_position! {
    Model {
        id, programme_id, name, city_id, host, run_by, opened_on, workstations, women_only,
        version, updated_at,
    }
}

crate::record! {
    Model in Entity as "programme_centre" from "programme_centres.csv",
        key [programme_slug, name] near Parent(Kind::Programme, "programme_id"), referable;
    programme_slug -> programme_id: Programme,
    name: key_part,
    city_slug -> city_id: City,
    host: opt_text,
    run_by: opt_text,
    opened_on: date,
    workstations: count,
    women_only: flag,
}

//! Tenancy writes, each inside a [`Write`].

use entity::{firm, park, tenancy};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::error::{AppError, AppResult};
use crate::records::derived::rederive;
use crate::writes::lookup::park_and_firm;
use crate::writes::rows::{insert, save};
use crate::writes::{Write, validate};

const TENANCIES: &str = "tenancies of parks another organization operates";

async fn open(
    w: &Write,
    park: &park::Model,
    firm: &firm::Model,
) -> AppResult<Option<tenancy::Model>> {
    Ok(tenancy::Entity::find()
        .filter(tenancy::Column::ParkId.eq(park.id))
        .filter(tenancy::Column::FirmId.eq(firm.id))
        .filter(tenancy::Column::Until.is_null())
        .one(w.txn())
        .await?)
}

/// Opens a tenancy; its id.
pub async fn add(
    w: &mut Write,
    park_slug: String,
    firm_slug: String,
    area: Option<i64>,
    since: Option<String>,
) -> AppResult<i32> {
    let area_sqft = validate::count("areaSqft", area)?;
    let since = validate::date("since", since)?;
    let (park, firm) = park_and_firm(w, &park_slug, &firm_slug, TENANCIES).await?;
    if open(w, &park, &firm).await?.is_some() {
        return Err(AppError::Conflict(format!(
            "{firm_slug:?} already has an open tenancy in {park_slug:?}; end it first"
        )));
    }
    let model = tenancy::Model {
        park_id: park.id,
        firm_id: firm.id,
        area_sqft,
        since,
        until: None,
        ..Default::default()
    };
    let row = insert(w, model).await?;
    rederive(w.txn(), &[(park.id, firm.id)]).await?;
    Ok(row.id)
}

/// Ends the open tenancy; its id.
pub async fn end(
    w: &mut Write,
    park_slug: String,
    firm_slug: String,
    until: String,
) -> AppResult<i32> {
    let until = validate::date("until", Some(until))?
        .ok_or_else(|| AppError::bad_input("until", "must not be empty"))?;
    let (park, firm) = park_and_firm(w, &park_slug, &firm_slug, TENANCIES).await?;
    let current = open(w, &park, &firm).await?.ok_or_else(|| {
        AppError::NotFound(format!(
            "{firm_slug:?} has no open tenancy in {park_slug:?}"
        ))
    })?;
    validate::ordered("until", current.since.as_deref(), Some(&until))?;
    let next = tenancy::Model {
        until: Some(until),
        ..current.clone()
    };
    save(w, &current, next).await?;
    rederive(w.txn(), &[(park.id, firm.id)]).await?;
    Ok(current.id)
}

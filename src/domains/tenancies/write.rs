//! Tenancy writes, each inside a [`Write`].

use entity::{firm, park, tenancy};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter};

use crate::error::{AppError, AppResult};
use crate::records::{Kind, Record, Refs};
use crate::store::Db;
use crate::writes::lookup::existing;
use crate::writes::{Write, validate};

/// The tenancy with id `id` (after a write).
pub async fn load(db: &Db, id: i32) -> AppResult<tenancy::Model> {
    tenancy::Entity::find_by_id(id)
        .one(&db.conn)
        .await?
        .ok_or_else(|| AppError::NotFound("the tenancy no longer exists".to_owned()))
}

async fn parties(
    w: &Write,
    park_slug: &str,
    firm_slug: &str,
) -> AppResult<(park::Model, firm::Model)> {
    let park = existing::<park::Entity>(w, park::Column::Slug, park_slug, "park").await?;
    w.actor().require_owner(
        park.operator_id.as_slice(),
        "tenancies of parks another organization operates",
    )?;
    let firm = existing::<firm::Entity>(w, firm::Column::Slug, firm_slug, "firm").await?;
    Ok((park, firm))
}

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

fn refs(park: &park::Model, firm: &firm::Model) -> Refs {
    let mut refs = Refs::default();
    refs.insert(Kind::Park, park.id, park.slug.clone());
    refs.insert(Kind::Firm, firm.id, firm.slug.clone());
    refs
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
    let (park, firm) = parties(w, &park_slug, &firm_slug).await?;
    if open(w, &park, &firm).await?.is_some() {
        return Err(AppError::Conflict(format!(
            "{firm_slug:?} already has an open tenancy in {park_slug:?}; end it first"
        )));
    }
    let row = tenancy::ActiveModel {
        park_id: sea_orm::ActiveValue::Set(park.id),
        firm_id: sea_orm::ActiveValue::Set(firm.id),
        area_sqft: sea_orm::ActiveValue::Set(area_sqft),
        since: sea_orm::ActiveValue::Set(since),
        until: sea_orm::ActiveValue::Set(None),
        version: sea_orm::ActiveValue::Set(1),
        updated_at: sea_orm::ActiveValue::Set(w.now()),
        ..Default::default()
    }
    .insert(w.txn())
    .await?;
    w.created::<tenancy::Model>(row.fields(&refs(&park, &firm)));
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
    let (park, firm) = parties(w, &park_slug, &firm_slug).await?;
    let current = open(w, &park, &firm).await?.ok_or_else(|| {
        AppError::NotFound(format!(
            "{firm_slug:?} has no open tenancy in {park_slug:?}"
        ))
    })?;
    validate::ordered("until", current.since.as_deref(), Some(&until))?;
    let next = tenancy::Model {
        until: Some(until),
        version: current.version + 1,
        updated_at: w.now(),
        ..current.clone()
    };
    let refs = refs(&park, &firm);
    w.updated::<tenancy::Model>(&current.fields(&refs), &next.fields(&refs));
    next.into_active_model().reset_all().update(w.txn()).await?;
    Ok(current.id)
}

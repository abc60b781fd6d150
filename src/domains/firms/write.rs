//! Firm writes, each inside a [`Write`].

use entity::{firm, tenancy};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter};

use super::mutations::{CreateFirmInput, UpdateFirmInput};
use crate::error::{AppError, AppResult};
use crate::records::{Kind, Record, Refs};
use crate::store::Db;
use crate::writes::lookup::{existing, required, taken, version};
use crate::writes::{Write, sources, validate};

/// The firm with id `id` (after a write).
pub async fn load(db: &Db, id: i32) -> AppResult<firm::Model> {
    firm::Entity::find_by_id(id)
        .one(&db.conn)
        .await?
        .ok_or_else(|| AppError::NotFound("the firm no longer exists".to_owned()))
}

/// Creates a firm; its id.
pub async fn create(w: &mut Write, input: CreateFirmInput) -> AppResult<i32> {
    validate::slug("input.slug", &input.slug)?;
    let employees = validate::count("input.employees", input.employees.map(i64::from))?;
    let name = validate::text("input.name", &input.name, false)?;
    let sector = validate::opt_text("input.sector", input.sector)?;
    let model = firm::Model {
        id: 0,
        slug: input.slug.clone(),
        name_folded: entity::fold(&name),
        sector_folded: sector.as_deref().map(entity::fold),
        name,
        sector,
        employees: employees.map(|e| e as i32),
        version: 1,
        updated_at: w.now(),
    };
    if taken::<firm::Entity>(w, firm::Column::Slug, &model.slug).await? {
        return Err(AppError::Conflict(format!(
            "a firm with the slug {:?} already exists",
            model.slug
        )));
    }
    let mut row = model.into_active_model();
    row.id = sea_orm::ActiveValue::NotSet;
    let model = row.insert(w.txn()).await?;
    w.created::<firm::Model>(model.fields(&Refs::default()));
    if let Some(list) = input.sources {
        sources::replace(w, Kind::Firm, model.id, &model.slug, list).await?;
    }
    Ok(model.id)
}

/// Applies `input` to firm `slug` at `sent` version; its id.
pub async fn update(
    w: &mut Write,
    slug: String,
    sent: i32,
    input: UpdateFirmInput,
) -> AppResult<i32> {
    w.actor().require_unbound("change existing firms")?;
    let current = existing::<firm::Entity>(w, firm::Column::Slug, &slug, "firm").await?;
    version("firm", &slug, current.version, sent)?;
    let mut next = current.clone();
    if let Some(name) = required("input.name", input.name)? {
        next.name = validate::text("input.name", &name, false)?;
    }
    if !input.sector.is_undefined() {
        next.sector = validate::opt_text("input.sector", input.sector.take())?;
    }
    if !input.employees.is_undefined() {
        next.employees = validate::count("input.employees", input.employees.take().map(i64::from))?
            .map(|e| e as i32);
    }
    let refs = Refs::default();
    if w.updated::<firm::Model>(&current.fields(&refs), &next.fields(&refs)) {
        next.version = current.version + 1;
        next.updated_at = w.now();
        next.into_active_model().reset_all().update(w.txn()).await?;
    }
    if let Some(list) = input.sources {
        sources::replace(w, Kind::Firm, current.id, &current.slug, list).await?;
    }
    Ok(current.id)
}

/// Deletes firm `slug` at `sent` version (with `cascade`: its tenancies too).
pub async fn delete(w: &mut Write, slug: String, sent: i32, cascade: bool) -> AppResult<i32> {
    w.actor().require_unbound("delete firms")?;
    let current = existing::<firm::Entity>(w, firm::Column::Slug, &slug, "firm").await?;
    version("firm", &slug, current.version, sent)?;
    let tenancies = tenancy::Entity::find()
        .filter(tenancy::Column::FirmId.eq(current.id))
        .all(w.txn())
        .await?;
    if !cascade && !tenancies.is_empty() {
        return Err(AppError::Conflict(format!(
            "firm {slug:?} still has {} tenancies; send cascade: true to delete them too",
            tenancies.len()
        )));
    }
    let wanted: Vec<_> = tenancies.iter().flat_map(Record::references).collect();
    let refs = Refs::load(w.txn(), &wanted).await?;
    for t in tenancies {
        tenancy::Entity::delete_by_id(t.id).exec(w.txn()).await?;
        w.deleted::<tenancy::Model>(t.fields(&refs));
    }
    sources::remove_all(w, Kind::Firm, current.id, &current.slug).await?;
    firm::Entity::delete_by_id(current.id).exec(w.txn()).await?;
    w.deleted::<firm::Model>(current.fields(&refs));
    Ok(current.id)
}

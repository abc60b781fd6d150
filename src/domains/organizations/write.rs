//! Organization writes, each inside a [`Write`].

use entity::{api_key, organization, park, project_partner};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter,
};

use super::mutations::{CreateOrganizationInput, UpdateOrganizationInput};
use crate::error::{AppError, AppResult};
use crate::graphql::enums::to_db;
use crate::records::{Kind, Record, Refs};
use crate::store::Db;
use crate::writes::lookup::{existing, required, taken, version};
use crate::writes::{Write, sources, validate};

/// The organization with id `id` (after a write).
pub async fn load(db: &Db, id: i32) -> AppResult<organization::Model> {
    organization::Entity::find_by_id(id)
        .one(&db.conn)
        .await?
        .ok_or_else(|| AppError::NotFound("the organization no longer exists".to_owned()))
}

/// Creates an organization; its id.
pub async fn create(w: &mut Write, input: CreateOrganizationInput) -> AppResult<i32> {
    validate::slug("input.slug", &input.slug)?;
    if input.slug == "none" {
        // `none` is the group key of parks without an operator.
        return Err(AppError::bad_input("input.slug", "`none` is reserved"));
    }
    let name = validate::text("input.name", &input.name, false)?;
    let model = organization::Model {
        id: 0,
        slug: input.slug.clone(),
        name_folded: entity::fold(&name),
        name,
        kind: to_db(input.kind).to_owned(),
        version: 1,
        updated_at: w.now(),
    };
    if taken::<organization::Entity>(w, organization::Column::Slug, &model.slug).await? {
        return Err(AppError::Conflict(format!(
            "an organization with the slug {:?} already exists",
            model.slug
        )));
    }
    let mut row = model.into_active_model();
    row.id = sea_orm::ActiveValue::NotSet;
    let model = row.insert(w.txn()).await?;
    w.created::<organization::Model>(model.fields(&Refs::default()));
    if let Some(list) = input.sources {
        sources::replace(w, Kind::Organization, model.id, &model.slug, list).await?;
    }
    Ok(model.id)
}

/// Applies `input` to organization `slug` at `sent` version; its id.
pub async fn update(
    w: &mut Write,
    slug: String,
    sent: i32,
    input: UpdateOrganizationInput,
) -> AppResult<i32> {
    let current =
        existing::<organization::Entity>(w, organization::Column::Slug, &slug, "organization")
            .await?;
    version("organization", &slug, current.version, sent)?;
    let mut next = current.clone();
    if let Some(name) = required("input.name", input.name)? {
        next.name = validate::text("input.name", &name, false)?;
    }
    if let Some(kind) = required("input.kind", input.kind)? {
        next.kind = to_db(kind).to_owned();
    }
    let refs = Refs::default();
    if w.updated::<organization::Model>(&current.fields(&refs), &next.fields(&refs)) {
        next.version = current.version + 1;
        next.updated_at = w.now();
        next.into_active_model().reset_all().update(w.txn()).await?;
    }
    if let Some(list) = input.sources {
        sources::replace(w, Kind::Organization, current.id, &current.slug, list).await?;
    }
    Ok(current.id)
}

/// Deletes organization `slug` at `sent` version if nothing refers to it.
pub async fn delete(w: &mut Write, slug: String, sent: i32) -> AppResult<i32> {
    let current =
        existing::<organization::Entity>(w, organization::Column::Slug, &slug, "organization")
            .await?;
    version("organization", &slug, current.version, sent)?;
    let parks = park::Entity::find()
        .filter(park::Column::OperatorId.eq(current.id))
        .count(w.txn())
        .await?;
    let partners = project_partner::Entity::find()
        .filter(project_partner::Column::OrganizationId.eq(current.id))
        .count(w.txn())
        .await?;
    let keys = api_key::Entity::find()
        .filter(api_key::Column::OrganizationId.eq(current.id))
        .count(w.txn())
        .await?;
    if parks + partners + keys > 0 {
        return Err(AppError::Conflict(format!(
            "organization {slug:?} operates {parks} parks, partners in {partners} projects and has {keys} API keys; reassign or remove those first"
        )));
    }
    sources::remove_all(w, Kind::Organization, current.id, &current.slug).await?;
    organization::Entity::delete_by_id(current.id)
        .exec(w.txn())
        .await?;
    w.deleted::<organization::Model>(current.fields(&Refs::default()));
    Ok(current.id)
}

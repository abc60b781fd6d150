//! Milestone writes, each inside a [`Write`]. A milestone is named by its
//! project and title.

use entity::{milestone, project};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter};

use super::mutations::{MilestoneInput, UpdateMilestoneInput};
use super::write::owners;
use crate::error::{AppError, AppResult};
use crate::records::{Kind, Record, Refs};
use crate::store::Db;
use crate::writes::lookup::{existing, required, version};
use crate::writes::{Write, sources, validate};

/// The milestone with id `id` (after a write).
pub async fn load(db: &Db, id: i32) -> AppResult<milestone::Model> {
    milestone::Entity::find_by_id(id)
        .one(&db.conn)
        .await?
        .ok_or_else(|| AppError::NotFound("the milestone no longer exists".to_owned()))
}

async fn project(w: &Write, slug: &str) -> AppResult<project::Model> {
    let project = existing::<project::Entity>(w, project::Column::Slug, slug, "project").await?;
    w.actor()
        .require_owner(&owners(w, project.id).await?, "this project's milestones")?;
    Ok(project)
}

async fn find(
    w: &Write,
    project: &project::Model,
    title: &str,
) -> AppResult<Option<milestone::Model>> {
    Ok(milestone::Entity::find()
        .filter(milestone::Column::ProjectId.eq(project.id))
        .filter(milestone::Column::Title.eq(title))
        .one(w.txn())
        .await?)
}

fn refs(project: &project::Model) -> Refs {
    let mut refs = Refs::default();
    refs.insert(Kind::Project, project.id, project.slug.clone());
    refs
}

/// Adds a milestone; its id.
pub async fn add(w: &mut Write, input: MilestoneInput) -> AppResult<i32> {
    let title = validate::text("input.title", &input.title, true)?;
    let due = validate::date("input.due", input.due)?;
    let reached = validate::date("input.reached", input.reached)?;
    let project = project(w, &input.project_slug).await?;
    if find(w, &project, &title).await?.is_some() {
        return Err(AppError::Conflict(format!(
            "project {:?} already has a milestone titled {title:?}",
            project.slug
        )));
    }
    let row = milestone::ActiveModel {
        project_id: sea_orm::ActiveValue::Set(project.id),
        title: sea_orm::ActiveValue::Set(title),
        due: sea_orm::ActiveValue::Set(due),
        reached: sea_orm::ActiveValue::Set(reached),
        version: sea_orm::ActiveValue::Set(1),
        updated_at: sea_orm::ActiveValue::Set(w.now()),
        ..Default::default()
    }
    .insert(w.txn())
    .await?;
    w.created::<milestone::Model>(row.fields(&refs(&project)));
    Ok(row.id)
}

async fn current(
    w: &Write,
    project: &project::Model,
    title: &str,
    sent: i32,
) -> AppResult<milestone::Model> {
    let found = find(w, project, title).await?.ok_or_else(|| {
        AppError::NotFound(format!(
            "project {:?} has no milestone titled {title:?}",
            project.slug
        ))
    })?;
    version("milestone", title, found.version, sent)?;
    Ok(found)
}

/// Changes a milestone; its id.
pub async fn update(
    w: &mut Write,
    project_slug: String,
    title: String,
    sent: i32,
    input: UpdateMilestoneInput,
) -> AppResult<i32> {
    let project = project(w, &project_slug).await?;
    let current = current(w, &project, &title, sent).await?;
    let mut next = current.clone();
    if let Some(title) = required("input.title", input.title)? {
        next.title = validate::text("input.title", &title, true)?;
        if next.title != current.title && find(w, &project, &next.title).await?.is_some() {
            return Err(AppError::Conflict(format!(
                "project {project_slug:?} already has a milestone titled {:?}",
                next.title
            )));
        }
    }
    if !input.due.is_undefined() {
        next.due = validate::date("input.due", input.due.take())?;
    }
    if !input.reached.is_undefined() {
        next.reached = validate::date("input.reached", input.reached.take())?;
    }
    let refs = refs(&project);
    if w.updated::<milestone::Model>(&current.fields(&refs), &next.fields(&refs)) {
        next.version = current.version + 1;
        next.updated_at = w.now();
        next.into_active_model().reset_all().update(w.txn()).await?;
    }
    Ok(current.id)
}

/// Deletes a milestone and its citations; the id it had.
pub async fn delete(
    w: &mut Write,
    project_slug: String,
    title: String,
    sent: i32,
) -> AppResult<i32> {
    let project = project(w, &project_slug).await?;
    let current = current(w, &project, &title, sent).await?;
    let key = format!("{}|{}", project.slug, current.title);
    sources::remove_all(w, Kind::Milestone, current.id, &key).await?;
    milestone::Entity::delete_by_id(current.id)
        .exec(w.txn())
        .await?;
    w.deleted::<milestone::Model>(current.fields(&refs(&project)));
    Ok(current.id)
}

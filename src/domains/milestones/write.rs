//! Milestone writes, each inside a [`Write`]. A milestone is named by its
//! project and title.

use entity::{milestone, project};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::inputs::{MilestoneInput, UpdateMilestoneInput};
use crate::domains::projects::changeable;
use crate::error::{AppError, AppResult};
use crate::records::{Kind, Refs};
use crate::writes::lookup::{required, version};
use crate::writes::rows::{insert, remove, save};
use crate::writes::{Write, sources, validate};

async fn project(w: &Write, slug: &str) -> AppResult<project::Model> {
    changeable(w, slug, "this project's milestones").await
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

fn taken(project: &project::Model, title: &str) -> AppError {
    AppError::Conflict(format!(
        "project {:?} already has a milestone titled {title:?}",
        project.slug
    ))
}

/// Adds a milestone; its id.
pub async fn add(w: &mut Write, input: MilestoneInput) -> AppResult<i32> {
    let title = validate::text("input.title", &input.title, true)?;
    let due = validate::date("input.due", input.due)?;
    let reached = validate::date("input.reached", input.reached)?;
    let project = project(w, &input.project_slug).await?;
    if find(w, &project, &title).await?.is_some() {
        return Err(taken(&project, &title));
    }
    let model = milestone::Model {
        project_id: project.id,
        title,
        due,
        reached,
        ..Default::default()
    };
    Ok(insert(w, model).await?.id)
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
    let now = current(w, &project, &title, sent).await?;
    let mut next = now.clone();
    if let Some(title) = required("input.title", input.title)? {
        next.title = validate::text("input.title", &title, true)?;
        if next.title != now.title && find(w, &project, &next.title).await?.is_some() {
            return Err(taken(&project, &next.title));
        }
    }
    if !input.due.is_undefined() {
        next.due = validate::date("input.due", input.due.take())?;
    }
    if !input.reached.is_undefined() {
        next.reached = validate::date("input.reached", input.reached.take())?;
    }
    save(w, &now, next).await?;
    Ok(now.id)
}

/// Deletes a milestone and its citations; the id it had.
pub async fn delete(
    w: &mut Write,
    project_slug: String,
    title: String,
    sent: i32,
) -> AppResult<i32> {
    let project = project(w, &project_slug).await?;
    let now = current(w, &project, &title, sent).await?;
    let key = format!("{}|{}", project.slug, now.title);
    sources::remove_all(w, Kind::Milestone, now.id, &key).await?;
    let mut refs = Refs::default();
    refs.insert(Kind::Project, project.id, project.slug.clone());
    remove(w, &now, &refs).await?;
    Ok(now.id)
}

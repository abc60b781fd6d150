//! Organization writes, each inside a [`Write`].

use entity::{api_key, organization, park, park_claim, programme, project_claim, project_partner};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use super::inputs::{CreateOrganizationInput, UpdateOrganizationInput};
use super::record::unreserved;
use crate::auth::Owners;
use crate::error::{AppError, AppResult};
use crate::graphql::enums::to_db;
use crate::writes::lookup::{apply_required, current};
use crate::writes::rows::{create_cited, remove_cited, save_cited};
use crate::writes::{Write, validate};

/// Creates an organization; its id.
pub async fn create(w: &mut Write, input: CreateOrganizationInput) -> AppResult<i32> {
    w.actor()
        .may_change(Owners::Admins, true, "organizations")?;
    validate::slug("input.slug", &input.slug)?;
    validate::rule("input.slug", unreserved(&input.slug))?;
    let name = validate::text("input.name", &input.name, false)?;
    let model = organization::Model {
        slug: input.slug.clone(),
        name,
        kind: to_db(input.kind).to_owned(),
        ..Default::default()
    };
    create_cited(w, model, input.sources).await
}

/// Applies `input` to organization `slug` at `sent` version; its id.
pub async fn update(
    w: &mut Write,
    slug: String,
    sent: i32,
    input: UpdateOrganizationInput,
) -> AppResult<i32> {
    w.actor()
        .may_change(Owners::Admins, false, "organizations")?;
    let now = current::<organization::Model>(w, &slug, sent).await?;
    let mut next = now.clone();
    let name = |v: String| validate::text("input.name", &v, false);
    apply_required(&mut next.name, "input.name", input.name, name)?;
    apply_required(&mut next.kind, "input.kind", input.kind, |v| {
        Ok(to_db(v).to_owned())
    })?;
    save_cited(w, &now, next, input.sources).await
}

/// Deletes organization `slug` at `sent` version if nothing refers to it.
pub async fn delete(w: &mut Write, slug: String, sent: i32) -> AppResult<i32> {
    w.actor()
        .may_change(Owners::Admins, false, "organizations")?;
    let now = current::<organization::Model>(w, &slug, sent).await?;
    let id = now.id;
    let count = |n: u64, what: &str| (n > 0).then(|| format!("{what} {n}"));
    let uses = [
        count(
            (park::Entity::find().filter(park::Column::OperatorId.eq(id)))
                .count(w.txn())
                .await?,
            "operates parks:",
        ),
        count(
            (project_partner::Entity::find()
                .filter(project_partner::Column::OrganizationId.eq(id)))
            .count(w.txn())
            .await?,
            "partners in projects:",
        ),
        count(
            (programme::Entity::find().filter(programme::Column::OperatorId.eq(id)))
                .count(w.txn())
                .await?,
            "runs programmes:",
        ),
        count(
            (project_claim::Entity::find().filter(project_claim::Column::StatedById.eq(id)))
                .count(w.txn())
                .await?,
            "stated claims of projects:",
        ),
        count(
            (park_claim::Entity::find().filter(park_claim::Column::StatedById.eq(id)))
                .count(w.txn())
                .await?,
            "stated claims of parks:",
        ),
        count(
            (api_key::Entity::find().filter(api_key::Column::OrganizationId.eq(id)))
                .count(w.txn())
                .await?,
            "holds API keys:",
        ),
    ];
    let uses: Vec<String> = uses.into_iter().flatten().collect();
    if !uses.is_empty() {
        return Err(AppError::Conflict(format!(
            "organization {slug:?} is still in use ({}); reassign or remove those first",
            uses.join(", ")
        )));
    }
    remove_cited(w, &now).await
}

//! Source document writes, each inside a [`Write`]. A document is created
//! when a write first cites its URL (`writes::sources::document`); here its
//! description is corrected. Documents are shared by every record that
//! cites them, so only keys bound to no organization change them.

use entity::source_document::{Column, Entity, Model};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::inputs::UpdateSourceDocumentInput;
use super::record::DatePrecision;
use crate::auth::Owners;
use crate::error::{AppError, AppResult};
use crate::graphql::enums::to_db;
use crate::writes::lookup::{apply, apply_required, version};
use crate::writes::rows::save;
use crate::writes::{Write, validate};

/// Applies `input` to the document at `url`, at `sent` version; its id.
pub async fn update(
    w: &mut Write,
    url: String,
    sent: i32,
    input: UpdateSourceDocumentInput,
) -> AppResult<i32> {
    w.actor()
        .may_change(Owners::Admins, false, "source documents")?;
    let now = Entity::find()
        .filter(Column::Url.eq(&url))
        .one(w.txn())
        .await?
        .ok_or_else(|| AppError::NotFound(format!("no source document has the URL {url:?}")))?;
    version("source document", &url, now.version, sent)?;
    let mut next = now.clone();
    apply(&mut next.title, input.title, |v| {
        validate::opt_text("input.title", v)
    })?;
    apply(&mut next.publisher, input.publisher, |v| {
        validate::opt_text("input.publisher", v)
    })?;
    apply(&mut next.notes, input.notes, |v| {
        validate::opt_text("input.notes", v)
    })?;
    apply_required(&mut next.kind, "input.kind", input.kind, |v| {
        Ok(to_db(v).to_owned())
    })?;
    apply(&mut next.published_on, input.published_on, |v| {
        validate::date("input.publishedOn", v)
    })?;
    let precision = DatePrecision::of(next.published_on.as_deref());
    next.published_precision = to_db(precision).to_owned();
    save::<Model>(w, &now, next).await?;
    Ok(now.id)
}

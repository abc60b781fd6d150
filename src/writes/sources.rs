//! Replacing the citations of one record, as a mutation's `sources` input does.

use async_graphql::InputObject;
use entity::source::{self, ActiveModel, Column, Entity};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder,
};

use super::{Write, validate};
use crate::error::AppResult;
use crate::records::{Kind, Record, Refs};

/// A citation for a record.
#[derive(InputObject, Clone, Debug)]
pub struct SourceInput {
    /// The page or document (http or https).
    pub url: String,
    /// Its title, when known.
    pub title: Option<String>,
    /// When the cited facts were checked: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub as_of: Option<String>,
}

/// Makes `inputs` the citations of record `id` of `kind` (whose public key is
/// `key`): keeps those with the same URL (updating title and date), adds new
/// ones, removes the rest, and logs each change.
pub async fn replace(
    w: &mut Write,
    kind: Kind,
    id: i32,
    key: &str,
    inputs: Vec<SourceInput>,
) -> AppResult<()> {
    let mut wanted = Vec::new();
    for (n, input) in inputs.into_iter().enumerate() {
        let field = format!("input.sources[{n}]");
        let url = validate::url(&format!("{field}.url"), &input.url)?;
        if wanted.iter().any(|(u, _, _)| *u == url) {
            return Err(crate::error::AppError::bad_input(
                &format!("{field}.url"),
                "is listed twice",
            ));
        }
        let title = validate::opt_text(&format!("{field}.title"), input.title)?;
        let as_of = validate::date(&format!("{field}.asOf"), input.as_of)?;
        wanted.push((url, title, as_of));
    }
    let mut refs = Refs::default();
    refs.insert(kind, id, key.to_owned());
    let current = Entity::find()
        .filter(Column::RecordType.eq(kind.type_name()))
        .filter(Column::RecordId.eq(id))
        .order_by_asc(Column::Id)
        .all(w.txn())
        .await?;
    for old in &current {
        if !wanted.iter().any(|(url, _, _)| *url == old.url) {
            Entity::delete_by_id(old.id).exec(w.txn()).await?;
            w.deleted::<source::Model>(old.fields(&refs));
        }
    }
    for (url, title, as_of) in wanted {
        match current.iter().find(|old| old.url == url) {
            Some(old) => {
                let new = source::Model {
                    title,
                    as_of,
                    ..old.clone()
                };
                if w.updated::<source::Model>(&old.fields(&refs), &new.fields(&refs)) {
                    let mut row: ActiveModel = old.clone().into();
                    row.title = Set(new.title.clone());
                    row.as_of = Set(new.as_of.clone());
                    row.update(w.txn()).await?;
                }
            }
            None => {
                let row = ActiveModel {
                    record_type: Set(kind.type_name().to_owned()),
                    record_id: Set(id),
                    url: Set(url),
                    title: Set(title),
                    as_of: Set(as_of),
                    ..Default::default()
                }
                .insert(w.txn())
                .await?;
                w.created::<source::Model>(row.fields(&refs));
            }
        }
    }
    Ok(())
}

/// Deletes every citation of record `id` of `kind`, logging each.
pub async fn remove_all(w: &mut Write, kind: Kind, id: i32, key: &str) -> AppResult<()> {
    replace(w, kind, id, key, Vec::new()).await
}

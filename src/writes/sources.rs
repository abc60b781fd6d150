//! Replacing the citations of one record, as a mutation's `sources` input
//! does, and making sure every cited URL has its document.

use async_graphql::InputObject;
use entity::source::{self, ActiveModel, Column, Entity};
use entity::source_document;
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
    /// Its title, when known: kept on the page's document when the data
    /// does not know the page yet.
    pub title: Option<String>,
    /// When the cited facts were checked: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub as_of: Option<String>,
    /// The page's words for what it supports, short.
    pub quote: Option<String>,
}

/// One checked citation.
struct Wanted {
    url: String,
    title: Option<String>,
    as_of: Option<String>,
    quote: Option<String>,
}

fn checked(inputs: Vec<SourceInput>) -> AppResult<Vec<Wanted>> {
    let mut wanted: Vec<Wanted> = Vec::new();
    for (n, input) in inputs.into_iter().enumerate() {
        let field = format!("input.sources[{n}]");
        let url = validate::url(&format!("{field}.url"), &input.url)?;
        if wanted.iter().any(|w| w.url == url) {
            return Err(crate::error::AppError::bad_input(
                &format!("{field}.url"),
                "is listed twice",
            ));
        }
        wanted.push(Wanted {
            url,
            title: validate::opt_text(&format!("{field}.title"), input.title)?,
            as_of: validate::date(&format!("{field}.asOf"), input.as_of)?,
            quote: validate::opt_text(&format!("{field}.quote"), input.quote)?,
        });
    }
    Ok(wanted)
}

/// Makes `inputs` the citations of record `id` of `kind` (whose public key is
/// `key`): keeps those with the same URL (updating date and quote), adds new
/// ones, removes the rest, and logs each change.
pub async fn replace(
    w: &mut Write,
    kind: Kind,
    id: i32,
    key: &str,
    inputs: Vec<SourceInput>,
) -> AppResult<()> {
    let wanted = checked(inputs)?;
    let mut refs = Refs::default();
    refs.insert(kind, id, key.to_owned());
    let current = Entity::find()
        .filter(Column::RecordType.eq(kind.type_name()))
        .filter(Column::RecordId.eq(id))
        .order_by_asc(Column::Id)
        .all(w.txn())
        .await?;
    for old in &current {
        if !wanted.iter().any(|w| w.url == old.url) {
            Entity::delete_by_id(old.id).exec(w.txn()).await?;
            w.deleted::<source::Model>(old.fields(&refs), old.version());
        }
    }
    for cite in wanted {
        document(w, &cite.url, cite.title).await?;
        match current.iter().find(|old| old.url == cite.url) {
            Some(old) => {
                let new = source::Model {
                    as_of: cite.as_of,
                    quote: cite.quote,
                    ..old.clone()
                };
                if w.updated::<source::Model>(&old.fields(&refs), &new.fields(&refs), new.version())
                {
                    let mut row: ActiveModel = old.clone().into();
                    row.as_of = Set(new.as_of.clone());
                    row.quote = Set(new.quote.clone());
                    row.update(w.txn()).await?;
                }
            }
            None => {
                let row = ActiveModel {
                    record_type: Set(kind.type_name().to_owned()),
                    record_id: Set(id),
                    url: Set(cite.url),
                    as_of: Set(cite.as_of),
                    quote: Set(cite.quote),
                    ..Default::default()
                }
                .insert(w.txn())
                .await?;
                w.created::<source::Model>(row.fields(&refs), row.version());
            }
        }
    }
    Ok(())
}

/// Deletes every citation of record `id` of `kind`, logging each.
pub async fn remove_all(w: &mut Write, kind: Kind, id: i32, key: &str) -> AppResult<()> {
    replace(w, kind, id, key, Vec::new()).await
}

/// Makes sure the data knows the page at `url` (checked already): a page
/// cited for the first time becomes a document of kind `OTHER` whose date
/// is `UNKNOWN`, with `title` if given, logged like any new record, for an
/// import of `source_documents.csv` to complete.
pub async fn document(w: &mut Write, url: &str, title: Option<String>) -> AppResult<()> {
    let known = source_document::Entity::find()
        .filter(source_document::Column::Url.eq(url))
        .one(w.txn())
        .await?;
    if known.is_some() {
        return Ok(());
    }
    let row = source_document::ActiveModel {
        url: Set(url.to_owned()),
        title: Set(title),
        kind: Set("OTHER".to_owned()),
        published_precision: Set("UNKNOWN".to_owned()),
        version: Set(1),
        updated_at: Set(w.now()),
        ..Default::default()
    }
    .insert(w.txn())
    .await?;
    w.created::<source_document::Model>(row.fields(&Refs::default()), row.version);
    Ok(())
}

//! What every claim write checks the same way, whatever the claim is
//! about: its value against its property, its dates, page, words and
//! speaker.

use entity::organization;
use sea_orm::{
    ActiveModelBehavior, ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter,
};

use super::inputs::ClaimFields;
use super::record::{ClaimProperty, ClaimRank, ClaimRankReason, ClaimUnit, Subject, fits};
use crate::error::{AppError, AppResult};
use crate::graphql::enums::to_db;
use crate::records::Record;
use crate::store::table::Table;
use crate::writes::lookup::reference;
use crate::writes::rows::{insert, save};
use crate::writes::{Write, sources, validate};

/// A claim's shared fields checked, in their stored form: the speaker's
/// organization resolved. Put into a model with [`claim_model!`].
pub struct Checked {
    pub property: String,
    pub value_number: Option<f64>,
    pub value_date: Option<String>,
    pub unit: Option<String>,
    pub approximation: String,
    pub basis: Option<String>,
    pub as_of: String,
    pub rank: String,
    pub rank_reason: Option<String>,
    pub source_url: String,
    pub quote: Option<String>,
    pub stated_by: Option<String>,
    pub stated_by_id: Option<i32>,
}

/// `sent` checked for a claim about `subject` whose text value (a park's
/// status) is `text`; BAD_USER_INPUT naming the field at fault.
pub async fn checked(
    w: &mut Write,
    sent: ClaimFields,
    text: Option<&str>,
    subject: Subject,
) -> AppResult<Checked> {
    let value_number = validate::amount("input.valueNumber", sent.value_number)?;
    let value_date = validate::date("input.valueDate", sent.value_date)?;
    let as_of = validate::date("input.asOf", Some(sent.as_of))?
        .ok_or_else(|| AppError::bad_input("input.asOf", "must not be empty"))?;
    let source_url = validate::url("input.sourceUrl", &sent.source_url)?;
    let given = (value_number.is_some(), value_date.is_some(), text.is_some());
    fits(sent.property, subject, given)?;
    let stated_by_id = match sent.stated_by_organization.as_deref() {
        Some(slug) => {
            let field = "input.statedByOrganization";
            let column = organization::Column::Slug;
            Some(reference::<organization::Entity>(w, column, slug, field, "organization").await?)
        }
        None => None,
    };
    Ok(Checked {
        property: to_db(sent.property).to_owned(),
        value_number,
        value_date,
        unit: sent.unit.map(|u| to_db(u).to_owned()),
        approximation: to_db(sent.approximation).to_owned(),
        basis: validate::opt_text("input.basis", sent.basis)?,
        as_of,
        rank: to_db(sent.rank).to_owned(),
        rank_reason: sent.rank_reason.map(|r| to_db(r).to_owned()),
        source_url,
        quote: validate::opt_text("input.quote", sent.quote)?,
        stated_by: validate::opt_text("input.statedBy", sent.stated_by)?,
        stated_by_id,
    })
}

/// A claim model (`project_claim::Model { project_id: id }`) with the shared
/// columns of a [`Checked`]; the rest default.
#[macro_export]
macro_rules! claim_model {
    ($model:path { $($own:ident: $value:expr),* $(,)? }, $checked:expr) => {{
        let c: $crate::domains::claims::write::Checked = $checked;
        $model {
            $($own: $value,)*
            property: c.property,
            value_number: c.value_number,
            value_date: c.value_date,
            unit: c.unit,
            approximation: c.approximation,
            basis: c.basis,
            as_of: c.as_of,
            rank: c.rank,
            rank_reason: c.rank_reason,
            source_url: c.source_url,
            quote: c.quote,
            stated_by: c.stated_by,
            stated_by_id: c.stated_by_id,
            ..Default::default()
        }
    }};
}

/// The active model of a record's table.
type Active<C> = <<C as Record>::Table as EntityTrait>::ActiveModel;
/// A column of a record's table.
type Column<C> = <<C as Record>::Table as EntityTrait>::Column;

/// A table of claims about one kind of subject: the columns that name a
/// claim, and how a claim takes another rank.
pub trait ClaimTable: Record {
    /// The subject's id.
    const SUBJECT: Column<Self>;
    /// The property.
    const PROPERTY: Column<Self>;
    /// The unit.
    const UNIT: Column<Self>;
    /// The date stated.
    const AS_OF: Column<Self>;
    /// The page.
    const SOURCE_URL: Column<Self>;
    /// The rank.
    const RANK: Column<Self>;
    /// Its property, as stored.
    fn property(&self) -> &str;
    /// Its rank, as stored.
    fn rank(&self) -> &str;
    /// It with `rank` and `reason` (as stored).
    fn ranked(&self, rank: &str, reason: Option<String>) -> Self;
}

/// What names a claim: its subject, property, unit, date and page.
pub struct Named<'a> {
    pub subject: i32,
    pub property: ClaimProperty,
    pub unit: Option<ClaimUnit>,
    pub as_of: &'a str,
    pub source_url: &'a str,
}

/// The claim `named`, if recorded.
pub async fn lookup<C: ClaimTable>(w: &Write, named: &Named<'_>) -> AppResult<Option<C>> {
    let unit = match named.unit.map(to_db) {
        Some(unit) => C::UNIT.eq(unit),
        None => C::UNIT.is_null(),
    };
    Ok(C::Table::find()
        .filter(C::SUBJECT.eq(named.subject))
        .filter(C::PROPERTY.eq(to_db(named.property)))
        .filter(unit)
        .filter(C::AS_OF.eq(named.as_of))
        .filter(C::SOURCE_URL.eq(named.source_url))
        .one(w.txn())
        .await?)
}

/// The claim `named` (of the subject `slug`); NOT_FOUND when there is none.
pub async fn find<C: ClaimTable>(w: &Write, named: &Named<'_>, slug: &str) -> AppResult<C> {
    lookup(w, named).await?.ok_or_else(|| {
        let (property, as_of) = (to_db(named.property), named.as_of);
        AppError::NotFound(format!(
            "no {property} claim of {slug:?} as of {as_of:?} from that page"
        ))
    })
}

/// Makes the PREFERRED claims of `subject`'s `property`, other than
/// `except`, NORMAL (OUTDATED).
async fn demote<C>(w: &mut Write, subject: i32, property: &str, except: i32) -> AppResult<()>
where
    C: ClaimTable + IntoActiveModel<Active<C>>,
    Active<C>: ActiveModelTrait<Entity = C::Table> + ActiveModelBehavior + Send,
{
    let preferred: Vec<C> = C::Table::find()
        .filter(C::SUBJECT.eq(subject))
        .filter(C::PROPERTY.eq(property))
        .filter(C::RANK.eq(to_db(ClaimRank::Preferred)))
        .filter(<C::Table as Table>::ID.ne(except))
        .all(w.txn())
        .await?;
    let outdated = Some(to_db(ClaimRankReason::Outdated).to_owned());
    for current in preferred {
        let next = current.ranked(to_db(ClaimRank::Normal), outdated.clone());
        save(w, &current, next).await?;
    }
    Ok(())
}

/// Inserts `claim`, named `named` (of the subject `slug`): CONFLICT when
/// that claim is already recorded; its page becomes a known document; a
/// PREFERRED claim makes the one preferred until then NORMAL. Its id.
pub async fn add<C>(w: &mut Write, named: &Named<'_>, slug: &str, claim: C) -> AppResult<i32>
where
    C: ClaimTable + IntoActiveModel<Active<C>>,
    Active<C>: ActiveModelTrait<Entity = C::Table> + ActiveModelBehavior + Send,
{
    if lookup::<C>(w, named).await?.is_some() {
        let property = to_db(named.property);
        return Err(AppError::Conflict(format!(
            "this {property} claim of {slug:?} is already recorded"
        )));
    }
    sources::document(w, named.source_url, None).await?;
    if claim.rank() == to_db(ClaimRank::Preferred) {
        demote::<C>(w, named.subject, claim.property(), 0).await?;
    }
    Ok(insert(w, claim).await?.id())
}

/// Gives `current` (of `subject`) `rank` and `reason`; PREFERRED makes the
/// one preferred until then NORMAL.
pub async fn rerank<C>(
    w: &mut Write,
    subject: i32,
    current: &C,
    rank: ClaimRank,
    reason: Option<ClaimRankReason>,
) -> AppResult<()>
where
    C: ClaimTable + IntoActiveModel<Active<C>>,
    Active<C>: ActiveModelTrait<Entity = C::Table> + ActiveModelBehavior + Send,
{
    if rank == ClaimRank::Preferred {
        demote::<C>(w, subject, current.property(), current.id()).await?;
    }
    let reason = reason.map(|r| to_db(r).to_owned());
    save(w, current, current.ranked(to_db(rank), reason)).await?;
    Ok(())
}

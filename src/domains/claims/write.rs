//! What every claim write checks the same way, whatever the claim is
//! about: its value against its property, its dates, page, words and
//! speaker.

use entity::organization;

use super::record::{ClaimProperty, Subject, fits};
use crate::error::{AppError, AppResult};
use crate::writes::lookup::reference;
use crate::writes::{Write, sources, validate};

/// The parts of a claim input every subject shares, as sent.
pub struct Sent {
    pub property: ClaimProperty,
    pub value_number: Option<f64>,
    pub value_date: Option<String>,
    pub value_text: Option<String>,
    pub as_of: String,
    pub source_url: String,
    pub basis: Option<String>,
    pub quote: Option<String>,
    pub stated_by: Option<String>,
    pub stated_by_organization: Option<String>,
}

/// Those parts checked: the page known as a document, the speaker's
/// organization resolved.
pub struct Checked {
    pub value_number: Option<f64>,
    pub value_date: Option<String>,
    pub value_text: Option<String>,
    pub as_of: String,
    pub source_url: String,
    pub basis: Option<String>,
    pub quote: Option<String>,
    pub stated_by: Option<String>,
    pub stated_by_id: Option<i32>,
}

/// `sent` checked for a claim about `subject`; BAD_USER_INPUT naming the
/// field at fault.
pub async fn checked(w: &mut Write, sent: Sent, subject: Subject) -> AppResult<Checked> {
    let value_number = validate::amount("input.valueNumber", sent.value_number)?;
    let value_date = validate::date("input.valueDate", sent.value_date)?;
    let as_of = validate::date("input.asOf", Some(sent.as_of))?
        .ok_or_else(|| AppError::bad_input("input.asOf", "must not be empty"))?;
    let source_url = validate::url("input.sourceUrl", &sent.source_url)?;
    let given = (
        value_number.is_some(),
        value_date.is_some(),
        sent.value_text.is_some(),
    );
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
        value_number,
        value_date,
        value_text: sent.value_text,
        as_of,
        source_url,
        basis: validate::opt_text("input.basis", sent.basis)?,
        quote: validate::opt_text("input.quote", sent.quote)?,
        stated_by: validate::opt_text("input.statedBy", sent.stated_by)?,
        stated_by_id,
    })
}

/// Makes sure the page `checked` names is a known document (after the
/// duplicate check, so a refused write adds no page).
pub async fn page(w: &mut Write, checked: &Checked) -> AppResult<()> {
    sources::document(w, &checked.source_url, None).await?;
    Ok(())
}

//! Tenancy observation writes, each inside a [`Write`]. A sighting is named
//! by its park, firm, kind, date and page; the tenancy it is about is
//! derived again after each.

use entity::{firm, park, tenancy, tenancy_observation};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use super::inputs::TenancyObservationInput;
use super::record::TenancyObservationKind;
use crate::error::{AppError, AppResult};
use crate::graphql::enums::to_db;
use crate::records::Refs;
use crate::records::derived::rederive;
use crate::writes::lookup::park_and_firm;
use crate::writes::rows::{insert, remove};
use crate::writes::{Write, validate};

const SIGHTINGS: &str = "sightings in parks another organization operates";

/// The sighting with these parts, if recorded.
async fn find(
    w: &Write,
    pair: (&park::Model, &firm::Model),
    kind: &str,
    observed_on: &str,
    source_url: &str,
) -> AppResult<Option<tenancy_observation::Model>> {
    use tenancy_observation::Column;
    Ok(tenancy_observation::Entity::find()
        .filter(Column::ParkId.eq(pair.0.id))
        .filter(Column::FirmId.eq(pair.1.id))
        .filter(Column::Kind.eq(kind))
        .filter(Column::ObservedOn.eq(observed_on))
        .filter(Column::SourceUrl.eq(source_url))
        .one(w.txn())
        .await?)
}

/// Records a sighting; its id.
pub async fn record(w: &mut Write, input: TenancyObservationInput) -> AppResult<i32> {
    let observed_on = validate::date("input.observedOn", Some(input.observed_on))?
        .ok_or_else(|| AppError::bad_input("input.observedOn", "must not be empty"))?;
    let area_sqft = validate::count("input.areaSqft", input.area_sqft)?;
    let source_url = validate::url("input.sourceUrl", &input.source_url)?;
    let quote = validate::opt_text("input.quote", input.quote)?;
    let kind = to_db(input.kind).to_owned();
    let (park, firm) = park_and_firm(w, &input.park_slug, &input.firm_slug, SIGHTINGS).await?;
    let tenancies = tenancy::Entity::find()
        .filter(tenancy::Column::ParkId.eq(park.id))
        .filter(tenancy::Column::FirmId.eq(firm.id))
        .count(w.txn())
        .await?;
    if tenancies == 0 {
        return Err(AppError::NotFound(format!(
            "{:?} has no tenancy in {:?}; add it first (addTenancy)",
            firm.slug, park.slug
        )));
    }
    if find(w, (&park, &firm), &kind, &observed_on, &source_url)
        .await?
        .is_some()
    {
        return Err(AppError::Conflict(format!(
            "this sighting of {:?} in {:?} is already recorded",
            firm.slug, park.slug
        )));
    }
    crate::writes::sources::document(w, &source_url, None).await?;
    let model = tenancy_observation::Model {
        park_id: park.id,
        firm_id: firm.id,
        kind,
        observed_on,
        area_sqft,
        source_url,
        quote,
        ..Default::default()
    };
    let row = insert(w, model).await?;
    rederive(w.txn(), &[(park.id, firm.id)]).await?;
    Ok(row.id)
}

/// Deletes a sighting; the id it had.
pub async fn delete(
    w: &mut Write,
    park_slug: String,
    firm_slug: String,
    kind: TenancyObservationKind,
    observed_on: String,
    source_url: String,
) -> AppResult<i32> {
    let (park, firm) = park_and_firm(w, &park_slug, &firm_slug, SIGHTINGS).await?;
    let kind = to_db(kind);
    let found = find(w, (&park, &firm), kind, &observed_on, &source_url).await?;
    let now = found.ok_or_else(|| {
        AppError::NotFound(format!(
            "no {kind} sighting of {firm_slug:?} in {park_slug:?} on {observed_on:?} from that page"
        ))
    })?;
    let mut refs = Refs::default();
    refs.insert(crate::records::Kind::Park, park.id, park.slug.clone());
    refs.insert(crate::records::Kind::Firm, firm.id, firm.slug.clone());
    remove(w, &now, &refs).await?;
    rederive(w.txn(), &[(park.id, firm.id)]).await?;
    Ok(now.id)
}

//! Park writes, each inside a [`Write`]: validated, scoped to the caller's
//! organization, version-checked, and logged.

use entity::{city, organization, park, park_claim, project, tenancy, tenancy_observation};

use super::inputs::{CreateParkInput, ParkLocationInput, UpdateParkInput};
use crate::auth::Owners;
use crate::error::{AppError, AppResult};
use crate::graphql::enums::to_db;
use crate::writes::lookup::{apply, apply_required, current, opt_slug_of, required, slug_of};
use crate::writes::rows::{children, create_cited, remove_cited, remove_each, save, save_cited};
use crate::writes::{Write, sources, validate};

/// Creates a park; its id.
pub async fn create(w: &mut Write, input: CreateParkInput) -> AppResult<i32> {
    validate::slug("input.slug", &input.slug)?;
    let name = validate::text("input.name", &input.name, false)?;
    let model = park::Model {
        slug: input.slug.clone(),
        name,
        kind: to_db(input.kind).to_owned(),
        status: to_db(input.status).to_owned(),
        city_id: slug_of::<city::Model>(w, "input.citySlug", &input.city_slug).await?,
        operator_id: opt_slug_of::<organization::Model>(
            w,
            "input.operatorSlug",
            input.operator_slug,
        )
        .await?,
        area_sqft: validate::count("input.areaSqft", input.area_sqft)?,
        opened_year: validate::year("input.openedYear", input.opened_year)?,
        notes: validate::opt_text("input.notes", input.notes)?,
        ..Default::default()
    };
    let model = located(w, model, input.location).await?;
    let owners = Owners::Orgs(model.operator_id.as_slice());
    w.actor()
        .may_change(owners, true, "parks another organization operates")?;
    create_cited(w, model, input.sources).await
}

/// `park` with its own point set from `location` (checked, its page
/// known as a document), or cleared when there is none.
async fn located(
    w: &mut Write,
    mut park: park::Model,
    location: Option<ParkLocationInput>,
) -> AppResult<park::Model> {
    let Some(at) = location else {
        (park.latitude, park.longitude, park.location_url) = (None, None, None);
        return Ok(park);
    };
    let latitude = validate::degrees("input.location.latitude", at.latitude, 90.0)?;
    let longitude = validate::degrees("input.location.longitude", at.longitude, 180.0)?;
    let url = validate::url("input.location.sourceUrl", &at.source_url)?;
    sources::document(w, &url, None).await?;
    (park.latitude, park.longitude, park.location_url) =
        (Some(latitude), Some(longitude), Some(url));
    Ok(park)
}

/// Applies `input` to park `slug` at `sent` version; its id.
pub async fn update(
    w: &mut Write,
    slug: String,
    sent: i32,
    input: UpdateParkInput,
) -> AppResult<i32> {
    let current = current::<park::Model>(w, &slug, sent).await?;
    let owners = Owners::Orgs(current.operator_id.as_slice());
    w.actor().may_change(owners, false, "this park")?;
    let mut next = current.clone();
    let name = |v: String| validate::text("input.name", &v, false);
    apply_required(&mut next.name, "input.name", input.name, name)?;
    apply_required(&mut next.kind, "input.kind", input.kind, |v| {
        Ok(to_db(v).to_owned())
    })?;
    apply_required(&mut next.status, "input.status", input.status, |v| {
        Ok(to_db(v).to_owned())
    })?;
    if let Some(city) = required("input.citySlug", input.city_slug)? {
        next.city_id = slug_of::<city::Model>(w, "input.citySlug", &city).await?;
    }
    if !input.operator_slug.is_undefined() {
        next.operator_id =
            opt_slug_of::<organization::Model>(w, "input.operatorSlug", input.operator_slug.take())
                .await?;
        let owners = Owners::Orgs(next.operator_id.as_slice());
        w.actor()
            .may_change(owners, false, "a park's operator to another organization")?;
    }
    apply(&mut next.area_sqft, input.area_sqft, |v| {
        validate::count("input.areaSqft", v)
    })?;
    apply(&mut next.opened_year, input.opened_year, |v| {
        validate::year("input.openedYear", v)
    })?;
    apply(&mut next.notes, input.notes, |v| {
        validate::opt_text("input.notes", v)
    })?;
    if !input.location.is_undefined() {
        next = located(w, next, input.location.take()).await?;
    }
    save_cited(w, &current, next, input.sources).await
}

/// Deletes park `slug` at `sent` version (with `cascade`: its tenancies too,
/// and its projects unlinked); the id it had.
pub async fn delete(
    w: &mut Write,
    slug: String,
    sent: i32,
    cascade: Option<bool>,
) -> AppResult<i32> {
    let cascade = cascade.unwrap_or(false);
    let current = current::<park::Model>(w, &slug, sent).await?;
    let owners = Owners::Orgs(current.operator_id.as_slice());
    w.actor().may_change(owners, false, "this park")?;
    let tenancies = children::<tenancy::Model>(w, tenancy::Column::ParkId, current.id).await?;
    let seen = tenancy_observation::Column::ParkId;
    let sightings = children::<tenancy_observation::Model>(w, seen, current.id).await?;
    let projects = children::<project::Model>(w, project::Column::ParkId, current.id).await?;
    let claims = children::<park_claim::Model>(w, park_claim::Column::ParkId, current.id).await?;
    let held = [
        tenancies.len(),
        sightings.len(),
        projects.len(),
        claims.len(),
    ];
    if !cascade && held.iter().any(|n| *n > 0) {
        let [tenancies, sightings, projects, claims] = held;
        return Err(AppError::Conflict(format!(
            "park {slug:?} still has {tenancies} tenancies ({sightings} sightings), {projects} projects and {claims} claims; send cascade: true to delete its tenancies and claims and unlink its projects"
        )));
    }
    remove_each(w, &claims).await?;
    remove_each(w, &sightings).await?;
    remove_each(w, &tenancies).await?;
    for p in projects {
        let unlinked = project::Model {
            park_id: None,
            ..p.clone()
        };
        save(w, &p, unlinked).await?;
    }
    remove_cited(w, &current).await
}

//! Reads of parks: their pages, and the figures of `aggregate`, `groups`
//! and `parkStats`.

use entity::{city, organization, park};
use sea_orm::JoinType;
use sea_orm::sea_query::{Condition, Expr, ExprTrait, SelectStatement};

use super::inputs::{
    ParkFilter, ParkGroupBy, ParkOrder, ParkOrderField, tenant_count as tenants_of_park,
};
use crate::domains::city_coordinates::NearInput;
use crate::error::{AppError, AppResult};
use crate::graphql::kit::filters::SortDirection;
use crate::records::validate::{amount, degrees};
use crate::store::filter::col;
use crate::store::listing::{
    KeyKind, Listing, OrderKey, PageArgs, Scope, SortKey, count_all, entity_listing,
};

/// Which of `parkStats`' figures a query shows.
#[derive(Clone, Copy, Debug)]
pub struct Figures {
    /// `totalAreaSqft`.
    pub area: bool,
    /// `tenantCount`.
    pub tenants: bool,
}

impl Figures {
    /// Where the area sum and the tenancy sum stand in [`figure_measures`]' row.
    pub fn positions(self) -> (Option<usize>, Option<usize>) {
        let area = self.area.then_some(1);
        let tenants = self.tenants.then_some(1 + usize::from(self.area));
        (area, tenants)
    }
}

/// `parkStats`' count, and the area and tenancy sums it shows, for one
/// statement (a count alone stays an index-only count).
pub fn figure_measures(shown: Figures) -> Vec<Expr> {
    let mut measures = vec![count_all()];
    if shown.area {
        measures.push(col(park::Column::AreaSqft).sum());
    }
    if shown.tenants {
        measures.push(tenants_of_park().sum());
    }
    measures
}

/// The key and label of the group of `by`.
pub fn group_key(by: ParkGroupBy) -> (Expr, Expr) {
    let city_col = |c: city::Column| Expr::col((city::Entity, c));
    let org_col = |c: organization::Column| Expr::col((organization::Entity, c));
    match by {
        ParkGroupBy::City => (city_col(city::Column::Slug), city_col(city::Column::Name)),
        ParkGroupBy::Province => (
            city_col(city::Column::Province),
            city_col(city::Column::Province),
        ),
        ParkGroupBy::Status => (col(park::Column::Status), col(park::Column::Status)),
        ParkGroupBy::Kind => (col(park::Column::Kind), col(park::Column::Kind)),
        ParkGroupBy::Operator => (
            org_col(organization::Column::Slug),
            org_col(organization::Column::Name),
        ),
    }
}

/// What each group counts: parks, their area, their tenancies.
pub fn group_measures() -> Vec<Expr> {
    vec![
        count_all(),
        col(park::Column::AreaSqft).sum(),
        tenants_of_park().sum(),
    ]
}

/// Joins the table the group key lives in, if it is not the park's own.
pub fn join_for(select: &mut SelectStatement, by: ParkGroupBy) {
    match by {
        ParkGroupBy::City | ParkGroupBy::Province => select.join(
            JoinType::LeftJoin,
            city::Entity,
            Expr::col((city::Entity, city::Column::Id))
                .equals((park::Entity, park::Column::CityId)),
        ),
        ParkGroupBy::Operator => select.join(
            JoinType::LeftJoin,
            organization::Entity,
            Expr::col((organization::Entity, organization::Column::Id))
                .equals((park::Entity, park::Column::OperatorId)),
        ),
        ParkGroupBy::Status | ParkGroupBy::Kind => select,
    };
}

/// A park's point: its own where a page gives one, else its city's (from
/// `city_coordinate`).
fn park_point(column: &str) -> String {
    format!(
        "COALESCE(park.{column}, \
         (SELECT cc.{column} FROM city_coordinate cc WHERE cc.city_id = park.city_id))"
    )
}

/// Each park's squared distance from `(latitude, longitude)`, in squared
/// degrees of latitude (one degree is [`KM_PER_DEGREE`]); NULL for a park
/// with no point of its own whose city has none. Equirectangular, with the cosine of the mean
/// latitude taken to first order about the point's, so the same arithmetic
/// runs on SQLite (which has no trigonometry) and PostgreSQL: within 0.02%
/// of the great-circle distance up to 300 km, 0.7% across Pakistan.
pub fn squared_distance((latitude, longitude): (f64, f64)) -> Expr {
    let (lat, lng) = (park_point("latitude"), park_point("longitude"));
    let (cos, sin) = (latitude.to_radians().cos(), latitude.to_radians().sin());
    // The numbers are written into the SQL: checked finite, printed in
    // plain decimals, they cannot carry anything else.
    let n = |value: f64| format!("({value})");
    let half_degree = std::f64::consts::PI / 360.0;
    let (y, x) = (n(latitude), n(longitude));
    let scale = format!("({} - {} * ({lat} - {y}))", n(cos), n(sin * half_degree));
    let east = format!("(({lng} - {x}) * {scale})");
    Expr::cust(format!("(({lat} - {y}) * ({lat} - {y}) + {east} * {east})"))
}

/// Kilometres in one degree of latitude (on a sphere of the Earth's mean
/// radius).
pub const KM_PER_DEGREE: f64 = 6371.0 * std::f64::consts::PI / 180.0;

/// A validated `near` argument: the point, and the greatest distance.
#[derive(Clone, Copy, Debug)]
pub struct Near {
    /// `(latitude, longitude)`, degrees.
    pub point: (f64, f64),
    /// At most this far, kilometres.
    pub within_km: Option<f64>,
}

impl Near {
    /// `input` checked: degrees in range, a distance of zero or more.
    pub fn checked(input: NearInput) -> AppResult<Self> {
        let field = |name: &str| format!("near.{name}");
        let latitude = degrees(input.latitude, 90.0)
            .map_err(|e| AppError::bad_input(&field("latitude"), e))?;
        let longitude = degrees(input.longitude, 180.0)
            .map_err(|e| AppError::bad_input(&field("longitude"), e))?;
        let within = input
            .within_km
            .map(|km| amount(km).map_err(|e| AppError::bad_input(&field("withinKm"), e)));
        Ok(Self {
            point: (latitude, longitude),
            within_km: within.transpose()?,
        })
    }
}

/// The parks matching `filter` (and within `near`'s distance), sorted by
/// `order_by` (DISTANCE from `near`'s point), paged by `args`.
pub fn listing(
    filter: Option<ParkFilter>,
    order_by: Option<Vec<ParkOrder>>,
    near: Option<Near>,
    args: &PageArgs,
    scope: Scope,
) -> AppResult<Listing<park::Model>> {
    let mut condition = filter.map(|f| f.condition()).unwrap_or_else(Condition::all);
    if let Some(Near {
        point,
        within_km: Some(km),
    }) = near
    {
        condition = condition.add(squared_distance(point).lte((km / KM_PER_DEGREE).powi(2)));
    }
    let key = |order: &ParkOrder| match (order.field, near) {
        (ParkOrderField::Distance, Some(near)) => {
            let desc = order.direction == Some(SortDirection::Desc);
            let distance = squared_distance(near.point);
            Ok(OrderKey::optional(
                "distance",
                distance,
                KeyKind::Float,
                desc,
            ))
        }
        (ParkOrderField::Distance, None) => Err(AppError::bad_input(
            "orderBy",
            "DISTANCE sorts from a point: send `near` too",
        )),
        _ => Ok(order.key()),
    };
    let keys = order_by
        .unwrap_or_default()
        .iter()
        .map(key)
        .collect::<AppResult<_>>()?;
    entity_listing::<park::Entity>(condition, keys, args, scope)
}

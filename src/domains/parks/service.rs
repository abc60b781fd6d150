//! Reads of parks: their pages, and the figures of `aggregate`, `groups`
//! and `parkStats`.

use entity::{city, organization, park};
use sea_orm::JoinType;
use sea_orm::sea_query::{Alias, Condition, Expr, ExprTrait, Query, SelectStatement};

use super::inputs::{
    ParkFilter, ParkGroupBy, ParkOrder, ParkOrderField, tenant_count as tenants_of_park,
};
use crate::domains::city_coordinates::NearInput;
use crate::error::{AppError, AppResult};
use crate::graphql::kit::filters::SortDirection;
use crate::records::validate::{amount, degrees};
use crate::store::filter::col;
use crate::store::listing::{
    KeyKind, Listing, OrderKey, PageArgs, Scope, SortKey, StatsSpec, count_all, entity_listing,
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
    /// Where the area sum and the tenancy sum stand in [`Figures::measures`]' row.
    pub fn positions(self) -> (Option<usize>, Option<usize>) {
        let area = self.area.then_some(1);
        let tenants = self.tenants.then_some(1 + usize::from(self.area));
        (area, tenants)
    }

    /// The count, and the sums shown, for one statement (a count alone over
    /// parks stays an index-only count).
    pub fn measures(self) -> Vec<Measure> {
        let mut measures = vec![Measure::Count];
        measures.extend(self.area.then_some(Measure::Area));
        measures.extend(self.tenants.then_some(Measure::Tenants));
        measures
    }
}

/// A figure over parks: how many, their area, their tenancies.
#[derive(Clone, Copy, Debug)]
pub enum Measure {
    /// How many parks.
    Count,
    /// Their summed area; NULL when none is known.
    Area,
    /// Their tenancies.
    Tenants,
}

impl Measure {
    /// What each group counts.
    pub const GROUP: [Measure; 3] = [Measure::Count, Measure::Area, Measure::Tenants];

    /// The figure over `park` rows.
    pub fn over_parks(self) -> Expr {
        match self {
            Measure::Count => count_all(),
            Measure::Area => col(park::Column::AreaSqft).sum(),
            Measure::Tenants => tenants_of_park().sum(),
        }
    }

    /// The figure over a totals table read as `park` (see [`totals`]).
    fn over_totals(self) -> Expr {
        Expr::cust(match self {
            Measure::Count => "SUM(park.parks)",
            Measure::Area => "CASE WHEN SUM(park.area_known) > 0 THEN SUM(park.area_sum) END",
            Measure::Tenants => "SUM(park.tenants)",
        })
    }
}

/// `measures` over every park, grouped by `by`, from the totals the
/// database keeps on write (migration m20261207_000027): one row per city,
/// province, operator or status and kind to sum, however many parks there
/// are. The table is read under the name `park`, so the groups' keys and
/// joins are those of a scan over parks.
pub fn totals(measures: &[Measure], by: Option<ParkGroupBy>) -> StatsSpec {
    let table = match by {
        None | Some(ParkGroupBy::Status | ParkGroupBy::Kind) => "park_status_totals",
        Some(ParkGroupBy::City) => "park_city_totals",
        Some(ParkGroupBy::Province) => "park_province_totals",
        Some(ParkGroupBy::Operator) => "park_operator_totals",
    };
    let mut select = Query::select();
    // Rows whose parks all left stay, with no parks.
    (select.from_as(Alias::new(table), park::Entity)).and_where(Expr::cust("park.parks > 0"));
    let group = match by {
        // The province is the table's own key, no city to join.
        Some(ParkGroupBy::Province) => {
            let province = Expr::col((park::Entity, Alias::new("province")));
            Some((province.clone(), province))
        }
        Some(by) => {
            join_for(&mut select, by);
            Some(group_key(by))
        }
        None => None,
    };
    StatsSpec {
        select,
        measures: measures.iter().map(|m| m.over_totals()).collect(),
        group,
    }
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

//! Reads of parks: their pages, and the figures of `aggregate`, `groups`
//! and `parkStats`.

use entity::{city, organization, park};
use sea_orm::JoinType;
use sea_orm::sea_query::{Expr, ExprTrait, SelectStatement};

use super::inputs::{ParkGroupBy, tenant_count as tenants_of_park};
use crate::store::filter::col;
use crate::store::listing::count_all;

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

//! Reads of tenancies: a park's tenants, and the relation filters between
//! parks and firms.

use entity::{firm, tenancy};
use sea_orm::sea_query::{Alias, Condition, Expr, ExprTrait, Query, SelectStatement};
use sea_orm::{IdenStatic, Iterable, JoinType};

use super::record::{TENANCY_COLUMNS, TenancyStatus, TenantRow, Window};
use crate::domains::firms::{FirmFilter, FirmOrder};
use crate::domains::parks::ParkFilter;
use crate::error::AppResult;
use crate::store::filter::col;
use crate::store::listing::{Listing, PageArgs, Scope, SortKey, with_tiebreak};
use crate::store::rows::{Wanted, wants};

/// `tenancy JOIN firm`, filtered on the firm.
fn with_firms(filter: Option<&FirmFilter>) -> SelectStatement {
    let mut select = Query::select()
        .from(tenancy::Entity)
        .join(
            JoinType::InnerJoin,
            firm::Entity,
            Expr::col((firm::Entity, firm::Column::Id))
                .equals((tenancy::Entity, tenancy::Column::FirmId)),
        )
        .to_owned();
    // An empty condition would still be written, as `WHERE $n` bound to TRUE.
    if let Some(condition) = filter.map(|f| f.condition()).filter(|c| !c.is_empty()) {
        select.cond_where(condition);
    }
    select
}

/// The tenancies whose status, judged in `window`, is one of `statuses`
/// (the SQL of [`Window::status`]).
fn in_status(statuses: &[TenancyStatus], window: &Window) -> Condition {
    let column = |c: tenancy::Column| Expr::col((tenancy::Entity, c));
    let ended_on = || column(tenancy::Column::EndedOn);
    let last_seen = || column(tenancy::Column::LastSeen);
    let ended = || {
        ended_on()
            .is_not_null()
            .and(ended_on().lte(window.as_of.as_str()))
    };
    let open = || {
        ended_on()
            .is_null()
            .or(ended_on().gt(window.as_of.as_str()))
    };
    let mut any = Condition::any();
    for status in statuses {
        any = any.add(match status {
            TenancyStatus::Ended => ended(),
            TenancyStatus::Current => open().and(last_seen().gte(window.cutoff.as_str())),
            TenancyStatus::Unknown => {
                open().and((last_seen().is_null()).or(last_seen().lt(window.cutoff.as_str())))
            }
        });
    }
    any
}

/// Which tenants a park's list shows: those of firms matching `firm`, in
/// one of `statuses` (judged in the window) when given.
#[derive(Default)]
pub struct TenantFilter {
    /// On the firm.
    pub firm: Option<FirmFilter>,
    /// On the tenancy's status, and the window it is judged in.
    pub statuses: Option<(Vec<TenancyStatus>, Window)>,
}

/// The tenants of one park, filtered and sorted by firm, paged by tenancy,
/// reading the `wanted` columns of each tenant row.
pub fn tenants_of_park(
    park_id: i32,
    filter: TenantFilter,
    order_by: Option<Vec<FirmOrder>>,
    args: &PageArgs,
    wanted: Wanted,
) -> AppResult<Listing<TenantRow>> {
    let mut keys: Vec<_> = order_by
        .unwrap_or_default()
        .iter()
        .map(SortKey::key)
        .collect();
    with_tiebreak(&mut keys, col(tenancy::Column::Id));
    let scope = Scope::Child {
        column: col(tenancy::Column::ParkId),
        id: park_id,
    };
    let mut select = with_firms(filter.firm.as_ref());
    if let Some((statuses, window)) = &filter.statuses {
        select.cond_where(in_status(statuses, window));
    }
    let listing = Listing::<TenantRow>::new(
        "tenancy",
        select,
        |select| {
            for (i, c) in tenancy::Column::iter().enumerate() {
                if wants(wanted, i) {
                    select.expr_as(
                        Expr::col((tenancy::Entity, c)),
                        Alias::new(format!("t_{}", c.as_str())),
                    );
                }
            }
            for (i, c) in firm::Column::iter().enumerate() {
                if wants(wanted, TENANCY_COLUMNS + i) {
                    select.expr_as(
                        Expr::col((firm::Entity, c)),
                        Alias::new(format!("f_{}", c.as_str())),
                    );
                }
            }
        },
        keys,
        args,
        scope,
    )?;
    Ok(listing.wanting(wanted))
}

/// Ids of parks with at least one tenant matching `filter`.
pub fn park_ids_with_tenant(filter: &FirmFilter) -> SelectStatement {
    let mut select = with_firms(Some(filter));
    select.column((tenancy::Entity, tenancy::Column::ParkId));
    select
}

/// Ids of firms with a tenancy in a park matching `filter`.
pub fn firm_ids_in_parks(filter: &ParkFilter) -> SelectStatement {
    Query::select()
        .column((tenancy::Entity, tenancy::Column::FirmId))
        .from(tenancy::Entity)
        .and_where(col(tenancy::Column::ParkId).in_subquery(filter.ids()))
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Db;

    /// Q2's nested page (each park's first tenants, with the firm's name and
    /// employees) reaches each firm from the index, not the tenancy row.
    #[tokio::test]
    async fn sqlite_pages_tenants_from_the_covering_index() {
        let db = Db::connect("sqlite::memory:", 1).await.unwrap();
        db.migrate().await.unwrap();
        let firm_name_and_employees = (1 << 2 | 1 << 4 | 1) << TENANCY_COLUMNS;
        let args = PageArgs::new(Some(20), None, None, None);
        let wanted = 1 | firm_name_and_employees;
        let tenants = tenants_of_park(1, TenantFilter::default(), None, &args, wanted).unwrap();
        let sql = tenants.sql_for_parents(sea_orm::DbBackend::Sqlite, &[1, 2]);
        let steps = crate::store::explain_sqlite(&db, &sql).await;
        let covered = "SEARCH tenancy USING COVERING INDEX ix_tenancy_park_id_firm_id (park_id=?)";
        assert_eq!(
            steps.iter().filter(|s| s.as_str() == covered).count(),
            2,
            "{sql}: {steps:?}"
        );
    }

    /// Q2 draws 40 to 60 parks: the nested page's statement is written for
    /// 48 or 64 of them, so each connection prepares two texts, not 21.
    #[test]
    fn nested_pages_for_nearby_numbers_of_parents_share_one_statement_text() {
        let args = PageArgs::new(Some(20), None, None, None);
        let tenants = tenants_of_park(1, TenantFilter::default(), None, &args, 1).unwrap();
        let parks = |n: i32| (100..100 + n).collect::<Vec<_>>();
        for backend in [sea_orm::DbBackend::Sqlite, sea_orm::DbBackend::Postgres] {
            let sql = |n| tenants.statement_for_parents(backend, &parks(n)).sql;
            assert_eq!(sql(41), sql(48), "{backend:?}");
            assert_ne!(sql(48), sql(49), "{backend:?}");
            assert_eq!(sql(49), sql(64), "{backend:?}");
            let values = tenants.statement_for_parents(backend, &parks(41)).values;
            let bound = values.map_or(0, |v| v.0.len());
            assert!(bound >= 48, "{backend:?}: {bound} values for 48 branches");
        }
    }
}

//! What clients send about indicators: the filter of `indicators`.

use async_graphql::InputObject;
use entity::indicator::{Column, Entity};
use sea_orm::sea_query::{Condition, Expr};

use super::record::{Currency, PeriodKind, UnitKind};
use crate::domains::cities::Province;
use crate::domains::claims::ClaimRank;
use crate::graphql::kit::filters::{IntFilter, StringFilter, one_of};
use crate::store::filter::{Text, col};

/// Which indicators to include. All given fields must match.
#[derive(InputObject, Clone, Debug, Default)]
pub struct IndicatorFilter {
    /// On the key (e.g. `{ eq: "stp_count" }`).
    pub key: Option<StringFilter>,
    /// On the period as the source wrote it (e.g. `{ startsWith: "FY2024" }`).
    pub period: Option<StringFilter>,
    /// Periods of these kinds (`[FISCAL_YEAR]`: whole fiscal years only).
    pub period_kind: Option<Vec<PeriodKind>>,
    /// On the fiscal year, named by the year it ends (`{ gte: 2021 }`).
    pub fiscal_year: Option<IntFilter>,
    /// Figures measuring one of these.
    pub unit_kind: Option<Vec<UnitKind>>,
    /// Figures in one of these currencies (`[USD]`).
    pub currency: Option<Vec<Currency>>,
    /// Figures of these ranks (`[PREFERRED]`: one per indicator and period).
    pub rank: Option<Vec<ClaimRank>>,
    /// Figures about one of these provinces.
    pub province: Option<Vec<Province>>,
}

impl IndicatorFilter {
    /// The SQL condition on the `indicator` table.
    pub fn condition(&self) -> Condition {
        let text = |f: &StringFilter, text, folded| f.condition(&folded_text(text, folded));
        Condition::all()
            .add_option(
                self.key
                    .as_ref()
                    .map(|f| text(f, Column::Key, Column::KeyFolded)),
            )
            .add_option(
                self.period
                    .as_ref()
                    .map(|f| text(f, Column::Period, Column::PeriodFolded)),
            )
            .add_option(
                self.period_kind
                    .as_ref()
                    .map(|k| one_of(col(Column::PeriodKind), k)),
            )
            .add_option(
                self.fiscal_year
                    .as_ref()
                    .map(|f| f.condition(col(Column::FiscalYear))),
            )
            .add_option(
                self.unit_kind
                    .as_ref()
                    .map(|k| one_of(col(Column::UnitKind), k)),
            )
            .add_option(
                self.currency
                    .as_ref()
                    .map(|c| one_of(col(Column::Currency), c)),
            )
            .add_option(self.rank.as_ref().map(|r| one_of(col(Column::Rank), r)))
            .add_option(
                self.province
                    .as_ref()
                    .map(|p| one_of(col(Column::Province), p)),
            )
    }
}

/// An indicator text column and its folded copy.
fn folded_text(text: Column, folded: Column) -> Text {
    Text::folded(Expr::col((Entity, text)), Expr::col((Entity, folded)))
}

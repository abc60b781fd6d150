//! What clients send about indicators: the filter of `indicators`.

use async_graphql::InputObject;
use entity::indicator::{Column, Entity};
use sea_orm::sea_query::{Condition, Expr};

use crate::graphql::kit::filters::StringFilter;
use crate::store::filter::Text;

/// Which indicators to include. All given fields must match.
#[derive(InputObject, Clone, Debug, Default)]
pub struct IndicatorFilter {
    /// On the key (e.g. `{ eq: "stp_count" }`).
    pub key: Option<StringFilter>,
    /// On the period (e.g. `{ startsWith: "FY2024" }`).
    pub period: Option<StringFilter>,
}

impl IndicatorFilter {
    /// The SQL condition on the `indicator` table.
    pub fn condition(&self) -> Condition {
        Condition::all()
            .add_option(
                self.key
                    .as_ref()
                    .map(|f| f.condition(&folded(Column::Key, Column::KeyFolded))),
            )
            .add_option(
                self.period
                    .as_ref()
                    .map(|f| f.condition(&folded(Column::Period, Column::PeriodFolded))),
            )
    }
}

/// An indicator text column and its folded copy.
fn folded(text: Column, folded: Column) -> Text {
    Text::folded(Expr::col((Entity, text)), Expr::col((Entity, folded)))
}

//! National indicators as the API shows them.

use entity::{city, indicator, programme, project};

use super::record::{Currency, PeriodKind, UnitKind};
use crate::domains::cities::{City, Province};
use crate::domains::claims::{Approximation, ClaimRank, ClaimRankReason};
use crate::domains::programmes::Programme;
use crate::domains::projects::Project;
use crate::domains::sources::{Source, SourcesOf};
use crate::graphql::enums::from_db;
use crate::graphql::loaders::Served;

/// A national figure such as IT export receipts for a fiscal period.
#[derive(Clone, Debug)]
pub struct Indicator(pub indicator::Model);

crate::object! {
    /// A national figure such as IT export receipts for a fiscal period.
    impl Indicator {
        node "Indicator";

        /// What is measured, e.g. `stp_count` or `ict_exports_usd`; the
        /// place a figure is about is `province`, `city` or `project`, not
        /// part of the key.
        field key: &str;

        /// The period as the source wrote it (`FY2024-25`, `2025-02`...), part
        /// of the indicator's key; a qualifier in parentheses tells apart
        /// figures from different sources for one period.
        #[graphql(deprecation = "Use periodKind, periodStart, periodEnd and fiscalYear; the text stays as part of the key.")]
        async fn period(&self) -> &str {
            &self.0.period
        }

        /// What span of time the figure covers.
        enum period_kind: PeriodKind;

        /// The first day it covers (ISO-8601); null for a moment, a target or
        /// a running total from an unknown start.
        field period_start: Option<&str>;

        /// The last day it covers, or the moment or deadline (ISO-8601, as
        /// precise as the source: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`); null
        /// when the source gives no period.
        field period_end: Option<&str>;

        /// Pakistan's fiscal year (July to June) the period falls in, named
        /// by the year it ends: 2025 for FY2024-25; null outside one.
        field fiscal_year: Option<i32>;

        /// The figure, in `unit`.
        field value: f64;

        /// The unit as the source wrote it (`USD (approx.)`, `firms (over)`).
        #[graphql(deprecation = "Use unitKind, currency and approximation.")]
        async fn unit(&self) -> &str {
            &self.0.unit
        }

        /// What the figure measures.
        enum unit_kind: UnitKind;

        /// The currency of a `CURRENCY` figure; null otherwise.
        async fn currency(&self) -> async_graphql::Result<Option<Currency>> {
            Ok(self.0.currency.as_deref().map(from_db::<Currency>).transpose()?)
        }

        /// How exact the figure is ("over" is `AT_LEAST`, "about" `APPROX`).
        enum approximation: Approximation;

        /// How it stands against other figures for the same indicator and
        /// period: one `PREFERRED`, the others `NORMAL` (true when stated, or
        /// beside it) or `DEPRECATED`.
        enum rank: ClaimRank;

        /// Why it has its rank; null when no reason is given.
        async fn rank_reason(&self) -> async_graphql::Result<Option<ClaimRankReason>> {
            let reason = self.0.rank_reason.as_deref().map(from_db::<ClaimRankReason>);
            Ok(reason.transpose()?)
        }

        /// The province the figure is about; null for a national figure.
        async fn province(&self) -> async_graphql::Result<Option<Province>> {
            Ok(self.0.province.as_deref().map(from_db::<Province>).transpose()?)
        }

        /// The city the figure is about, if one.
        ref city: Option<City> from city_id in city::Entity;

        /// The project the figure is about, if one.
        ref project: Option<Project> from project_id in project::Entity;

        /// The programme the figure is about, if one (e-Rozgaar's targets).
        ref programme: Option<Programme> from programme_id in programme::Entity;

        /// Caveats (which series, disagreements between sources).
        field notes: Option<&str>;

        /// Where the figure comes from, with as-of dates.
        children sources: Vec<Source> of SourcesOf<indicator::Model>;

        stamp;
    }
}

impl Served for entity::indicator::Model {
    const BY_ID: bool = true;
    const SOURCED: bool = true;
    const NODE: Option<&'static str> = Some("Indicator");
}

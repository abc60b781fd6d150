//! What clients send about parks: filters, sort keys, groupings, and the
//! inputs of their writes.

use async_graphql::{Enum, InputObject, MaybeUndefined};
use entity::park::{Column, Entity};
use sea_orm::sea_query::{Alias, Expr, ExprTrait};

use super::record::{ParkKind, ParkStatus};
use crate::domains::cities::CityFilter;
use crate::domains::firms::FirmFilter;
use crate::domains::organizations::OrganizationFilter;
use crate::domains::tenancies::park_ids_with_tenant;
use crate::graphql::kit::filters::{IntFilter, StringFilter, one_of};
use crate::store::filter::{Text, col};
use crate::writes::sources::SourceInput;

crate::entity_filter! {
    /// Which parks to include. All given fields must match; combine with `and`, `or`, `not`.
    ParkFilter on Entity {
        /// On the slug.
        slug: StringFilter => |f| f.condition(&Text::plain(col(Column::Slug))),
        /// On the name.
        name: StringFilter => |f| f.condition(&Text::folded(col(Column::Name), col(Column::NameFolded))),
        /// Of one of these kinds.
        kind: Vec<ParkKind> => |k| one_of(col(Column::Kind), k),
        /// With one of these statuses.
        status: Vec<ParkStatus> => |s| one_of(col(Column::Status), s),
        /// In a city matching this filter.
        city: CityFilter => |f| col(Column::CityId).in_subquery(f.ids()),
        /// Run by an organization matching this filter.
        operator: OrganizationFilter => |f| col(Column::OperatorId).in_subquery(f.ids()),
        /// On the covered area in square feet.
        area_sqft: IntFilter => |f| f.condition(col(Column::AreaSqft)),
        /// On the year the park opened.
        opened_year: IntFilter => |f| f.condition(col(Column::OpenedYear)),
        /// Parks with at least one tenant matching this filter.
        has_tenant: Box<FirmFilter> => |f| col(Column::Id).in_subquery(park_ids_with_tenant(f)),
    }
}

crate::entity_order! {
    /// One sort key for parks; ties are broken by id.
    ParkOrder by
    /// Fields parks can be sorted by.
    ParkOrderField {
        /// By name, ignoring case: lower-cased names by Unicode code point, the
        /// same on every database (so `Ölpark` follows `Zafar`).
        Name => required Text ("name_folded", col(Column::NameFolded)),
        /// By covered area (unknown areas last).
        AreaSqft => optional Int ("area_sqft", col(Column::AreaSqft)),
        /// By opening year (unknown years last).
        OpenedYear => optional Int ("opened_year", col(Column::OpenedYear)),
        /// By the number of tenancies recorded for the park.
        TenantCount => required Int ("tenant_count", tenant_count()),
        /// By distance from the point given as `near` (required with it);
        /// parks whose city has no point last.
        Distance => optional Float ("distance", Expr::value(0.0)),
    }
}

/// `park.tenant_count`: the park's tenancy rows, open or ended, kept by
/// database triggers (migration `m20261128_000006`). Not in the entity, as
/// nothing may write it.
pub(crate) fn tenant_count() -> Expr {
    Expr::col((Entity, Alias::new("tenant_count")))
}

/// What to group parks by.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum ParkGroupBy {
    /// By city; the key is the city's slug.
    City,
    /// By province; the key is the Province enum value.
    Province,
    /// By status; the key is the ParkStatus enum value.
    Status,
    /// By kind; the key is the ParkKind enum value.
    Kind,
    /// By operator; the key is the organization's slug, or `none`.
    Operator,
}

/// A new park.
#[derive(InputObject, Clone, Debug)]
pub struct CreateParkInput {
    /// Its stable public key: lower-case words joined by hyphens.
    pub slug: String,
    /// Its name.
    pub name: String,
    /// What kind of park it is.
    pub kind: ParkKind,
    /// Where it stands.
    pub status: ParkStatus,
    /// The slug of its city.
    pub city_slug: String,
    /// The slug of the organization that runs it. A key bound to an
    /// organization must name its own.
    pub operator_slug: Option<String>,
    /// Covered area in square feet (zero or more).
    pub area_sqft: Option<i64>,
    /// The year it opened (1900 to 2200).
    pub opened_year: Option<i32>,
    /// Its own point, where a page gives one; left out, it takes its
    /// city's.
    pub location: Option<ParkLocationInput>,
    /// Free-text notes.
    pub notes: Option<String>,
    /// Its citations.
    pub sources: Option<Vec<SourceInput>>,
}

/// Fields left out are unchanged; fields sent as null are cleared.
#[derive(InputObject, Clone, Debug)]
pub struct UpdateParkInput {
    /// Its name (cannot be null).
    pub name: MaybeUndefined<String>,
    /// What kind of park it is (cannot be null).
    pub kind: MaybeUndefined<ParkKind>,
    /// Where it stands (cannot be null).
    pub status: MaybeUndefined<ParkStatus>,
    /// The slug of its city (cannot be null).
    pub city_slug: MaybeUndefined<String>,
    /// The slug of the organization that runs it; null for none.
    pub operator_slug: MaybeUndefined<String>,
    /// Covered area in square feet.
    pub area_sqft: MaybeUndefined<i64>,
    /// The year it opened.
    pub opened_year: MaybeUndefined<i32>,
    /// Its own point, from a page that gives it; null: it takes its city's.
    pub location: MaybeUndefined<ParkLocationInput>,
    /// Free-text notes.
    pub notes: MaybeUndefined<String>,
    /// Replaces its citations (same URL: updated; missing: removed).
    pub sources: Option<Vec<SourceInput>>,
}

/// A park's own point, from a page that gives it.
#[derive(InputObject, Clone, Debug)]
pub struct ParkLocationInput {
    /// Degrees north, -90 to 90.
    pub latitude: f64,
    /// Degrees east, -180 to 180.
    pub longitude: f64,
    /// The http(s) page that gives the point.
    pub source_url: String,
}

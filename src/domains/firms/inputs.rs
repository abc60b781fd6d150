//! What clients send about firms: filters, sort keys, and the inputs of
//! their writes.

use async_graphql::{InputObject, MaybeUndefined};
use entity::firm::{Column, Entity};
use sea_orm::sea_query::ExprTrait;

use crate::domains::parks::ParkFilter;
use crate::domains::tenancies::firm_ids_in_parks;
use crate::graphql::kit::filters::{IntFilter, StringFilter};
use crate::store::filter::{Text, col};
use crate::writes::sources::SourceInput;

crate::entity_filter! {
    /// Which firms to include. All given fields must match; combine with `and`, `or`, `not`.
    FirmFilter on Entity {
        /// On the slug.
        slug: StringFilter => |f| f.condition(&Text::plain(col(Column::Slug))),
        /// On the name.
        name: StringFilter => |f| f.condition(&Text::folded(col(Column::Name), col(Column::NameFolded))),
        /// On the sector text.
        sector: StringFilter => |f| f.condition(&Text::folded(col(Column::Sector), col(Column::SectorFolded))),
        /// On the head count.
        employees: IntFilter => |f| f.condition(col(Column::Employees)),
        /// Firms with a tenancy in a park matching this filter.
        in_park: Box<ParkFilter> => |f| col(Column::Id).in_subquery(firm_ids_in_parks(f)),
    }
}

crate::entity_order! {
    /// One sort key for firms; ties are broken by id.
    FirmOrder by
    /// Fields firms can be sorted by.
    FirmOrderField {
        /// By name, ignoring case: lower-cased names by Unicode code point, the
        /// same on every database (so `Ölpark` follows `Zafar`).
        Name => required Text ("name_folded", col(Column::NameFolded)),
        /// By head count (unknown last).
        Employees => optional Int ("employees", col(Column::Employees)),
    }
}

/// A new firm.
#[derive(InputObject, Clone, Debug)]
pub struct CreateFirmInput {
    /// Its stable public key: lower-case words joined by hyphens.
    pub slug: String,
    /// Its name.
    pub name: String,
    /// What it does.
    pub sector: Option<String>,
    /// Head count (zero or more).
    pub employees: Option<i32>,
    /// Its citations.
    pub sources: Option<Vec<SourceInput>>,
}

/// Fields left out are unchanged; fields sent as null are cleared.
#[derive(InputObject, Clone, Debug)]
pub struct UpdateFirmInput {
    /// Its name (cannot be null).
    pub name: MaybeUndefined<String>,
    /// What it does.
    pub sector: MaybeUndefined<String>,
    /// Head count.
    pub employees: MaybeUndefined<i32>,
    /// Replaces its citations (same URL: updated; missing: removed).
    pub sources: Option<Vec<SourceInput>>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::seed::seeded_for_test;
    use crate::domains::parks::ParkFilter;
    use crate::graphql::kit::filters::StringFilter;
    use crate::store::listing::{PageArgs, Scope, list};

    #[tokio::test]
    async fn firms_are_found_by_the_park_they_rent_in() {
        let db = seeded_for_test().await;
        let park = ParkFilter {
            slug: Some(StringFilter {
                eq: Some("pseb-stp1-awami-markaz-islamabad".into()),
                ..Default::default()
            }),
            ..Default::default()
        };
        let filter = FirmFilter {
            in_park: Some(Box::new(park)),
            ..Default::default()
        };

        let args = PageArgs::new(Some(100), None, None, None);
        let page = list::<_, FirmOrder>(Some(filter), None, &args, Scope::Root)
            .unwrap()
            .fetch(&db)
            .await
            .unwrap();

        assert_eq!(page.items.len(), 18);
    }
}

//! What clients send about organizations: filters, sort keys, and the
//! inputs of their writes.

use async_graphql::{InputObject, MaybeUndefined};
use entity::organization::{Column, Entity};

use super::types::OrganizationKind;
use crate::graphql::kit::filters::{StringFilter, one_of};
use crate::store::filter::{Text, col};
use crate::writes::sources::SourceInput;

crate::entity_filter! {
    /// Which organizations to include. All given fields must match; combine with
    /// `and`, `or`, `not`.
    OrganizationFilter on Entity {
        /// On the slug.
        slug: StringFilter => |f| f.condition(&Text::plain(col(Column::Slug))),
        /// On the name.
        name: StringFilter => |f| f.condition(&Text::folded(col(Column::Name), col(Column::NameFolded))),
        /// Of one of these kinds.
        kind: Vec<OrganizationKind> => |k| one_of(col(Column::Kind), k),
    }
}

crate::entity_order! {
    /// One sort key for organizations; ties are broken by id.
    OrganizationOrder by
    /// Fields organizations can be sorted by.
    OrganizationOrderField {
        /// By name, ignoring case: lower-cased names by Unicode code point, the
        /// same on every database (so `Ölpark` follows `Zafar`).
        Name => required Text ("name_folded", col(Column::NameFolded)),
    }
}

/// A new organization.
#[derive(InputObject, Clone, Debug)]
pub struct CreateOrganizationInput {
    /// Its stable public key: lower-case words joined by hyphens (not `none`).
    pub slug: String,
    /// Its name.
    pub name: String,
    /// What kind of organization it is.
    pub kind: OrganizationKind,
    /// Its citations.
    pub sources: Option<Vec<SourceInput>>,
}

/// Fields left out are unchanged; fields sent as null are cleared.
#[derive(InputObject, Clone, Debug)]
pub struct UpdateOrganizationInput {
    /// Its name (cannot be null).
    pub name: MaybeUndefined<String>,
    /// What kind of organization it is (cannot be null).
    pub kind: MaybeUndefined<OrganizationKind>,
    /// Replaces its citations (same URL: updated; missing: removed).
    pub sources: Option<Vec<SourceInput>>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::seed::seeded_for_test;
    use crate::domains::organizations::OrganizationKind;
    use crate::store::listing::{PageArgs, Scope, list};

    #[tokio::test]
    async fn organizations_are_filtered_by_kind() {
        let db = seeded_for_test().await;
        let filter = OrganizationFilter {
            kind: Some(vec![OrganizationKind::University]),
            ..Default::default()
        };

        let listing =
            list::<_, OrganizationOrder>(Some(filter), None, &PageArgs::default(), Scope::Root)
                .unwrap();
        let page = listing.fetch(&db).await.unwrap();

        assert!(!page.items.is_empty());
        assert!(page.items.iter().all(|(_, o)| o.kind == "UNIVERSITY"));
    }
}

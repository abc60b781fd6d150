//! What clients send about programmes: the filter and sort keys of
//! `programmes`.

use entity::programme::{Column, Entity};

use crate::graphql::kit::filters::StringFilter;
use crate::store::filter::{Text, col};

crate::entity_filter! {
    /// Which programmes to include. All given fields must match; combine
    /// with `and`, `or`, `not`.
    ProgrammeFilter on Entity {
        /// On the slug.
        slug: StringFilter => |f| f.condition(&Text::plain(col(Column::Slug))),
    }
}

crate::entity_order! {
    /// One sort key for programmes; ties are broken by id.
    ProgrammeOrder by
    /// Fields programmes can be sorted by.
    ProgrammeOrderField {
        /// By launch date (a year sorts before its months); unknown last.
        LaunchedOn => optional Text ("launched_on", col(Column::LaunchedOn)),
    }
}

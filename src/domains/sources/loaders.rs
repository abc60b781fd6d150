use entity::source::{Column, Entity, Model};
use sea_orm::ColumnTrait;
use sea_orm::sea_query::Condition;

use crate::graphql::loaders::ChildOf;

/// The `record_type` stored for each kind of record.
macro_rules! sources_of {
    ($($(#[$doc:meta])* $name:ident => $record:literal;)*) => {$(
        $(#[$doc])*
        pub struct $name;

        impl ChildOf for $name {
            type Entity = Entity;
            fn parent_column() -> Column {
                Column::RecordId
            }
            fn parent_of(model: &Model) -> i32 {
                model.record_id
            }
            fn scope() -> Condition {
                Condition::all().add(Column::RecordType.eq($record))
            }
        }
    )*};
}

sources_of! {
    /// Sources of a city.
    CitySources => "city";
    /// Sources of an organization.
    OrganizationSources => "organization";
    /// Sources of a park.
    ParkSources => "park";
    /// Sources of a firm.
    FirmSources => "firm";
    /// Sources of a project.
    ProjectSources => "project";
    /// Sources of a milestone.
    MilestoneSources => "milestone";
    /// Sources of an indicator.
    IndicatorSources => "indicator";
}

use std::marker::PhantomData;

use entity::source::{Column, Entity, Model};
use sea_orm::ColumnTrait;
use sea_orm::sea_query::Condition;

use crate::records::Record;
use crate::store::prefetch::ChildOf;

/// The citations of records of `R`: the sources whose `record_type` is `R`'s.
pub struct SourcesOf<R>(PhantomData<fn() -> R>);

impl<R: Record> ChildOf for SourcesOf<R> {
    type Entity = Entity;
    fn parent_column() -> Column {
        Column::RecordId
    }
    fn parent_of(model: &Model) -> i32 {
        model.record_id
    }
    fn scope() -> Condition {
        Condition::all().add(Column::RecordType.eq(R::TYPE))
    }
}

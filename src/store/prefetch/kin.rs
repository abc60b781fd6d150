//! One-to-many relations: the children of many parents in one
//! `WHERE parent IN (...)` statement.

use std::collections::HashMap;

use sea_orm::sea_query::Condition;
use sea_orm::{ColumnTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QueryResult, QueryTrait};

use super::{Join, Prefetched, read_all};
use crate::store::Db;
use crate::store::rows::Reader;
use crate::store::table::{Table, in_list};

/// A one-to-many relation: which column of `Entity` points at the parent.
/// Domains name their relations with small marker types.
pub trait ChildOf: Send + Sync + 'static {
    /// The child table.
    type Entity: Table + Send + Sync;
    /// The column holding the parent's id.
    fn parent_column() -> <Self::Entity as EntityTrait>::Column;
    /// The parent id of a child row.
    fn parent_of(model: &<Self::Entity as EntityTrait>::Model) -> i32;
    /// Extra conditions (e.g. which record type a source belongs to).
    fn scope() -> Condition {
        Condition::all()
    }
    /// To-one relations of each child read in the same statement (a partner's
    /// organization).
    fn joins() -> Vec<Join> {
        Vec::new()
    }
}

/// A child's parent column: `i32`, or `Option<i32>` where a child may have
/// no parent (a project not yet linked to a park: parent 0, none).
pub trait ParentId {
    /// The parent's id (0 for none).
    fn parent(&self) -> i32;
}

impl ParentId for i32 {
    fn parent(&self) -> i32 {
        *self
    }
}

impl ParentId for Option<i32> {
    fn parent(&self) -> i32 {
        self.unwrap_or_default()
    }
}

/// `child_of! { /// docs  Name: module by Column(field) (, joins expr)? }`: a
/// [`ChildOf`] key for the rows of `module` whose `field` (column `Column`)
/// holds the parent's id, with the to-one relations `expr` read with them.
#[macro_export]
macro_rules! child_of {
    ($(#[$meta:meta])* $name:ident: $module:ident by $column:ident($field:ident) $(, joins $joins:expr)?) => {
        $(#[$meta])*
        pub struct $name;

        impl $crate::store::prefetch::ChildOf for $name {
            type Entity = $module::Entity;
            fn parent_column() -> $module::Column {
                $module::Column::$column
            }
            fn parent_of(model: &$module::Model) -> i32 {
                $crate::store::prefetch::ParentId::parent(&model.$field)
            }
            $(fn joins() -> Vec<$crate::store::prefetch::Join> {
                $joins
            })?
        }
    };
}

/// The row type of a relation's children.
pub type ModelOf<C> = <<C as ChildOf>::Entity as EntityTrait>::Model;

/// One parent's children, in id order, and their joined relations.
#[derive(Clone)]
pub struct Kin<M> {
    /// The children.
    pub rows: Vec<M>,
    /// Their joined relations.
    pub prefetched: Prefetched,
}

impl<M> Default for Kin<M> {
    fn default() -> Self {
        Self {
            rows: Vec::new(),
            prefetched: Prefetched::default(),
        }
    }
}

/// The children of each of `parents`, each parent's list in id order (an
/// empty one for a parent without children).
pub async fn children_of<C: ChildOf>(
    db: &Db,
    parents: &[i32],
) -> Result<HashMap<i32, Kin<ModelOf<C>>>, DbErr> {
    let mut select = C::Entity::find()
        .filter(C::parent_column().is_in(in_list(parents)))
        .filter(C::scope())
        .order_by_asc(<C::Entity as Table>::ID)
        .into_query();
    let joins = C::joins();
    for join in &joins {
        join.add_to(&mut select);
    }
    let rows = db.select_all(&select).await?;
    let mut grouped: HashMap<i32, (Vec<ModelOf<C>>, Vec<&QueryResult>)> = HashMap::new();
    let mut reader = Reader::<ModelOf<C>>::new("");
    for row in &rows {
        let model = reader.read(row)?;
        let family = grouped.entry(C::parent_of(&model)).or_default();
        family.0.push(model);
        family.1.push(row);
    }
    let mut out = HashMap::with_capacity(parents.len());
    for parent in parents {
        let (rows, read) = grouped.remove(parent).unwrap_or_default();
        let prefetched = read_all(&joins, &read)?;
        out.insert(*parent, Kin { rows, prefetched });
    }
    Ok(out)
}

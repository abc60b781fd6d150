//! Related rows read in the same statement as the rows that point at them:
//! `park LEFT JOIN city AS park_city ON park_city.id = park.city_id`, so a
//! query costs one statement per level of nesting instead of one per
//! relation. A single looked-up row can also carry its lists, as JSON (see
//! `children.rs`).
//!
//! Each [`Join`] comes with a [`Token`] from whoever asked for it (the
//! GraphQL side, which puts the rows into its per-request loaders); the
//! store hands the rows back with the token and never looks inside it.

mod children;
mod kin;

use std::any::Any;
use std::fmt;
use std::marker::PhantomData;
use std::sync::Arc;

use sea_orm::sea_query::{Alias, Expr, ExprTrait, SelectStatement};
use sea_orm::{
    ColumnTrait, DbErr, IdenStatic, Iterable, JoinType, QueryFilter, QueryResult, QueryTrait,
};
use serde::de::DeserializeOwned;

pub use kin::{ChildOf, Kin, ModelOf, ParentId, children_of};

use super::Db;
use super::rows::{Decode, Reader};
use super::table::Table;

/// Rows of any type, as a join hands them back.
pub type AnyRows = Arc<dyn Any + Send + Sync>;

/// Opaque to the store: what the caller of a join needs to know where its
/// rows go.
pub type Token = Arc<dyn Any + Send + Sync>;

/// A related table to read with a list's rows.
#[derive(Clone)]
pub struct Join {
    relation: Arc<dyn Relation>,
    token: Token,
}

impl Join {
    /// A to-one relation: `alias` names the joined table in SQL and must be
    /// unique to the relation (`park_city`); `foreign_key` is the column
    /// pointing at it. Its rows come back as a `Vec<E::Model>`.
    pub fn to<E>(alias: &'static str, foreign_key: impl ColumnTrait, token: Token) -> Self
    where
        E: Table + Send + Sync + 'static,
        E::Model: Decode + DeserializeOwned + Clone + Send + Sync + 'static,
    {
        let relation = ToOne::<E> {
            alias,
            prefix: format!("{alias}__"),
            foreign_key: Expr::col(foreign_key.as_column_ref()),
            entity: PhantomData,
        };
        Self {
            relation: Arc::new(relation),
            token,
        }
    }

    /// On PostgreSQL, the children `C` of the row a [`find_one`] reads, read
    /// in its statement as one JSON column named `alias`, with the to-one
    /// relations of each child (`C::joins`); `parent_id` is the parent's `id`
    /// column. They come back as a `Vec<(i32, Kin<ModelOf<C>>)>`. See
    /// `children.rs`.
    pub fn children<C>(alias: &'static str, parent_id: impl ColumnTrait, token: Token) -> Self
    where
        C: ChildOf,
        ModelOf<C>: DeserializeOwned + Clone + Send + Sync + 'static,
    {
        Self {
            relation: Arc::new(children::ToMany::<C>::new(alias, parent_id)),
            token,
        }
    }

    /// Adds the join and the related table's columns to `select`.
    pub fn add_to(&self, select: &mut SelectStatement) {
        self.relation.add_to(select);
    }
}

impl PartialEq for Join {
    fn eq(&self, other: &Self) -> bool {
        self.relation.alias() == other.relation.alias()
    }
}

impl fmt::Debug for Join {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Join({})", self.relation.alias())
    }
}

/// The rows one join read, with its token.
#[derive(Clone)]
pub struct Fetched {
    /// The rows (see [`Join::to`] and [`Join::children`] for their type).
    pub rows: AnyRows,
    /// The join's token.
    pub token: Token,
}

/// Related rows read with a list, waiting to be handed on.
#[derive(Clone, Default)]
pub struct Prefetched(pub Vec<Fetched>);

impl fmt::Debug for Prefetched {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Prefetched({} relations)", self.0.len())
    }
}

/// Reads every join of `joins` from `rows`.
pub fn read_all(joins: &[Join], rows: &[&QueryResult]) -> Result<Prefetched, DbErr> {
    let mut out = Prefetched::default();
    for join in joins {
        out.0.push(Fetched {
            rows: join.relation.read(rows)?,
            token: join.token.clone(),
        });
    }
    Ok(out)
}

/// The row of `E` whose `column` equals `value` (a slug), with `joins` read
/// in the same statement.
pub async fn find_one<E>(
    db: &Db,
    column: E::Column,
    value: &str,
    joins: &[Join],
) -> Result<Option<(E::Model, Prefetched)>, DbErr>
where
    E: Table,
{
    let mut select = E::find().filter(column.eq(value)).into_query();
    for join in joins {
        join.add_to(&mut select);
    }
    let Some(row) = db.select_one(&select).await? else {
        return Ok(None);
    };
    let prefetched = read_all(joins, &[&row])?;
    let model = Reader::<E::Model>::new("").read(&row)?;
    Ok(Some((model, prefetched)))
}

trait Relation: Send + Sync {
    fn alias(&self) -> &'static str;
    fn add_to(&self, select: &mut SelectStatement);
    fn read(&self, rows: &[&QueryResult]) -> Result<AnyRows, DbErr>;
    /// PostgreSQL: joins the table to `select` (no columns) and returns a
    /// JSON object of the joined row, for a child's row in [`children`].
    fn json_of(&self, select: &mut SelectStatement) -> String;
    /// Reads the objects [`Relation::json_of`] made, one per child (null
    /// where the child has no related row).
    fn read_json(&self, values: Vec<serde_json::Value>) -> Result<AnyRows, DbErr>;
}

struct ToOne<E> {
    alias: &'static str,
    prefix: String,
    foreign_key: Expr,
    entity: PhantomData<fn() -> E>,
}

impl<E> Relation for ToOne<E>
where
    E: Table + Send + Sync + 'static,
    E::Model: Decode + DeserializeOwned + Clone + Send + Sync + 'static,
{
    fn alias(&self) -> &'static str {
        self.alias
    }

    fn add_to(&self, select: &mut SelectStatement) {
        self.join(select);
        let table = Alias::new(self.alias);
        for column in E::Column::iter() {
            select.expr_as(
                Expr::col((table.clone(), column)),
                Alias::new(format!("{}{}", self.prefix, column.as_str())),
            );
        }
    }

    fn read(&self, rows: &[&QueryResult]) -> Result<AnyRows, DbErr> {
        let mut models = Vec::with_capacity(rows.len());
        let mut reader = Reader::<E::Model>::new(&self.prefix);
        for row in rows {
            models.extend(reader.read_joined(row)?);
        }
        Ok(Arc::new(models))
    }

    fn json_of(&self, select: &mut SelectStatement) -> String {
        self.join(select);
        children::json_object::<E>(self.alias)
    }

    fn read_json(&self, values: Vec<serde_json::Value>) -> Result<AnyRows, DbErr> {
        let models = children::models::<E>(values.into_iter().filter(|v| !v.is_null()))?;
        Ok(Arc::new(models))
    }
}

impl<E: Table> ToOne<E> {
    fn join(&self, select: &mut SelectStatement) {
        let table = Alias::new(self.alias);
        select.join_as(
            JoinType::LeftJoin,
            E::default(),
            table.clone(),
            Expr::col((table, E::ID)).eq(self.foreign_key.clone()),
        );
    }
}

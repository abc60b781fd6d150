//! To-one relations read in the same statement as the rows that point at them:
//! `park LEFT JOIN city AS park_city ON park_city.id = park.city_id`. The
//! joined rows go into the request's [`ById`] loaders, so `park { city }`
//! resolves from their cache, and a query costs one statement per level of
//! nesting instead of one per relation.
//!
//! Lists join a relation only when the query selects it (see [`selects`]);
//! small child lists (a project's partners) join theirs always. A single
//! row can also carry its children, as JSON (see [`children`]).

mod children;

use std::fmt;
use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;
use std::sync::Arc;

use async_graphql::Context;
use sea_orm::sea_query::{Alias, Expr, ExprTrait, SelectStatement};
use sea_orm::{
    ColumnTrait, DbBackend, DbErr, EntityTrait, IdenStatic, Iterable, JoinType, QueryFilter,
    QueryResult, QueryTrait,
};
use serde::de::DeserializeOwned;

use crate::error::{AppError, AppResult};
use crate::graphql::kit::loader::{ById, ChildOf, ModelOf, RequestLoader};
use crate::store::Db;
use crate::store::rows::{Decode, Reader};
use crate::store::table::Table;

/// A to-one relation to read with a list's rows.
#[derive(Clone)]
pub struct Join(Arc<dyn Relation>);

impl Join {
    /// `alias` names the joined table in SQL and must be unique to the
    /// relation (`park_city`); `foreign_key` is the column pointing at it.
    pub fn to<E>(alias: &'static str, foreign_key: impl ColumnTrait) -> Self
    where
        E: Table + Send + Sync + 'static,
        E::Model: Decode + DeserializeOwned + Clone + Send + Sync + 'static,
    {
        Self(Arc::new(ToOne::<E> {
            alias,
            prefix: format!("{alias}__"),
            foreign_key: Expr::col(foreign_key.as_column_ref()),
            entity: PhantomData,
        }))
    }

    /// On PostgreSQL, the children `C` of the row a [`find_one`] reads, read
    /// in its statement as one JSON column named `alias`, and the to-one
    /// relations of each child (`C::joins`) with them; `parent_id` is the
    /// parent's `id` column. See [`children`].
    pub fn children<C>(alias: &'static str, parent_id: impl ColumnTrait) -> Self
    where
        C: ChildOf,
        ModelOf<C>: DeserializeOwned + Clone + Send + Sync + 'static,
    {
        Self(Arc::new(children::ToMany::<C>::new(alias, parent_id)))
    }

    /// Adds the join and the related table's columns to `select`.
    pub fn add_to(&self, select: &mut SelectStatement) {
        self.0.add_to(select);
    }
}

impl PartialEq for Join {
    fn eq(&self, other: &Self) -> bool {
        self.0.alias() == other.0.alias()
    }
}

impl fmt::Debug for Join {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Join({})", self.0.alias())
    }
}

/// Reads every join of `joins` from `rows`.
pub fn read_all(joins: &[Join], rows: &[&QueryResult]) -> Result<Prefetched, DbErr> {
    let mut out = Prefetched::default();
    for join in joins {
        out.0.push(join.0.read(rows)?);
    }
    Ok(out)
}

/// Related rows read with a list, waiting to be handed to the loaders.
#[derive(Clone, Default)]
pub struct Prefetched(Vec<Arc<dyn Feed>>);

impl Prefetched {
    /// Puts the rows into this request's loader caches.
    pub async fn feed(&self, ctx: &Context<'_>) -> AppResult<()> {
        for rows in &self.0 {
            rows.feed(ctx).await?;
        }
        Ok(())
    }
}

impl fmt::Debug for Prefetched {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Prefetched({} relations)", self.0.len())
    }
}

/// Whether a lookup reads the lists it selects in its own statement, with
/// [`Join::children`]: on PostgreSQL, where a statement costs a round trip.
pub fn nests_children(ctx: &Context<'_>) -> bool {
    Db::backend_of(ctx) == DbBackend::Postgres
}

/// True when the current field (an object) selects `field`, directly or
/// through fragments.
pub fn selects(ctx: &Context<'_>, field: &str) -> bool {
    ctx.look_ahead().field(field).exists()
}

/// True when the current field (a connection) selects `field` of its nodes,
/// under `nodes` or `edges { node }`.
pub fn selects_in_nodes(ctx: &Context<'_>, field: &str) -> bool {
    let look = ctx.look_ahead();
    look.field("nodes").field(field).exists()
        || look.field("edges").field("node").field(field).exists()
}

/// The names of the fields the current field (a connection) selects on its
/// nodes, under `nodes` or `edges { node }`, fragments included.
pub fn node_fields<'a>(ctx: &'a Context<'_>) -> Vec<&'a str> {
    let look = ctx.look_ahead();
    let edges = look.field("edges");
    let nodes = edges.selection_fields().into_iter().flat_map(|e| {
        e.selection_set()
            .filter(|f| f.name() == "node")
            .collect::<Vec<_>>()
    });
    let nodes = look
        .field("nodes")
        .selection_fields()
        .into_iter()
        .chain(nodes);
    nodes
        .flat_map(|n| n.selection_set().map(|f| f.name()).collect::<Vec<_>>())
        .collect()
}

/// The row of `E` whose `column` equals `value` (a slug), with `joins` read
/// in the same statement and fed to the loaders, as is the row itself.
pub async fn find_one<E>(
    ctx: &Context<'_>,
    column: E::Column,
    value: &str,
    joins: &[Join],
) -> AppResult<Option<E::Model>>
where
    E: Table + Send + Sync + 'static,
    E::Model: Clone + Send + Sync + 'static,
{
    let db = ctx.data::<Db>().map_err(missing)?;
    let mut select = E::find().filter(column.eq(value)).into_query();
    for join in joins {
        join.add_to(&mut select);
    }
    let Some(row) = db.select_one(&select).await? else {
        return Ok(None);
    };
    read_all(joins, &[&row])?.feed(ctx).await?;
    let model = Reader::<E::Model>::new("").read(&row)?;
    // Its children may point back at it (a park's projects' `park`).
    let loader = ctx.data::<RequestLoader<ById<E>>>().map_err(missing)?;
    loader.feed_one(E::id_of(&model), model.clone()).await;
    Ok(Some(model))
}

type Feeding<'a> = Pin<Box<dyn Future<Output = AppResult<()>> + Send + 'a>>;

trait Relation: Send + Sync {
    fn alias(&self) -> &'static str;
    fn add_to(&self, select: &mut SelectStatement);
    fn read(&self, rows: &[&QueryResult]) -> Result<Arc<dyn Feed>, DbErr>;
    /// PostgreSQL: joins the table to `select` (no columns) and returns a
    /// JSON object of the joined row, for a child's row in [`children`].
    fn json_of(&self, select: &mut SelectStatement) -> String;
    /// Reads the objects [`Relation::json_of`] made, one per child (null
    /// where the child has no related row).
    fn read_json(&self, values: Vec<serde_json::Value>) -> Result<Arc<dyn Feed>, DbErr>;
}

trait Feed: Send + Sync {
    fn feed<'a>(&'a self, ctx: &'a Context<'_>) -> Feeding<'a>;
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

    fn read(&self, rows: &[&QueryResult]) -> Result<Arc<dyn Feed>, DbErr> {
        let mut models = Vec::with_capacity(rows.len());
        let mut reader = Reader::<E::Model>::new(&self.prefix);
        for row in rows {
            models.extend(reader.read_joined(row)?);
        }
        Ok(Arc::new(Rows::<E>(models)))
    }

    fn json_of(&self, select: &mut SelectStatement) -> String {
        self.join(select);
        children::json_object::<E>(self.alias)
    }

    fn read_json(&self, values: Vec<serde_json::Value>) -> Result<Arc<dyn Feed>, DbErr> {
        let models = children::models::<E>(values.into_iter().filter(|v| !v.is_null()))?;
        Ok(Arc::new(Rows::<E>(models)))
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

struct Rows<E: EntityTrait>(Vec<E::Model>);

impl<E> Feed for Rows<E>
where
    E: Table + Send + Sync + 'static,
    E::Model: Clone + Send + Sync + 'static,
{
    fn feed<'a>(&'a self, ctx: &'a Context<'_>) -> Feeding<'a> {
        Box::pin(async move {
            let loader = ctx.data::<RequestLoader<ById<E>>>().map_err(missing)?;
            let rows = self.0.iter().map(|m| (E::id_of(m), m.clone()));
            loader.feed_many(rows).await;
            Ok(())
        })
    }
}

// Loaders are always registered; their absence is a wiring bug.
fn missing(err: async_graphql::Error) -> AppError {
    AppError::Internal(anyhow::anyhow!("missing context data: {}", err.message))
}

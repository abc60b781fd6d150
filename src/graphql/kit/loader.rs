//! The two generic DataLoader shapes every domain uses: rows by id, and the
//! children of many parents in one `WHERE parent IN (...)` query. Domains name
//! their relations with small marker types (see `parks/loaders.rs`).

use std::collections::HashMap;
use std::marker::PhantomData;
use std::sync::Arc;

use async_graphql::Context;
use async_graphql::dataloader::{DataLoader, HashMapCache, Loader};
use sea_orm::sea_query::Condition;
use sea_orm::{ColumnTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QueryResult, QueryTrait};

use crate::error::AppError;
use crate::store::Db;
use crate::store::prefetch::{Join, Prefetched, read_all};
use crate::store::rows::Reader;
pub use crate::store::table::Table;

/// A DataLoader that lives for one request and caches what it loaded.
pub type RequestLoader<L> = DataLoader<L, HashMapCache>;

/// Loads rows of `E` by id.
pub struct ById<E> {
    db: Db,
    entity: PhantomData<fn() -> E>,
}

impl<E> ById<E> {
    /// A loader on this database.
    pub fn new(db: Db) -> Self {
        Self {
            db,
            entity: PhantomData,
        }
    }
}

impl<E> Loader<i32> for ById<E>
where
    E: Table + Send + Sync + 'static,
    E::Model: Send + Sync + Clone + 'static,
{
    type Value = E::Model;
    type Error = Arc<DbErr>;

    async fn load(&self, ids: &[i32]) -> Result<HashMap<i32, E::Model>, Self::Error> {
        let select = E::find()
            .filter(E::ID.is_in(ids.iter().copied()))
            .into_query();
        let rows = self.db.select_all(&select).await?;
        let mut reader = Reader::<E::Model>::new("");
        let mut models = HashMap::with_capacity(rows.len());
        for row in &rows {
            let model = reader.read(row)?;
            models.insert(E::id_of(&model), model);
        }
        Ok(models)
    }
}

/// A one-to-many relation: which column of `Entity` points at the parent.
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
    /// organization); see [`crate::store::prefetch`].
    fn joins() -> Vec<Join> {
        Vec::new()
    }
}

/// One parent's children, in id order, and their joined relations.
#[derive(Clone)]
pub struct Kin<M> {
    rows: Vec<M>,
    prefetched: Prefetched,
}

impl<M> Kin<M> {
    /// Children read elsewhere (see [`crate::store::prefetch::Join::children`]).
    pub fn new(rows: Vec<M>, prefetched: Prefetched) -> Self {
        Self { rows, prefetched }
    }
}

impl<M> Default for Kin<M> {
    fn default() -> Self {
        Self {
            rows: Vec::new(),
            prefetched: Prefetched::default(),
        }
    }
}

/// Loads the children of many parents, each parent's list in id order.
pub struct Children<C> {
    db: Db,
    relation: PhantomData<fn() -> C>,
}

impl<C> Children<C> {
    /// A loader on this database.
    pub fn new(db: Db) -> Self {
        Self {
            db,
            relation: PhantomData,
        }
    }
}

/// The row type of a relation's children.
pub type ModelOf<C> = <<C as ChildOf>::Entity as EntityTrait>::Model;

impl<C> Loader<i32> for Children<C>
where
    C: ChildOf,
    ModelOf<C>: Send + Sync + Clone + 'static,
{
    type Value = Kin<ModelOf<C>>;
    type Error = Arc<DbErr>;

    async fn load(&self, parents: &[i32]) -> Result<HashMap<i32, Self::Value>, Self::Error> {
        let mut select = C::Entity::find()
            .filter(C::parent_column().is_in(parents.iter().copied()))
            .filter(C::scope())
            .order_by_asc(<C::Entity as Table>::ID)
            .into_query();
        let joins = C::joins();
        for join in &joins {
            join.add_to(&mut select);
        }
        let rows = self.db.select_all(&select).await?;
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
}

/// The children of one parent, batched with its siblings' requests.
pub async fn children<C>(ctx: &Context<'_>, parent: i32) -> async_graphql::Result<Vec<ModelOf<C>>>
where
    C: ChildOf,
    ModelOf<C>: Send + Sync + Clone + 'static,
{
    let loader = ctx.data::<RequestLoader<Children<C>>>()?;
    let kin = loader
        .load_one(parent)
        .await
        .map_err(AppError::from)?
        .unwrap_or_default();
    kin.prefetched.feed(ctx).await?;
    Ok(kin.rows)
}

/// One row by id, batched with its siblings' requests.
pub async fn by_id<E>(ctx: &Context<'_>, id: i32) -> async_graphql::Result<Option<E::Model>>
where
    E: Table + Send + Sync + 'static,
    E::Model: Send + Sync + Clone + 'static,
{
    let loader = ctx.data::<RequestLoader<ById<E>>>()?;
    Ok(loader.load_one(id).await.map_err(AppError::from)?)
}

/// The row whose `column` (its slug) equals `slug`, if any. Not batched: root
/// lookups ask for one row.
pub async fn by_slug<E: EntityTrait>(
    ctx: &Context<'_>,
    column: E::Column,
    slug: &str,
) -> async_graphql::Result<Option<E::Model>> {
    let db = ctx.data::<Db>()?;
    Ok(db
        .find_one::<E>(column, slug)
        .await
        .map_err(AppError::from)?)
}

/// Like [`by_id`], for a reference the schema guarantees (a foreign key).
pub async fn required<E>(ctx: &Context<'_>, id: i32) -> async_graphql::Result<E::Model>
where
    E: Table + Send + Sync + 'static,
    E::Model: Send + Sync + Clone + 'static,
{
    by_id::<E>(ctx, id).await?.ok_or_else(|| {
        crate::error::internal(format!(
            "dangling reference to {} {id}",
            E::default().table_name()
        ))
    })
}

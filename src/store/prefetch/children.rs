//! A row's children read in the row's own statement, on PostgreSQL.
//!
//! `project(slug:) { partners { organization } milestones }` read the
//! project, then its partners with their organizations, then its milestones:
//! three statements, which is one per level of nesting, but each statement
//! costs PostgreSQL about as much again in fixed work (locks, portal,
//! protocol) as in reading rows, and the server a round trip. For the one
//! row a lookup returns, each list is instead a scalar subquery that gathers
//! the children as a JSON array, in id order:
//!
//! ```sql
//! (SELECT json_agg(json_build_array(json_build_object('id', "project_partner"."id", ...),
//!                                   json_build_object(... "partner_organization" ...))
//!                  ORDER BY "project_partner"."id")::text
//!    FROM "project_partner" LEFT JOIN "organization" AS "partner_organization" ON ...
//!   WHERE "project_partner"."project_id" = "project"."id") AS "project_partners"
//! ```
//!
//! and each parent's lists come back as `(parent id, Kin)` pairs (the
//! GraphQL side puts them into its child loaders, so the resolvers read them
//! from the cache as if a loader had read them).
//! SQLite runs in the server's process, where a statement costs no round
//! trip; there the loaders read the lists as before.

use std::marker::PhantomData;
use std::sync::Arc;

use sea_orm::sea_query::{Alias, Expr, ExprTrait, Query, SelectStatement, SubQueryStatement};
use sea_orm::{ColumnTrait, DbErr, EntityName, EntityTrait, IdenStatic, Iterable, QueryResult};
use serde::de::DeserializeOwned;

use super::{AnyRows, ChildOf, Fetched, Kin, ModelOf, Prefetched, Relation};
use crate::store::table::Table;

/// The children `C` of a looked-up row, as one JSON column.
pub(super) struct ToMany<C> {
    alias: &'static str,
    parent_id: Expr,
    relation: PhantomData<fn() -> C>,
}

impl<C> ToMany<C> {
    pub(super) fn new(alias: &'static str, parent_id: impl ColumnTrait) -> Self {
        Self {
            alias,
            parent_id: Expr::col(parent_id.as_column_ref()),
            relation: PhantomData,
        }
    }
}

impl<C> Relation for ToMany<C>
where
    C: ChildOf,
    ModelOf<C>: DeserializeOwned + Clone + Send + Sync + 'static,
{
    fn alias(&self) -> &'static str {
        self.alias
    }

    fn add_to(&self, select: &mut SelectStatement) {
        let table = C::Entity::default();
        let name = table.table_name();
        let mut children = Query::select()
            .from(table)
            .and_where(Expr::col((table, C::parent_column())).eq(self.parent_id.clone()))
            .cond_where(C::scope())
            .to_owned();
        let mut row = vec![json_object::<C::Entity>(name)];
        for join in C::joins() {
            row.push(join.relation.json_of(&mut children));
        }
        children.expr(Expr::cust(format!(
            "json_agg(json_build_array({}) ORDER BY \"{name}\".\"id\")::text",
            row.join(", ")
        )));
        select.expr_as(
            Expr::SubQuery(None, Box::new(SubQueryStatement::SelectStatement(children))),
            Alias::new(self.alias),
        );
    }

    fn read(&self, rows: &[&QueryResult]) -> Result<AnyRows, DbErr> {
        let joins = C::joins();
        let mut families = Vec::with_capacity(rows.len());
        for row in rows {
            let parent: i32 = row.try_get("", "id")?;
            let json: Option<String> = row.try_get("", self.alias)?;
            // json_agg over no rows is NULL: no children.
            let list: Vec<Vec<serde_json::Value>> = match json {
                Some(text) => serde_json::from_str(&text).map_err(json_error)?,
                None => Vec::new(),
            };
            let mut own = Vec::with_capacity(list.len());
            let mut related = vec![Vec::with_capacity(list.len()); joins.len()];
            for values in list {
                let mut values = values.into_iter();
                own.push(values.next().unwrap_or_default());
                for (column, value) in related.iter_mut().zip(values) {
                    column.push(value);
                }
            }
            let mut prefetched = Prefetched::default();
            for (join, values) in joins.iter().zip(related) {
                prefetched.0.push(Fetched {
                    rows: join.relation.read_json(values)?,
                    token: join.token.clone(),
                });
            }
            let rows = models::<C::Entity>(own)?;
            families.push((parent, Kin { rows, prefetched }));
        }
        Ok(Arc::new(families))
    }

    // Children nest under a looked-up row only, not under other children;
    // a `ChildOf::joins` that lists some fails its requests, it does not
    // panic the server.
    fn json_of(&self, _select: &mut SelectStatement) -> String {
        "NULL".to_owned()
    }

    fn read_json(&self, _values: Vec<serde_json::Value>) -> Result<AnyRows, DbErr> {
        Err(DbErr::Custom(format!(
            "{}: children cannot nest under children",
            self.alias
        )))
    }
}

/// `json_build_object('id', "alias"."id", ...)` over the columns of `E`.
/// Keys are column names, which are the model's field names.
pub(super) fn json_object<E: EntityTrait>(alias: &str) -> String {
    let fields: Vec<String> = E::Column::iter()
        .map(|c| format!("'{0}', \"{alias}\".\"{0}\"", c.as_str()))
        .collect();
    format!("json_build_object({})", fields.join(", "))
}

/// Models from the objects of [`json_object`].
pub(super) fn models<E: Table>(
    values: impl IntoIterator<Item = serde_json::Value>,
) -> Result<Vec<E::Model>, DbErr>
where
    E::Model: DeserializeOwned,
{
    values
        .into_iter()
        .map(|v| serde_json::from_value(v).map_err(json_error))
        .collect()
}

fn json_error(err: serde_json::Error) -> DbErr {
    DbErr::Json(err.to_string())
}

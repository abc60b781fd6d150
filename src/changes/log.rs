//! Reading the change log outside a page of it: where it ends.

use entity::change::{Column, Entity};
use sea_orm::sea_query::{Expr, Func};
use sea_orm::{ConnectionTrait, DbErr, EntityTrait, QuerySelect};

/// The id of the latest change in the log, if any: one indexed read.
pub async fn head<C: ConnectionTrait>(conn: &C) -> Result<Option<i32>, DbErr> {
    let latest: Option<Option<i32>> = Entity::find()
        .select_only()
        .column_as(Expr::from(Func::max(Expr::col(Column::Id))), "id")
        .into_tuple()
        .one(conn)
        .await?;
    Ok(latest.flatten())
}

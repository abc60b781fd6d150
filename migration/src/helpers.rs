//! Small builders shared by the migrations, so every table gets the same
//! bookkeeping columns and every index the same naming.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{integer, pk_auto, string};

/// `version` (bumped on every write, for optimistic concurrency) and
/// `updated_at` (ISO-8601, set by the application).
pub fn bookkeeping(table: &mut TableCreateStatement) -> &mut TableCreateStatement {
    table
        .col(integer(Alias::new("version")).default(1))
        .col(string(Alias::new("updated_at")))
}

/// A foreign key from `table.column` to `target.id`.
pub fn fk(table: &str, column: &str, target: &str) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(format!("fk_{table}_{column}"))
        .from(Alias::new(table), Alias::new(column))
        .to(Alias::new(target), Alias::new("id"))
        .on_delete(ForeignKeyAction::Restrict)
        .to_owned()
}

/// An index on `(columns..., id)`. Ending every index with the primary key makes
/// keyset pages and per-parent pages ("first 20 tenancies of park 7 by id")
/// index range scans instead of a sort over every row of the parent.
pub fn index_with_id(table: &str, columns: &[&str]) -> IndexCreateStatement {
    let mut index = Index::create();
    index
        .name(format!("ix_{table}_{}", columns.join("_")))
        .table(Alias::new(table))
        .if_not_exists();
    for column in columns {
        index.col(Alias::new(*column));
    }
    index.col(Alias::new("id"));
    index.to_owned()
}

/// A unique index over `columns`.
pub fn unique(table: &str, columns: &[&str]) -> IndexCreateStatement {
    let mut index = Index::create();
    index
        .name(format!("ux_{table}_{}", columns.join("_")))
        .table(Alias::new(table))
        .unique()
        .if_not_exists();
    for column in columns {
        index.col(Alias::new(*column));
    }
    index.to_owned()
}

/// Creates each index in turn.
pub async fn create_indexes(
    manager: &SchemaManager<'_>,
    indexes: Vec<IndexCreateStatement>,
) -> Result<(), DbErr> {
    for index in indexes {
        manager.create_index(index).await?;
    }
    Ok(())
}

/// `id`, the auto-increment primary key.
pub fn id() -> ColumnDef {
    pk_auto(Alias::new("id"))
}

/// A text column compared byte by byte on both backends: SQLite's default,
/// `COLLATE "C"` on PostgreSQL, whose default collations may skip the
/// hyphens of a partial ISO date (`2025-06` against `2025-06-30`).
pub fn bytewise_text(postgres: bool, name: &str) -> ColumnDef {
    let mut column = ColumnDef::new(Alias::new(name));
    column.text();
    if postgres {
        column.extra("COLLATE \"C\"");
    }
    column
}

/// Adds `column` to `table`.
pub async fn add_column(
    manager: &SchemaManager<'_>,
    table: &str,
    mut column: ColumnDef,
) -> Result<(), DbErr> {
    let alter = Table::alter()
        .table(Alias::new(table))
        .add_column(&mut column)
        .to_owned();
    manager.alter_table(alter).await
}

/// Drops column `name` of `table`.
pub async fn drop_column(
    manager: &SchemaManager<'_>,
    table: &str,
    name: &str,
) -> Result<(), DbErr> {
    let alter = Table::alter()
        .table(Alias::new(table))
        .drop_column(Alias::new(name))
        .to_owned();
    manager.alter_table(alter).await
}

/// An integer column that may be null.
pub fn optional_id(name: &str) -> ColumnDef {
    let mut column = ColumnDef::new(Alias::new(name));
    column.integer();
    column
}

/// Adds `column` to `table`, an optional id of a `target` row, with its
/// FOREIGN KEY. Both backends take this statement; sea-query's ALTER cannot
/// say REFERENCES on SQLite. Dropping the column again works on both.
pub async fn add_reference(
    manager: &SchemaManager<'_>,
    table: &str,
    column: &str,
    target: &str,
) -> Result<(), DbErr> {
    let sql = format!(
        "ALTER TABLE {table} ADD COLUMN {column} INTEGER REFERENCES {target} (id) ON DELETE RESTRICT"
    );
    manager.get_connection().execute_unprepared(&sql).await?;
    Ok(())
}

/// `CREATE TABLE IF NOT EXISTS name (id ...)`, for the columns to follow;
/// [`create_record_table`] adds the bookkeeping columns and runs it.
pub fn record_table(name: &str) -> TableCreateStatement {
    let mut table = Table::create();
    table.table(Alias::new(name)).if_not_exists().col(id());
    table
}

/// Creates `table` with the bookkeeping columns every record has.
pub async fn create_record_table(
    manager: &SchemaManager<'_>,
    mut table: TableCreateStatement,
) -> Result<(), DbErr> {
    manager
        .create_table(bookkeeping(&mut table).to_owned())
        .await
}

/// Drops table `name`.
pub async fn drop_table(manager: &SchemaManager<'_>, name: &str) -> Result<(), DbErr> {
    manager
        .drop_table(Table::drop().table(Alias::new(name)).to_owned())
        .await
}

/// Runs `postgres` or `sqlite`, whichever is the database's, in order: SQL
/// written per backend (triggers, their functions).
pub async fn run_per_backend<S: AsRef<str>>(
    manager: &SchemaManager<'_>,
    postgres: &[S],
    sqlite: &[S],
) -> Result<(), DbErr> {
    let statements = match manager.get_database_backend() {
        sea_orm::DbBackend::Postgres => postgres,
        _ => sqlite,
    };
    for sql in statements {
        manager
            .get_connection()
            .execute_unprepared(sql.as_ref())
            .await?;
    }
    Ok(())
}

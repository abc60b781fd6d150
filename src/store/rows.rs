//! Rows read by column position instead of by name.
//!
//! sea-orm's derived `FromQueryResult` looks every column up by name: it
//! formats `"{prefix}{column}"`, hashes it to find the column, and checks the
//! value's SQL type against the Rust type, for every column of every row. On
//! a page of 20 parks with their cities that was a quarter of the server's
//! instructions. A [`Reader`] finds where a model's columns start once per
//! result set, checks that they are all there in the declared order and have
//! the right types on the first row, and then reads each later row by
//! position. When the columns are not laid out as expected it reads by name,
//! as sea-orm would.

use sea_orm::sqlx::{self, Column, Postgres, Row, Sqlite};
use sea_orm::{DbErr, FromQueryResult, QueryResult};

/// Which of a row type's [`Decode::COLUMNS`] a statement selects: bit `i`
/// for column `i`. Fields whose column is not selected are left at their
/// default (empty text, zero, null), so only a caller that knows which
/// fields will be read may leave columns out.
pub type Wanted = u64;

/// Every column.
pub const ALL: Wanted = Wanted::MAX;

/// Column `i` alone.
pub const fn bit(i: usize) -> Wanted {
    1 << i
}

/// A row type that a [`Reader`] can read.
pub trait Decode: FromQueryResult {
    /// The columns read by position, in order; none reads by name.
    const COLUMNS: &'static [&'static str] = &[];

    /// Reads the row whose `wanted` [`Decode::COLUMNS`] start at `first`;
    /// `check` also checks each value's SQL type.
    fn read_at(
        row: &QueryResult,
        _first: usize,
        _check: bool,
        _wanted: Wanted,
    ) -> Result<Self, DbErr> {
        Self::from_query_result(row, "")
    }
}

/// Whether column `i` is in `wanted`.
pub fn wants(wanted: Wanted, i: usize) -> bool {
    i >= Wanted::BITS as usize || wanted & (1 << i) != 0
}

/// Reads the rows of one result set.
pub struct Reader<'p, T> {
    prefix: &'p str,
    wanted: Wanted,
    // Where T's columns start; found from the first row.
    first: Option<Option<usize>>,
    // Whether a row was read with its types checked.
    checked: bool,
    _row: std::marker::PhantomData<fn() -> T>,
}

impl<'p, T: Decode> Reader<'p, T> {
    /// A reader for columns named `{prefix}{column}`.
    pub fn new(prefix: &'p str) -> Self {
        Self {
            prefix,
            wanted: ALL,
            first: None,
            checked: false,
            _row: std::marker::PhantomData,
        }
    }

    /// A reader of only the `wanted` columns, the others left at their default.
    pub fn wanting(mut self, wanted: Wanted) -> Self {
        self.wanted = wanted;
        self
    }

    /// Reads one row; every row given must come from the same result set.
    pub fn read(&mut self, row: &QueryResult) -> Result<T, DbErr> {
        match self.first(row) {
            Some(first) => {
                let model = T::read_at(row, first, !self.checked, self.wanted)?;
                self.checked = true;
                Ok(model)
            }
            None => T::from_query_result(row, self.prefix),
        }
    }

    /// Reads one row of a LEFT JOIN: `None` when its `id` column is NULL.
    pub fn read_joined(&mut self, row: &QueryResult) -> Result<Option<T>, DbErr> {
        let id: Option<i32> = match self.first(row) {
            Some(first) if T::COLUMNS.first() == Some(&"id") && wants(self.wanted, 0) => {
                value(row, first, !self.checked)?
            }
            _ => row.try_get(self.prefix, "id")?,
        };
        match id {
            Some(_) => self.read(row).map(Some),
            None => Ok(None),
        }
    }

    fn first(&mut self, row: &QueryResult) -> Option<usize> {
        let wanted = self.wanted;
        *self.first.get_or_insert_with(|| {
            let names: Vec<&str> = (T::COLUMNS.iter().enumerate())
                .filter(|(i, _)| wants(wanted, *i))
                .map(|(_, name)| *name)
                .collect();
            locate(row, self.prefix, &names)
        })
    }
}

/// The names of the columns of `row`, in order.
fn column_names(row: &QueryResult) -> Option<Vec<&str>> {
    if let Some(row) = row.try_as_pg_row() {
        Some(row.columns().iter().map(|c| c.name()).collect())
    } else {
        row.try_as_sqlite_row()
            .map(|row| row.columns().iter().map(|c| c.name()).collect())
    }
}

/// Where the columns `names`, each prefixed, sit next to each other in `row`.
fn locate(row: &QueryResult, prefix: &str, names: &[&str]) -> Option<usize> {
    let (&name, _) = names.split_first()?;
    let columns = column_names(row)?;
    let named = |column: &str, name: &str| column.strip_prefix(prefix) == Some(name);
    let first = columns.iter().position(|c| named(c, name))?;
    let laid_out = columns.get(first..first + names.len())?;
    laid_out
        .iter()
        .zip(names)
        .all(|(column, name)| named(column, name))
        .then_some(first)
}

/// The value in column `i`. `check` checks that the column's SQL type suits
/// `T`; the types of a result set's columns do not change from row to row,
/// so a reader checks them on its first row only.
pub(crate) fn value<T>(row: &QueryResult, i: usize, check: bool) -> Result<T, DbErr>
where
    T: sqlx::Type<Postgres> + for<'r> sqlx::Decode<'r, Postgres>,
    T: sqlx::Type<Sqlite> + for<'r> sqlx::Decode<'r, Sqlite>,
{
    let read = if let Some(row) = row.try_as_pg_row() {
        if check {
            // From the row description: a NULL in the first row checks nothing.
            let column = row.try_column(i).map_err(type_error)?;
            if !<T as sqlx::Type<Postgres>>::compatible(column.type_info()) {
                return Err(DbErr::Type(format!(
                    "column {} is {}, which does not decode as {}",
                    column.name(),
                    column.type_info(),
                    std::any::type_name::<T>()
                )));
            }
        }
        row.try_get_unchecked(i)
    } else if let Some(row) = row.try_as_sqlite_row() {
        // SQLite types values, not columns: each read converts as sqlite3_column_* does.
        if check {
            row.try_get(i)
        } else {
            row.try_get_unchecked(i)
        }
    } else {
        return Err(DbErr::Type("rows of an unknown backend".to_owned()));
    };
    read.map_err(type_error)
}

fn type_error(err: sqlx::Error) -> DbErr {
    DbErr::Type(err.to_string())
}

/// `by_position!(model::Model { field, ... })`: reads the model by column
/// position. The fields in declaration order, which is the order of
/// `Column::iter()` and so of the columns every listing selects. A field left
/// out does not compile; a field out of order would be read by name, and
/// `records`' test fails.
macro_rules! by_position {
    ($($model:path { $($field:ident),+ $(,)? })+) => {$(
        impl $crate::store::rows::Decode for $model {
            const COLUMNS: &'static [&'static str] = &[$(stringify!($field)),+];

            fn read_at(
                row: &sea_orm::QueryResult,
                first: usize,
                check: bool,
                wanted: $crate::store::rows::Wanted,
            ) -> Result<Self, sea_orm::DbErr> {
                // (field index, column index): a field not wanted takes no column.
                let (mut field, mut at) = (0, first);
                // Struct fields are evaluated in the order written.
                Ok(Self { $($field: {
                    field += 1;
                    if $crate::store::rows::wants(wanted, field - 1) {
                        at += 1;
                        $crate::store::rows::value(row, at - 1, check)?
                    } else {
                        Default::default()
                    }
                }),+ })
            }
        }
    )+};
}

pub(crate) use by_position;

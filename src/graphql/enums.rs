//! GraphQL enums are stored in the database under their GraphQL names
//! (`SOFTWARE_TECHNOLOGY_PARK`), so the mapping is the enum's own item list.

use async_graphql::resolver_utils::EnumType;

use crate::error::{AppError, AppResult};

/// The enum value stored as `name`.
pub fn from_db<E: EnumType + Copy>(name: &str) -> AppResult<E> {
    E::items()
        .iter()
        .find(|item| item.name == name)
        .map(|item| item.value)
        .ok_or_else(|| {
            AppError::Internal(anyhow::anyhow!("unknown enum value {name:?} in database"))
        })
}

/// The name under which `value` is stored.
pub fn to_db<E: EnumType + Copy + PartialEq>(value: E) -> &'static str {
    E::items()
        .iter()
        .find(|item| item.value == value)
        .map(|item| item.name)
        .unwrap_or_default()
}

/// The names an enum's values are stored under, for the dataset reader.
pub fn names<E: EnumType>() -> Vec<&'static str> {
    E::items().iter().map(|item| item.name).collect()
}

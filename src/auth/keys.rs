//! Creating, listing and revoking API keys (`parkgraph keys ...`).

use anyhow::{Context as _, bail};
use entity::{api_key, organization};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder,
};
use sha2::{Digest, Sha256};

use super::KeyScope;
use crate::error::AppError;
use crate::store::Db;

/// The SHA-256 of a key, hex: what is stored and looked up.
pub fn hash(token: &str) -> String {
    format!("{:x}", Sha256::digest(token.as_bytes()))
}

/// A key just created: the only time the secret is seen.
#[derive(Debug)]
pub struct NewKey {
    /// The key's name.
    pub name: String,
    /// The secret to hand to the partner.
    pub token: String,
}

/// A stored key, without its secret.
#[derive(Debug)]
pub struct KeyInfo {
    /// Its name.
    pub name: String,
    /// Its scope.
    pub scope: String,
    /// The organization it is bound to, if any.
    pub organization: Option<String>,
    /// The first characters of the secret.
    pub prefix: String,
    /// When it was created.
    pub created_at: String,
    /// When it was revoked, if it was.
    pub revoked_at: Option<String>,
}

/// Creates a key named `name` with `scope`, bound to organization `org` when given.
pub async fn create(db: &Db, name: &str, scope: &str, org: Option<&str>) -> anyhow::Result<NewKey> {
    let Some(scope) = KeyScope::parse(scope) else {
        bail!("unknown scope {scope:?}: use read, write or admin");
    };
    if name.trim().is_empty() {
        bail!("a key needs a name");
    }
    let organization_id = match org {
        Some(slug) => {
            if scope != KeyScope::Write {
                bail!(
                    "--org binds a `write` key to an organization; it cannot be used with `{}`",
                    scope.as_str()
                );
            }
            let found = db
                .find_one::<organization::Entity>(organization::Column::Slug, slug)
                .await?
                .with_context(|| format!("no organization has the slug {slug:?}"))?;
            Some(found.id)
        }
        None => None,
    };
    let taken = api_key::Entity::find()
        .filter(api_key::Column::Name.eq(name))
        .one(&db.conn)
        .await?;
    if taken.is_some() {
        bail!("a key named {name:?} already exists");
    }
    // 244 random bits from the OS generator (two v4 UUIDs).
    let token = format!(
        "pgk_{}{}",
        uuid::Uuid::new_v4().simple(),
        uuid::Uuid::new_v4().simple()
    );
    api_key::ActiveModel {
        name: Set(name.to_owned()),
        scope: Set(scope.as_str().to_owned()),
        organization_id: Set(organization_id),
        hash: Set(hash(&token)),
        prefix: Set(token[..10].to_owned()),
        created_at: Set(crate::clock::now()),
        revoked_at: Set(None),
        ..Default::default()
    }
    .insert(&db.conn)
    .await?;
    Ok(NewKey {
        name: name.to_owned(),
        token,
    })
}

/// Every key, oldest first.
pub async fn list(db: &Db) -> anyhow::Result<Vec<KeyInfo>> {
    let keys = api_key::Entity::find()
        .order_by_asc(api_key::Column::Id)
        .all(&db.conn)
        .await?;
    let orgs = organization::Entity::find().all(&db.conn).await?;
    Ok(keys
        .into_iter()
        .map(|key| KeyInfo {
            organization: key
                .organization_id
                .and_then(|id| orgs.iter().find(|o| o.id == id).map(|o| o.slug.clone())),
            name: key.name,
            scope: key.scope,
            prefix: key.prefix,
            created_at: key.created_at,
            revoked_at: key.revoked_at,
        })
        .collect())
}

/// Revokes the key named `name`; its requests fail from now on.
pub async fn revoke(db: &Db, name: &str) -> anyhow::Result<()> {
    let key = api_key::Entity::find()
        .filter(api_key::Column::Name.eq(name))
        .one(&db.conn)
        .await?
        .ok_or_else(|| AppError::NotFound(format!("no key is named {name:?}")))?;
    if key.revoked_at.is_some() {
        let already = format!("the key {name:?} is already revoked");
        return Err(AppError::Conflict(already).into());
    }
    let mut key: api_key::ActiveModel = key.into();
    key.revoked_at = Set(Some(crate::clock::now()));
    key.update(&db.conn).await?;
    Ok(())
}

//! Trusted documents per partner: a key bound to a manifest of operations
//! runs only those, by id (the SHA-256 of each, sent as APQ's
//! `extensions.persistedQuery.sha256Hash` over GET or POST), or, in rollout
//! mode, runs anything and logs what is not in it. Manifests come in the
//! formats of GraphQL Code Generator (`{"sha256 hex": "document"}`, with
//! `hashAlgorithm: 'sha256'`) and Apollo (`apollo-persisted-query-manifest`).

use async_graphql::{Request, ServerError, Value};
use entity::{api_key, key_document};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder,
    TransactionTrait,
};
// A document's id is its APQ hash, so one function makes both.
use crate::graphql::persisted::hash;

use super::{Actor, Caller, Credentials, authenticate};
use crate::error::{AppError, AppResult, coded};
use crate::store::Db;

/// How a key holds to its manifest.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trust {
    /// Only the manifest's documents run; others are FORBIDDEN.
    Enforce,
    /// Every document runs; those outside the manifest are logged.
    Rollout,
}

impl Trust {
    /// As stored in `api_key.documents`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Enforce => "ENFORCE",
            Self::Rollout => "ROLLOUT",
        }
    }

    /// The mode stored as `text`, if any.
    pub fn parse(text: Option<&str>) -> Option<Self> {
        match text? {
            "ENFORCE" => Some(Self::Enforce),
            "ROLLOUT" => Some(Self::Rollout),
            _ => None,
        }
    }
}

/// One document of a manifest.
#[derive(Debug, PartialEq)]
pub struct Trusted {
    /// The SHA-256 of `document`, hex: its id.
    pub sha256: String,
    /// The operation's name, when the manifest gives it.
    pub name: Option<String>,
    /// The document.
    pub document: String,
}

/// The documents of a manifest in either format; BAD_USER_INPUT when it is
/// neither, or an id is not the SHA-256 of its document.
pub fn parse_manifest(text: &str) -> AppResult<Vec<Trusted>> {
    let bad = |message: String| AppError::bad_input("manifest", message);
    let json: serde_json::Value =
        serde_json::from_str(text).map_err(|err| bad(format!("not JSON: {err}")))?;
    let entries: Vec<(String, Option<String>, String)> = match &json {
        serde_json::Value::Object(map) if map.get("format").is_some() => {
            let operations = map.get("operations").and_then(|o| o.as_array());
            let operations = operations.ok_or_else(|| bad("no `operations` list".to_owned()))?;
            let field = |op: &serde_json::Value, name: &str| {
                op.get(name).and_then(|v| v.as_str()).map(str::to_owned)
            };
            let mut entries = Vec::new();
            for op in operations {
                let (Some(id), Some(body)) = (field(op, "id"), field(op, "body")) else {
                    return Err(bad("an operation without `id` and `body`".to_owned()));
                };
                entries.push((id, field(op, "name"), body));
            }
            entries
        }
        serde_json::Value::Object(map) => map
            .iter()
            .map(|(id, body)| {
                let body = body
                    .as_str()
                    .ok_or_else(|| bad(format!("{id}: not a string")))?;
                Ok((id.clone(), None, body.to_owned()))
            })
            .collect::<AppResult<_>>()?,
        _ => return Err(bad("expected a JSON object".to_owned())),
    };
    if entries.is_empty() {
        return Err(bad("the manifest lists no documents".to_owned()));
    }
    entries
        .into_iter()
        .map(|(id, name, document)| {
            let id = id.trim_start_matches("sha256:").to_ascii_lowercase();
            if id != hash(&document) {
                return Err(bad(format!(
                    "{id}: not the SHA-256 of its document (with GraphQL Code Generator, set \
                     hashAlgorithm: 'sha256')"
                )));
            }
            Ok(Trusted {
                sha256: id,
                name,
                document,
            })
        })
        .collect()
}

/// Binds the key named `name` to `documents` in `trust` mode, replacing any
/// manifest it had.
pub async fn bind(db: &Db, name: &str, documents: &[Trusted], trust: Trust) -> AppResult<()> {
    let txn = db.conn.begin().await?;
    let key = api_key::Entity::find()
        .filter(api_key::Column::Name.eq(name))
        .one(&txn)
        .await?
        .ok_or_else(|| AppError::NotFound(format!("no key is named {name:?}")))?;
    let key_id = key.id;
    key_document::Entity::delete_many()
        .filter(key_document::Column::ApiKeyId.eq(key_id))
        .exec(&txn)
        .await?;
    let rows = documents.iter().map(|trusted| key_document::ActiveModel {
        api_key_id: Set(key_id),
        sha256: Set(trusted.sha256.clone()),
        name: Set(trusted.name.clone()),
        document: Set(trusted.document.clone()),
        ..Default::default()
    });
    if !documents.is_empty() {
        key_document::Entity::insert_many(rows)
            .exec_without_returning(&txn)
            .await?;
    }
    let mut key: api_key::ActiveModel = key.into();
    key.documents = Set(Some(trust.as_str().to_owned()));
    key.update(&txn).await?;
    txn.commit().await?;
    Ok(())
}

/// Admits `request` for a key bound to a manifest: puts in the document a
/// request names by id, refuses one outside the manifest (FORBIDDEN), or in
/// rollout mode logs it. Requests without a key, or with an unbound one,
/// pass untouched (an unknown key is the resolvers' to refuse).
pub async fn admit(db: &Db, request: &mut Request) -> Result<(), ServerError> {
    let token = request
        .data
        .get(&std::any::TypeId::of::<Credentials>())
        .and_then(|any| any.downcast_ref::<Credentials>())
        .and_then(|c| c.0.clone());
    let Some(token) = token else { return Ok(()) };
    // Found already by the rate limiter's middleware, for the same header.
    let known = (request.data.get(&std::any::TypeId::of::<Caller>()))
        .and_then(|any| any.downcast_ref::<Caller>())
        .map(|c| c.0.clone());
    let actor = match known {
        Some(actor) => actor,
        None => {
            let Ok(actor) = authenticate(db, &token).await else {
                return Ok(());
            };
            // The resolvers that need the caller take it from here, not the database.
            request.data.insert(Caller(actor.clone()));
            actor
        }
    };
    let Some(trust) = actor.trust else {
        return Ok(());
    };
    let sent = match request.extensions.get("persistedQuery") {
        Some(Value::Object(pq)) => match pq.get("sha256Hash") {
            Some(Value::String(hash)) => Some(hash.to_ascii_lowercase()),
            _ => None,
        },
        _ => None,
    };
    let id = sent.clone().unwrap_or_else(|| hash(&request.query));
    match trusted(db, &actor, &id).await {
        Ok(Some(document)) => {
            if request.query.trim().is_empty() {
                request.query = document;
            }
            Ok(())
        }
        Ok(None) if trust == Trust::Rollout => {
            tracing::warn!(key = %actor.name, document = %id, "document outside the key's manifest (rollout: run)");
            Ok(())
        }
        Ok(None) => Err(coded(
            format!(
                "the key {:?} runs only the documents of its manifest; {id} is not one of them",
                actor.name
            ),
            "FORBIDDEN",
        )),
        Err(err) => {
            use async_graphql::ErrorExtensions as _;
            Err(err.extend().into_server_error(Default::default()))
        }
    }
}

/// Every key's trusted documents, with the key's name (for `schema check`).
pub async fn stored(db: &Db) -> AppResult<Vec<(String, Trusted)>> {
    let keys = api_key::Entity::find().all(&db.conn).await?;
    let documents = key_document::Entity::find()
        .order_by_asc(key_document::Column::Id)
        .all(&db.conn)
        .await?;
    let name_of = |id: i32| keys.iter().find(|k| k.id == id).map(|k| k.name.clone());
    Ok(documents
        .into_iter()
        .map(|d| {
            let name = name_of(d.api_key_id).unwrap_or_default();
            let trusted = Trusted {
                sha256: d.sha256,
                name: d.name,
                document: d.document,
            };
            (name, trusted)
        })
        .collect())
}

async fn trusted(db: &Db, actor: &Actor, sha256: &str) -> AppResult<Option<String>> {
    let found = key_document::Entity::find()
        .filter(key_document::Column::ApiKeyId.eq(actor.key_id))
        .filter(key_document::Column::Sha256.eq(sha256))
        .one(&db.conn)
        .await?;
    Ok(found.map(|d| d.document))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Both manifest formats are read; an id that is not its document's
    /// SHA-256 is refused.
    #[test]
    fn manifests_of_codegen_and_apollo_are_read_and_checked() {
        let doc = "query A { parks { totalCount } }";
        let id = hash(doc);
        let codegen = format!(r#"{{"sha256:{id}": "{doc}"}}"#);
        let apollo = format!(
            r#"{{"format":"apollo-persisted-query-manifest","version":1,
               "operations":[{{"id":"{id}","name":"A","type":"query","body":"{doc}"}}]}}"#
        );
        let wrong = format!(r#"{{"{}": "{doc}"}}"#, hash("other"));

        let from_codegen = parse_manifest(&codegen).unwrap();
        let from_apollo = parse_manifest(&apollo).unwrap();

        assert_eq!(from_codegen[0].sha256, id);
        assert_eq!(from_apollo[0].name.as_deref(), Some("A"));
        assert_eq!(from_apollo[0].document, doc);
        assert_eq!(parse_manifest(&wrong).unwrap_err().code(), "BAD_USER_INPUT");
    }
}

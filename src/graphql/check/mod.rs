//! `parkgraph schema check`: what a schema change would break. It lists the
//! breaking changes from an older SDL and validates every stored document
//! (the example catalogue, the e2e clients' operations, any file given)
//! against this binary's schema; a document that no longer validates fails
//! the check, so a breaking change that no stored document uses passes
//! with a warning.

mod breaking;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use async_graphql::extensions::{Extension, ExtensionContext, ExtensionFactory, NextExecute};
use async_graphql::{Request, Response};

pub use breaking::breaking_changes;

use super::schema_builder;

/// What the check found.
#[derive(Debug, Default)]
pub struct Report {
    /// Breaking changes from the older schema, one line each.
    pub breaking: Vec<String>,
    /// Documents checked.
    pub documents: usize,
    /// Each document that does not validate: `where: why`.
    pub failures: Vec<String>,
}

/// Checks `old` (an SDL, when given) against this schema and validates the
/// documents found under `paths`: `.graphql` files whole, and the GraphQL
/// strings of `.mjs`/`.js`/`.ts` clients.
pub async fn check(old: Option<&str>, paths: &[PathBuf]) -> Result<Report, String> {
    check_with(old, documents(paths)?).await
}

/// [`check`] of `documents` already read, each with where it was found.
pub async fn check_with(
    old: Option<&str>,
    documents: Vec<(String, String)>,
) -> Result<Report, String> {
    let mut report = Report::default();
    if let Some(old) = old {
        report.breaking = breaking_changes(old, &super::sdl())?;
    }
    let schema = schema_builder().extension(ValidateOnly).finish();
    for (place, document) in documents {
        report.documents += 1;
        let response = schema.execute(Request::new(document)).await;
        for error in response.errors {
            report.failures.push(format!("{place}: {}", error.message));
        }
    }
    Ok(report)
}

/// `parkgraph schema check`: prints the report (as JSON with `json`); a
/// document that does not validate is BAD_USER_INPUT (exit 3).
pub async fn command(
    against: Option<&Path>,
    paths: Vec<PathBuf>,
    stored: Option<crate::store::Db>,
    json: bool,
) -> anyhow::Result<()> {
    let old = match against {
        Some(path) => Some(
            std::fs::read_to_string(path)
                .map_err(|err| bad(format!("cannot read {}: {err}", path.display())))?,
        ),
        None => None,
    };
    let paths = if paths.is_empty() {
        ["examples", "e2e"]
            .map(PathBuf::from)
            .into_iter()
            .filter(|p| p.is_dir())
            .collect()
    } else {
        paths
    };
    let mut found = documents(&paths).map_err(bad)?;
    if let Some(db) = stored {
        for (key, trusted) in crate::auth::documents::stored(&db).await? {
            let name = trusted.name.unwrap_or(trusted.sha256);
            found.push((format!("key {key:?} ({name})"), trusted.document));
        }
    }
    let report = check_with(old.as_deref(), found).await.map_err(bad)?;
    if json {
        let out = serde_json::json!({
            "breaking": report.breaking, "documents": report.documents, "failures": report.failures,
        });
        println!("{out}");
    } else {
        for change in &report.breaking {
            println!("breaking: {change}");
        }
        for failure in &report.failures {
            println!("fails: {failure}");
        }
        println!(
            "{} breaking change(s); {} document(s) checked, {} fail",
            report.breaking.len(),
            report.documents,
            report.failures.len()
        );
    }
    if report.failures.is_empty() {
        Ok(())
    } else {
        let message = format!(
            "{} stored document(s) do not validate against this schema",
            report.failures.len()
        );
        Err(bad(message).into())
    }
}

fn bad(message: String) -> crate::error::AppError {
    crate::error::AppError::bad_input("schema", message)
}

/// The documents under `paths`, each with where it was found: `.graphql`
/// files, the operations of JavaScript clients, and trusted-document
/// manifests (`.json`; one given by name must be one, others in a folder
/// are skipped unless they are).
fn documents(paths: &[PathBuf]) -> Result<Vec<(String, String)>, String> {
    let mut found = Vec::new();
    for path in paths {
        let named = path.is_file();
        let mut files = Vec::new();
        collect(path, &mut files)?;
        files.sort();
        for file in files {
            let text = std::fs::read_to_string(&file)
                .map_err(|err| format!("cannot read {}: {err}", file.display()))?;
            let place = file.display().to_string();
            match file.extension().and_then(|e| e.to_str()) {
                Some("graphql" | "gql") => found.push((place, text)),
                Some("mjs" | "js" | "ts") => {
                    for (n, document) in embedded(&text).into_iter().enumerate() {
                        found.push((format!("{place} (operation {})", n + 1), document));
                    }
                }
                Some("json") => match crate::auth::documents::parse_manifest(&text) {
                    Ok(trusted) => found.extend(trusted.into_iter().map(|t| {
                        let name = t.name.unwrap_or(t.sha256);
                        (format!("{place} ({name})"), t.document)
                    })),
                    Err(err) if named => return Err(format!("{place}: {err}")),
                    Err(_) => {}
                },
                _ => {}
            }
        }
    }
    Ok(found)
}

fn collect(path: &Path, files: &mut Vec<PathBuf>) -> Result<(), String> {
    if path.is_file() {
        files.push(path.to_owned());
        return Ok(());
    }
    let entries =
        std::fs::read_dir(path).map_err(|err| format!("cannot read {}: {err}", path.display()))?;
    // Only the folder's own files: a client's dependencies are not its operations.
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_file() {
            files.push(path);
        }
    }
    Ok(())
}

/// The GraphQL documents in a JavaScript client: `gql` template literals, and
/// string literals that start as an operation does. Comments are skipped
/// (an apostrophe in one would otherwise open a string).
fn embedded(source: &str) -> Vec<String> {
    let mut documents = Vec::new();
    let mut rest = source;
    while let Some(start) = rest.find(['`', '\'', '"', '/']) {
        let after = &rest[start + 1..];
        let quote = rest[start..].chars().next().unwrap_or('`');
        if quote == '/' {
            rest = if after.starts_with('/') {
                after.find('\n').map_or("", |end| &after[end..])
            } else if after.starts_with('*') {
                after.find("*/").map_or("", |end| &after[end + 2..])
            } else {
                after
            };
            continue;
        }
        let Some(end) = after.find(quote) else { break };
        let literal = &after[..end];
        let tagged = quote == '`' && rest[..start].ends_with("gql");
        let trimmed = literal.trim_start();
        let looks = ["query", "mutation", "subscription", "{"]
            .iter()
            .any(|s| trimmed.starts_with(s));
        if (tagged || looks) && trimmed.len() > 1 && !literal.contains("${") {
            documents.push(literal.to_owned());
        }
        rest = &after[end + 1..];
    }
    documents
}

/// Runs parsing and validation only: the check must not need a database.
struct ValidateOnly;

impl ExtensionFactory for ValidateOnly {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(ValidateOnly)
    }
}

#[async_trait::async_trait]
impl Extension for ValidateOnly {
    async fn execute(
        &self,
        _ctx: &ExtensionContext<'_>,
        _operation_name: Option<&str>,
        _next: NextExecute<'_>,
    ) -> Response {
        Response::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A client's operations are found in gql templates and in plain
    /// strings; other strings are not.
    #[test]
    fn the_operations_of_a_javascript_client_are_found() {
        let source = "// a park's page, in a comment\n\
            const A = gql`query A { parks { totalCount } }`; /* it's */\n\
            send({ query: 'subscription { changes { type } }' });\n\
            console.log(\"done\");";

        let found = embedded(source);

        assert_eq!(
            found,
            [
                "query A { parks { totalCount } }",
                "subscription { changes { type } }"
            ]
        );
    }

    /// A document this schema cannot run fails the check with its place.
    #[tokio::test]
    async fn a_document_using_a_missing_field_fails_the_check() {
        let dir = std::env::temp_dir().join(format!("check-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("good.graphql"),
            "{ parks(first: 1) { totalCount } }",
        )
        .unwrap();
        std::fs::write(
            dir.join("bad.graphql"),
            "{ parks { nodes { noSuchField } } }",
        )
        .unwrap();

        let report = check(None, std::slice::from_ref(&dir)).await.unwrap();
        std::fs::remove_dir_all(&dir).ok();

        assert_eq!(report.documents, 2);
        assert_eq!(report.failures.len(), 1, "{:?}", report.failures);
        assert!(
            report.failures[0].contains("bad.graphql"),
            "{:?}",
            report.failures
        );
        assert!(
            report.failures[0].contains("noSuchField"),
            "{:?}",
            report.failures
        );
    }
}

//! The parameters of a GraphQL-over-HTTP request, from a JSON body (POST) or
//! the URL (GET), checked as the specification defines them: `query` a
//! string, `operationName` a string, `variables` and `extensions` maps, any
//! of the last three possibly null. `query` may be left out only when
//! `extensions` names a persisted query by its hash.
//!
//! A request that breaks these rules is not a GraphQL request at all, so it
//! is a 400 whatever the media type; a `query` that is a string but not a
//! valid document is a GraphQL error, which the schema reports.

use async_graphql::Request as GqlRequest;
use async_graphql::{Value, Variables};
use serde::Deserialize;
use std::collections::HashMap;

/// The parameters as the JSON body carries them.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Body {
    query: Option<String>,
    operation_name: Option<String>,
    variables: Option<Variables>,
    extensions: Option<HashMap<String, Value>>,
}

/// The parameters as the URL carries them, `variables` and `extensions` as JSON text.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Url {
    query: Option<String>,
    operation_name: Option<String>,
    variables: Option<String>,
    extensions: Option<String>,
}

/// The request in a POST body; the reason it is not one otherwise.
pub fn from_json(body: &[u8]) -> Result<GqlRequest, String> {
    let params: Body = serde_json::from_slice(body)
        .map_err(|err| format!("the body is not a GraphQL request: {err}"))?;
    request(
        params.query,
        params.operation_name,
        params.variables,
        params.extensions,
    )
}

/// The request in a GET URL's query string; the reason it is not one otherwise.
pub fn from_url(query_string: &str) -> Result<GqlRequest, String> {
    let params: Url = serde_urlencoded_params(query_string)?;
    let variables = params
        .variables
        .map(|text| serde_json::from_str::<Option<Variables>>(&text))
        .transpose()
        .map_err(|err| format!("`variables` is not a JSON object: {err}"))?
        .flatten();
    let extensions = params
        .extensions
        .map(|text| serde_json::from_str::<Option<HashMap<String, Value>>>(&text))
        .transpose()
        .map_err(|err| format!("`extensions` is not a JSON object: {err}"))?
        .flatten();
    request(params.query, params.operation_name, variables, extensions)
}

fn serde_urlencoded_params(query_string: &str) -> Result<Url, String> {
    let uri: axum::http::Uri = format!("/?{query_string}")
        .parse()
        .map_err(|_| "the URL is not a GraphQL request".to_owned())?;
    axum::extract::Query::<Url>::try_from_uri(&uri)
        .map(|query| query.0)
        .map_err(|err| format!("the URL is not a GraphQL request: {}", err.body_text()))
}

fn request(
    query: Option<String>,
    operation_name: Option<String>,
    variables: Option<Variables>,
    extensions: Option<HashMap<String, Value>>,
) -> Result<GqlRequest, String> {
    let extensions = extensions.unwrap_or_default();
    let query = match query {
        Some(query) => query,
        // Automatic persisted queries: the hash alone, the document known.
        None if extensions.contains_key("persistedQuery") => String::new(),
        None => return Err("the request has no `query`".to_owned()),
    };
    let mut request = GqlRequest::new(query).variables(variables.unwrap_or_default());
    if let Some(name) = operation_name {
        request = request.operation_name(name);
    }
    request.extensions = async_graphql::Extensions(extensions);
    Ok(request)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_body_without_query_or_with_mistyped_parameters_is_refused() {
        for body in [
            r#"{"qeury": "{ __typename }"}"#,
            r#"{"query": null}"#,
            r#"{"query": 1}"#,
            r#"{"query": "{ a }", "variables": "x"}"#,
            r#"{"query": "{ a }", "variables": [1]}"#,
            r#"{"query": "{ a }", "operationName": 2}"#,
            r#"{"query": "{ a }", "extensions": "x"}"#,
            r#"[]"#,
            r#""{ a }""#,
        ] {
            assert!(from_json(body.as_bytes()).is_err(), "{body}");
        }
    }

    #[test]
    fn a_body_with_a_query_string_or_a_persisted_hash_is_a_request() {
        let request = from_json(
            br#"{"query": "{", "operationName": "A", "variables": {"x": 1}, "extensions": null}"#,
        )
        .unwrap();
        assert_eq!(request.query, "{");
        assert_eq!(request.operation_name.as_deref(), Some("A"));
        assert_eq!(request.variables.len(), 1);
        let persisted = r#"{"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "ab"}}}"#;
        assert!(from_json(persisted.as_bytes()).is_ok());
        let nulls = r#"{"query": "{ a }", "operationName": null, "variables": null}"#;
        assert!(from_json(nulls.as_bytes()).is_ok());
    }

    #[test]
    fn a_url_names_the_operation_in_camel_case() {
        let request = from_url("query=query%20A%7Ba%7D&operationName=A&variables=%7B%7D").unwrap();
        assert_eq!(request.operation_name.as_deref(), Some("A"));
        assert!(from_url("operationName=A").is_err());
        assert!(from_url("query=%7Ba%7D&variables=%5B1%5D").is_err());
        assert!(from_url("query=%7Ba%7D&extensions=1").is_err());
        assert!(from_url("query=%7Ba%7D&variables=null").is_ok());
    }
}

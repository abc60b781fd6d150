//! The attacks a public GraphQL endpoint meets, each refused with a coded
//! error that names the limit, before any SQL runs, and the server serving on.

use serde_json::{Value, json};

use crate::helpers::{TestApp, first_code, shipped_parks};

/// Sends `query`, checks it is refused as QUERY_TOO_COMPLEX naming `limit`
/// without running SQL, and that the server still answers.
async fn refused(app: &TestApp, query: &str, limit: &str) -> Value {
    let before = app.statements();
    let body = app.gql(query, json!({})).await;
    assert_eq!(first_code(&body), "QUERY_TOO_COMPLEX", "{body:#}");
    assert_eq!(body["errors"][0]["extensions"]["limit"], limit, "{body:#}");
    assert_eq!(app.statements(), before, "no SQL ran");
    let after = app
        .data("{ parks(first: 1) { totalCount } }", json!({}))
        .await;
    assert_eq!(
        after["parks"]["totalCount"],
        shipped_parks(),
        "still serving"
    );
    body
}

/// 50 levels of nesting.
#[tokio::test]
async fn fifty_deep_nesting_is_refused() {
    let app = TestApp::seeded().await;
    let mut query = String::from("slug");
    for _ in 0..25 {
        query = format!("city {{ parks(first: 1) {{ nodes {{ {query} }} }} }}");
    }
    let body = refused(
        &app,
        &format!("{{ park(slug: \"x\") {{ {query} }} }}"),
        "PARKGRAPH_MAX_DEPTH",
    )
    .await;
    assert!(
        body["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("limit is 15")
    );
}

/// 1,000 aliases of one field.
#[tokio::test]
async fn a_thousand_aliases_are_refused() {
    let app = TestApp::seeded().await;
    let fields: Vec<String> = (0..1000).map(|n| format!("a{n}: __typename")).collect();
    let query = format!(
        "{{ parks(first: 1) {{ nodes {{ {} }} }} }}",
        fields.join(" ")
    );

    refused(&app, &query, "PARKGRAPH_MAX_ALIASES").await;
}

/// 100 parks x 100 tenants x 100 of each tenant's tenancies' park tenants...
/// a query for a million rows is refused on its cost.
#[tokio::test]
async fn a_query_for_a_million_rows_is_refused_on_cost() {
    let app = TestApp::seeded().await;
    let query = "{ cities(first: 100) { nodes { parks(first: 100) { nodes {
        tenants(first: 100) { nodes { name } } } } } } }";

    let body = refused(&app, query, "PARKGRAPH_MAX_COST").await;
    assert!(body["errors"][0]["extensions"]["actual"].as_u64().unwrap() > 1_000_000);
}

/// 30 levels of fragments, each spreading the previous one twice: 2^30 fields
/// from about 1 KB. Measured once per fragment, it is refused at once instead
/// of pinning a core.
#[tokio::test]
async fn exponential_fragment_spreads_are_refused_without_expanding_them() {
    let app = TestApp::seeded().await;
    let mut query =
        String::from("query { park(slug: \"x\") { ...F30 } }\nfragment F0 on Park { slug }\n");
    for n in 1..=30 {
        query.push_str(&format!(
            "fragment F{n} on Park {{ ...F{m} ...F{m} }}\n",
            m = n - 1
        ));
    }

    let body = refused(&app, &query, "PARKGRAPH_MAX_COST").await;
    assert!(body["errors"][0]["extensions"]["actual"].as_u64().unwrap() >= 1 << 30);
}

/// A fragment that spreads itself is a validation error, not a hang.
#[tokio::test]
async fn a_fragment_cycle_is_refused() {
    let app = TestApp::seeded().await;
    let query =
        "{ park(slug: \"x\") { ...A } } fragment A on Park { city { parks { nodes { ...A } } } }";

    let body = app.gql(query, json!({})).await;

    assert_eq!(first_code(&body), "BAD_USER_INPUT", "{body:#}");
}

/// Directives the schema does not define are refused, not ignored.
#[tokio::test]
async fn unknown_directives_are_refused() {
    let app = TestApp::seeded().await;

    let body = app
        .gql("{ parks(first: 1) @cached { totalCount } }", json!({}))
        .await;

    assert_eq!(first_code(&body), "BAD_USER_INPUT", "{body:#}");
    assert!(
        body["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("@cached")
    );
}

/// An accepted query reports its cost.
#[tokio::test]
async fn an_accepted_query_reports_its_cost() {
    let app = TestApp::seeded().await;

    let body = app
        .gql(
            "{ parks(first: 10) { nodes { slug city { name } } } }",
            json!({}),
        )
        .await;

    // parks: 1 + 10 x (nodes 1 + slug 1 + city (1 + name 1)) = 41
    assert_eq!(body["extensions"]["cost"], 41, "{body:#}");
}

/// A document sent again is measured again: its cost follows each request's
/// variables, and a refusal is not remembered as an acceptance.
#[tokio::test]
async fn a_repeated_document_is_measured_with_its_own_variables() {
    let app = TestApp::configured(|c| c.limits.max_cost = 100).await;
    let query = "query($n: Int) { parks(first: $n) { nodes { slug city { name } } } }";

    let small = app.gql(query, json!({ "n": 10 })).await;
    let again = app.gql(query, json!({ "n": 5 })).await;
    let large = app.gql(query, json!({ "n": 50 })).await;

    assert_eq!(small["extensions"]["cost"], 41, "{small:#}");
    assert_eq!(again["extensions"]["cost"], 21, "{again:#}");
    assert_eq!(
        large["errors"][0]["extensions"]["code"], "QUERY_TOO_COMPLEX",
        "{large:#}"
    );
    assert!(large["data"].is_null(), "{large:#}");
}

/// A JSON array of 1,000 operations is refused with 400.
#[tokio::test]
async fn a_batch_of_a_thousand_operations_is_refused() {
    let app = TestApp::seeded().await;
    let batch: Vec<Value> = (0..1000)
        .map(|_| json!({ "query": "{ parks { totalCount } }" }))
        .collect();

    let (status, _, body) = app
        .post_with(
            serde_json::to_vec(&batch).unwrap(),
            &[("content-type", "application/json")],
        )
        .await;

    assert_eq!(status, 400);
    assert!(
        body.contains("batched requests are not supported"),
        "{body}"
    );
}

/// A 10 MB body is refused with 413 before it is read whole.
#[tokio::test]
async fn a_ten_megabyte_body_is_refused_with_413() {
    let app = TestApp::seeded().await;
    let body = format!(
        "{{\"query\": \"{{ parks {{ totalCount }} }}\", \"variables\": {{\"pad\": \"{}\"}}}}",
        "x".repeat(10 << 20)
    );

    let (status, _, text) = app
        .post_with(body.into_bytes(), &[("content-type", "application/json")])
        .await;

    assert_eq!(status, 413);
    let parsed: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(first_code(&parsed), "BAD_USER_INPUT");
}

/// A request still running at the time limit is cancelled with a clear
/// error, and a cancelled write leaves nothing behind. (The test holds the
/// write lock, so the mutation cannot finish in time however fast the
/// machine is.)
#[tokio::test]
async fn a_request_over_the_time_limit_is_cancelled_and_writes_nothing() {
    let app =
        TestApp::configured(|c| c.request_timeout = std::time::Duration::from_millis(300)).await;
    let key = app.key("write", None).await;
    let rename = r#"mutation { updatePark(slug: "fazal-stp-islamabad", version: 1, input: { name: "Late" }) { name } }"#;

    let held = app.db.write_lock.lock().await;
    let body = app.gql_as(&key, rename, json!({})).await;
    drop(held);

    assert_eq!(first_code(&body), "QUERY_TOO_COMPLEX", "{body:#}");
    assert!(
        body["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("PARKGRAPH_REQUEST_TIMEOUT_MS")
    );
    let park = app
        .data(
            r#"{ park(slug: "fazal-stp-islamabad") { name version } }"#,
            json!({}),
        )
        .await;
    assert_eq!(park["park"]["version"], 1);
    assert_eq!(app.count("change").await, 0);
}

/// Introspection can be switched off; production mode drops "did you mean".
#[tokio::test]
async fn introspection_and_suggestions_follow_the_settings() {
    let app = TestApp::configured(|c| {
        c.introspection = false;
        c.production = true;
    })
    .await;
    let open = TestApp::seeded().await;

    let closed = app
        .gql("{ __schema { queryType { name } } }", json!({}))
        .await;
    let typo = app.gql("{ parcs { totalCount } }", json!({})).await;
    let suggested = open.gql("{ parcs { totalCount } }", json!({})).await;

    assert!(
        closed.get("errors").is_some() || closed["data"]["__schema"].is_null(),
        "{closed:#}"
    );
    assert!(
        !typo["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("Did you mean"),
        "{typo:#}"
    );
    assert!(
        suggested["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("Did you mean"),
        "{suggested:#}"
    );
}

/// The remaining limits: root fields, directives, tokens and bytes, each
/// named in its refusal.
#[tokio::test]
async fn root_field_directive_token_and_byte_limits_are_enforced() {
    let app = TestApp::seeded().await;
    let roots: Vec<String> = (0..21)
        .map(|n| format!("p{n}: parks(first: 1) {{ totalCount }}"))
        .collect();
    let directives: Vec<String> = (0..51).map(|_| "@include(if: true)".to_owned()).collect();
    let tokens = "{ parks(first: 1) { totalCount } } # a comment is not a token\n";
    let many_tokens = format!("{{ __typename {} }}", "a ".repeat(10_001));
    let bytes = format!(
        "{{ parks(first: 1) {{ totalCount }} }}{}",
        " ".repeat(100_001)
    );

    refused(
        &app,
        &format!("{{ {} }}", roots.join(" ")),
        "PARKGRAPH_MAX_ROOT_FIELDS",
    )
    .await;
    refused(
        &app,
        &format!(
            "{{ parks(first: 1) {} {{ totalCount }} }}",
            directives.join(" ")
        ),
        "PARKGRAPH_MAX_DIRECTIVES",
    )
    .await;
    refused(&app, &many_tokens, "PARKGRAPH_MAX_TOKENS").await;
    refused(&app, &bytes, "PARKGRAPH_MAX_QUERY_BYTES").await;
    let fine = app.gql(tokens, json!({})).await;
    assert!(fine.get("errors").is_none(), "{fine:#}");
}

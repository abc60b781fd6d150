//! Sources as documents: every page stored once with its own publication
//! date, every served record citing at least one, and no weak address.

use parkgraph::records::Kind;
use serde_json::{Value, json};

use crate::helpers::TestApp;

/// The one page the data still cites by a bare IP address: the developer's
/// own site, where the founding article was read, whose address under the
/// site's domain is not verified (its document's notes say so).
const BARE_IP_PAGE: &str = "http://13.43.129.31/tag/softwaretechnologyparks";

/// The SQL condition that holds for rows of `kind`'s table that cite no
/// page; None for the citations and documents themselves.
fn uncited(kind: Kind) -> Option<String> {
    let cited_by_source =
        |t: &str| format!("id NOT IN (SELECT record_id FROM source WHERE record_type = '{t}')");
    let own_page = "source_url NOT IN (SELECT url FROM source_document)".to_owned();
    // A new kind must say here how its rows are cited.
    match kind {
        Kind::SourceDocument | Kind::Source => None,
        Kind::TenancyObservation | Kind::ProjectClaim | Kind::ParkClaim | Kind::StpEvidence => {
            Some(own_page)
        }
        // A tenancy is cited by its sightings.
        Kind::Tenancy => Some(
            "NOT EXISTS (SELECT 1 FROM tenancy_observation o \
             WHERE o.park_id = tenancy.park_id AND o.firm_id = tenancy.firm_id)"
                .to_owned(),
        ),
        Kind::City
        | Kind::CityCoordinate
        | Kind::Organization
        | Kind::Park
        | Kind::Firm
        | Kind::Project
        | Kind::ProjectPartner
        | Kind::Milestone
        | Kind::Programme
        | Kind::ProgrammeCentre
        | Kind::Indicator => Some(cited_by_source(kind.type_name())),
    }
}

#[tokio::test]
async fn every_served_record_cites_a_page_the_data_knows() {
    let app = TestApp::seeded().await;

    for &kind in Kind::ALL {
        let Some(condition) = uncited(kind) else {
            continue;
        };
        let (rows, missing) = (
            app.count(kind.table()).await,
            app.count_where(kind.table(), &condition).await,
        );
        assert!(rows > 0, "{} has rows", kind.table());
        assert_eq!(
            missing,
            0,
            "{} rows of {} cite no page",
            missing,
            kind.table()
        );
    }
    let orphans = "url NOT IN (SELECT url FROM source_document)";
    assert_eq!(app.count_where("source", orphans).await, 0);
}

/// Every document, with `fields`, walked a page of 100 at a time.
async fn every_document(app: &TestApp, fields: &str) -> (Vec<Value>, u64) {
    let query = format!(
        "query($after: String) {{ sourceDocuments(first: 100, after: $after) {{
            totalCount pageInfo {{ hasNextPage endCursor }} nodes {{ {fields} }} }} }}"
    );
    let (mut nodes, mut after, mut total) = (Vec::new(), Value::Null, 0);
    loop {
        let page = app.data(&query, json!({ "after": after })).await["sourceDocuments"].clone();
        nodes.extend(page["nodes"].as_array().unwrap().iter().cloned());
        total = page["totalCount"].as_u64().unwrap_or(total);
        if page["pageInfo"]["hasNextPage"] != json!(true) {
            return (nodes, total);
        }
        after = page["pageInfo"]["endCursor"].clone();
    }
}

#[tokio::test]
async fn every_page_has_a_publication_date_or_says_it_is_unknown() {
    let app = TestApp::seeded().await;

    let (nodes, total) =
        every_document(&app, "url publisher kind publishedOn publishedPrecision").await;

    assert_eq!(total as usize, nodes.len());
    assert!(nodes.len() > 150, "{}", nodes.len());
    for node in &nodes {
        let date = node["publishedOn"].as_str();
        let expected = match date.map(str::len) {
            Some(10) => "DAY",
            Some(7) => "MONTH",
            Some(4) => "YEAR",
            None => "UNKNOWN",
            Some(_) => panic!("{node}"),
        };
        assert_eq!(node["publishedPrecision"], expected, "{node}");
        assert!(node["publisher"].is_string(), "{node}");
    }
    let dated = nodes
        .iter()
        .filter(|n| n["publishedOn"].is_string())
        .count();
    assert!(dated >= 90, "{dated} of {} pages are dated", nodes.len());
}

#[tokio::test]
async fn no_cited_address_is_a_test_host_a_crawl_artefact_or_an_unexplained_bare_ip() {
    let app = TestApp::seeded().await;
    let (nodes, _) = every_document(&app, "url kind notes").await;

    let mut bare_ip = Vec::new();
    for node in &nodes {
        let url = node["url"].as_str().unwrap();
        let host = url.split('/').nth(2).unwrap().split(':').next().unwrap();
        assert!(!host.starts_with("test."), "{url}");
        assert!(!url.contains("fonts.googleapis.com"), "{url}");
        if host.split('.').all(|part| part.parse::<u8>().is_ok()) {
            assert_eq!(node["kind"], "DEVELOPER_SITE", "{node}");
            assert!(
                node["notes"].as_str().unwrap().contains("bare IP"),
                "{node}"
            );
            bare_ip.push(url.to_owned());
        }
    }
    assert_eq!(bare_ip, [BARE_IP_PAGE]);
}

#[tokio::test]
async fn a_citation_shows_its_page_published_on_its_own_date_not_the_date_it_was_checked() {
    let app = TestApp::seeded().await;
    let query = r#"{ park(slug: "karachi-it-park") { sources { url asOf
        document { publisher kind publishedOn publishedPrecision } } } }"#;

    let sources = app.data(query, json!({})).await["park"]["sources"].clone();
    let profit = sources
        .as_array()
        .unwrap()
        .iter()
        .find(|s| {
            s["url"]
                .as_str()
                .unwrap()
                .contains("profit.pakistantoday.com.pk/2025/02/14")
        })
        .expect("the founding Profit article is cited")
        .clone();

    assert_eq!(profit["asOf"], "2025-09-18");
    let document = &profit["document"];
    assert_eq!(document["publishedOn"], "2025-02-14");
    assert_eq!(document["publishedPrecision"], "DAY");
    assert_eq!(document["kind"], "NEWS");
}

#[tokio::test]
async fn claims_and_sightings_name_their_page_and_its_publisher() {
    let app = TestApp::seeded().await;
    let query = r#"{
      project(slug: "islamabad-it-park") { claims(properties: [COMPLETION_DUE]) {
        sourceUrl source { url publisher publishedOn } } }
      sourceDocument(url: "http://www.app.com.pk/fire-at-islamabad-awami-markaz-extinguished/") {
        publisher kind publishedOn } }"#;

    let data = app.data(query, json!({})).await;

    for claim in data["project"]["claims"].as_array().unwrap() {
        assert_eq!(claim["source"]["url"], claim["sourceUrl"], "{claim}");
        assert!(claim["source"]["publisher"].is_string(), "{claim}");
        assert!(claim["source"]["publishedOn"].is_string(), "{claim}");
    }
    let fire = &data["sourceDocument"];
    assert_eq!(fire["publisher"], "Associated Press of Pakistan");
    assert_eq!(fire["kind"], "NEWS_AGENCY");
    assert_eq!(fire["publishedOn"], "2017-09-10");
}

#[tokio::test]
async fn pages_are_filtered_by_kind_and_date_precision() {
    let app = TestApp::seeded().await;
    let query = r#"{ undated: sourceDocuments(first: 100,
          filter: { publishedPrecision: [UNKNOWN], kind: [NEWS, TRADE_PRESS] }) {
          nodes { publishedOn kind } }
        newest: sourceDocuments(first: 3, orderBy: [{ field: PUBLISHED_ON, direction: DESC }]) {
          nodes { publishedOn } } }"#;

    let data = app.data(query, json!({})).await;

    let undated = data["undated"]["nodes"].as_array().unwrap();
    assert!(!undated.is_empty());
    assert!(undated.iter().all(|n| n["publishedOn"].is_null()));
    assert!(
        undated
            .iter()
            .all(|n| n["kind"] == "NEWS" || n["kind"] == "TRADE_PRESS")
    );
    let newest: Vec<&str> = data["newest"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["publishedOn"].as_str().unwrap())
        .collect();
    let mut sorted = newest.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(newest, sorted);
    assert!(newest[0] >= "2026-02-18", "{newest:?}");
}

#[tokio::test]
async fn citing_a_new_page_by_mutation_adds_its_document_with_an_unknown_date() {
    let app = TestApp::seeded().await;
    let admin = app.key("admin", None).await;
    let before = app.count("source_document").await;
    let update = r#"mutation($input: UpdateParkInput!) {
        updatePark(slug: "fazal-stp-islamabad", version: 1, input: $input) {
          sources { url quote document { title kind publishedPrecision } } } }"#;
    let input = json!({ "input": { "sources": [{ "url": "https://example.org/new-page",
        "title": "A new page", "asOf": "2026-11", "quote": "the park is open" }] } });

    let body = app.data_as(&admin, update, input).await;

    let source = &body["updatePark"]["sources"][0];
    assert_eq!(source["quote"], "the park is open");
    assert_eq!(
        source["document"],
        json!({ "title": "A new page", "kind": "OTHER", "publishedPrecision": "UNKNOWN" })
    );
    assert_eq!(app.count("source_document").await, before + 1);
    let feed = app
        .data(
            r#"{ changes(first: 5, filter: { types: ["source_document"] }) { nodes { operation slug } } }"#,
            json!({}),
        )
        .await;
    assert_eq!(
        feed["changes"]["nodes"],
        json!([{ "operation": "CREATE", "slug": "https://example.org/new-page" }])
    );
}

#[tokio::test]
async fn an_import_citing_a_page_the_data_does_not_know_names_the_file_to_add_it_to() {
    let app = TestApp::seeded().await;
    let admin = app.key("admin", None).await;
    let before = app.count("source").await;
    let import = r#"mutation($files: [ImportFile!]!) {
        importDataset(files: $files) { created problems { file column reason } } }"#;
    let content = "record_type,record_key,url,as_of,quote\n\
                   park,fazal-stp-islamabad,https://example.org/unknown,2026,\n";
    let files = json!([{ "name": "sources.csv", "format": "CSV", "content": content }]);

    let body = app.gql_as(&admin, import, json!({ "files": files })).await;

    let report: &Value = &body["data"]["importDataset"];
    assert_eq!(report["created"], 0, "{body:#}");
    assert_eq!(
        report["problems"],
        json!([{ "file": "sources.csv", "column": "url",
            "reason": "unknown source_document \"https://example.org/unknown\" (add it to source_documents.csv)" }])
    );
    assert_eq!(app.count("source").await, before);
}

/// Upgrading a database that already cites pages gives each cited URL its
/// document (date unknown until an import completes it), keeps a
/// citation's title on its page, and rolls back and applies again.
#[tokio::test]
async fn upgrading_makes_a_document_of_every_page_already_cited() {
    use migration::MigratorTrait;
    let app = TestApp::seeded().await;
    let back = crate::helpers::migrations_since("m20261206_000013_source_documents");
    migration::Migrator::down(&app.db.conn, Some(back))
        .await
        .unwrap();
    app.execute(
        "INSERT INTO source (record_type, record_id, url, title, as_of) \
         SELECT 'park', id, 'https://example.org/old', 'An old page', '2020' FROM park \
         WHERE slug = 'karachi-it-park'",
    )
    .await;

    migration::Migrator::up(&app.db.conn, None).await.unwrap();

    let cited = "url IN (SELECT url FROM source) OR url IN (SELECT source_url FROM project_claim) \
                 OR url IN (SELECT source_url FROM tenancy_observation)";
    let documents = app.count("source_document").await;
    assert_eq!(app.count_where("source_document", cited).await, documents);
    let unknown = "published_precision = 'UNKNOWN' AND kind = 'OTHER'";
    assert_eq!(app.count_where("source_document", unknown).await, documents);
    let orphans = "url NOT IN (SELECT url FROM source_document)";
    assert_eq!(app.count_where("source", orphans).await, 0);
    let old = "url = 'https://example.org/old' AND title = 'An old page'";
    assert_eq!(app.count_where("source_document", old).await, 1);
    let query = r#"{ park(slug: "karachi-it-park") { sources { url document { title } } } }"#;
    let sources = app.data(query, json!({})).await["park"]["sources"].clone();
    assert!(
        sources
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["document"]["title"] == "An old page")
    );
}

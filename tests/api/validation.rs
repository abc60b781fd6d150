//! One rule set: every value a mutation refuses, an import refuses too, with
//! the same reason (a mutation names the input field, an import the file's
//! column), and neither writes anything.

use serde_json::{Value, json};

use crate::helpers::{TestApp, first_code};

const IMPORT: &str = r#"mutation($files: [ImportFile!]!) {
  importDataset(files: $files) { created problems { file line column reason } }
}"#;

/// A value that breaks a rule, sent once through a mutation and once in a
/// dataset file.
struct Case {
    mutation: &'static str,
    variables: Value,
    field: &'static str,
    file: &'static str,
    content: String,
    column: &'static str,
    reason: String,
}

const PARKS: &str = "slug,name,kind,status,city_slug,operator_slug,area_sqft,opened_year,notes,latitude,longitude,location_url\n";
const UPDATE_PARK: &str = "mutation($input: UpdateParkInput!) { updatePark(slug: \"fazal-stp-islamabad\", version: 1, input: $input) { slug } }";
const CREATE_FIRM: &str =
    "mutation($input: CreateFirmInput!) { createFirm(input: $input) { slug } }";

fn park_row(area: &str, year: &str) -> String {
    format!("{PARKS}new-park,New Park,IT_PARK,PLANNED,lahore,,{area},{year},,,,\n")
}

fn cases() -> Vec<Case> {
    let long_slug = "a".repeat(201);
    let long_name = "x".repeat(10_001);
    vec![
        Case {
            mutation: UPDATE_PARK,
            variables: json!({ "input": { "openedYear": 3000 } }),
            field: "input.openedYear",
            file: "parks.csv",
            content: park_row("", "3000"),
            column: "opened_year",
            reason: "3000 is not a year from 1900 to 2200".into(),
        },
        Case {
            mutation: UPDATE_PARK,
            variables: json!({ "input": { "areaSqft": -5 } }),
            field: "input.areaSqft",
            file: "parks.csv",
            content: park_row("-5", ""),
            column: "area_sqft",
            reason: "-5 is not a count (zero or more)".into(),
        },
        Case {
            mutation: UPDATE_PARK,
            variables: json!({ "input": { "location": {
                "latitude": 95.0, "longitude": 73.0, "sourceUrl": "https://example.org/site" } } }),
            field: "input.location.latitude",
            file: "parks.csv",
            content: format!(
                "{PARKS}new-park,New Park,IT_PARK,PLANNED,lahore,,,,,95,73,https://example.org/site\n"
            ),
            column: "latitude",
            reason: "95 is not between -90 and 90 degrees".into(),
        },
        Case {
            mutation: CREATE_FIRM,
            variables: json!({ "input": { "slug": long_slug, "name": "Long" } }),
            field: "input.slug",
            file: "firms.csv",
            content: format!("slug,name,sector,employees\n{long_slug},Long,,\n"),
            column: "slug",
            reason: "is longer than 200 bytes".into(),
        },
        Case {
            mutation: CREATE_FIRM,
            variables: json!({ "input": { "slug": "wordy", "name": long_name } }),
            field: "input.name",
            file: "firms.csv",
            content: format!("slug,name,sector,employees\nwordy,{long_name},,\n"),
            column: "name",
            reason: "is longer than 10,000 bytes".into(),
        },
        Case {
            mutation: UPDATE_PARK,
            variables: json!({ "input": { "sources": [{ "url": "ftp://x" }] } }),
            field: "input.sources[0].url",
            file: "sources.csv",
            content: "record_type,record_key,url,as_of,quote\npark,fazal-stp-islamabad,ftp://x,,\n"
                .into(),
            column: "url",
            reason: "\"ftp://x\" is not an http(s) URL".into(),
        },
        Case {
            mutation: "mutation { addTenancy(parkSlug: \"fazal-stp-islamabad\", firmSlug: \"arkotech-corporation\", since: \"2020-13\") { since } }",
            variables: json!({}),
            field: "since",
            file: "tenancies.csv",
            content: "park_slug,firm_slug,area_sqft,since,until\nfazal-stp-islamabad,arkotech-corporation,,2020-13,\n"
                .into(),
            column: "since",
            reason: "\"2020-13\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)".into(),
        },
        Case {
            mutation: "mutation { addMilestone(input: { projectSlug: \"karachi-it-park\", title: \"a|b\" }) { title } }",
            variables: json!({}),
            field: "input.title",
            file: "milestones.csv",
            content: "project_slug,title,due,reached\nkarachi-it-park,a|b,,\n".into(),
            column: "title",
            reason: "must not contain `|`".into(),
        },
        Case {
            mutation: "mutation { createOrganization(input: { slug: \"none\", name: \"None\", kind: OTHER }) { slug } }",
            variables: json!({}),
            field: "input.slug",
            file: "organizations.csv",
            content: "slug,name,kind\nnone,None,OTHER\n".into(),
            column: "slug",
            reason: "`none` is reserved".into(),
        },
    ]
}

/// Each rule refuses the same value through its mutation and through
/// `importDataset`, with the same reason, and nothing is written either way.
#[tokio::test]
async fn mutations_and_imports_refuse_the_same_values_for_the_same_reason() {
    let app = TestApp::seeded().await;
    let admin = app.key("admin", None).await;

    for case in cases() {
        let body = app.gql_as(&admin, case.mutation, case.variables).await;
        let files = json!([{ "name": case.file, "format": "CSV", "content": case.content }]);
        let report = app.data_as(&admin, IMPORT, json!({ "files": files })).await;

        assert_eq!(
            first_code(&body),
            "BAD_USER_INPUT",
            "{}: {body:#}",
            case.field
        );
        let error = &body["errors"][0];
        assert_eq!(error["extensions"]["field"], case.field, "{body:#}");
        assert_eq!(error["message"], case.reason.as_str(), "{body:#}");
        let problems = &report["importDataset"]["problems"];
        let expected =
            json!({ "file": case.file, "line": 2, "column": case.column, "reason": case.reason });
        assert!(
            problems.as_array().unwrap().contains(&expected),
            "{} in {problems:#}",
            case.column
        );
        assert_eq!(report["importDataset"]["created"], 0);
    }
    assert_eq!(app.count("change").await, 0);
}

/// An end date before the start is refused by `endTenancy` and by import
/// with the same reason.
#[tokio::test]
async fn an_end_before_the_start_is_refused_by_mutation_and_import_alike() {
    let app = TestApp::seeded().await;
    let admin = app.key("admin", None).await;
    let pair = "parkSlug: \"fazal-stp-islamabad\", firmSlug: \"arkotech-corporation\"";
    app.data_as(
        &admin,
        &format!("mutation {{ addTenancy({pair}, since: \"2020\") {{ since }} }}"),
        json!({}),
    )
    .await;

    let ended = app
        .gql_as(
            &admin,
            &format!("mutation {{ endTenancy({pair}, until: \"2017-09\") {{ until }} }}"),
            json!({}),
        )
        .await;
    let content = "park_slug,firm_slug,area_sqft,since,until\nfazal-stp-islamabad,digital-processing-systems,,2020,2017-09\n";
    let files = json!([{ "name": "tenancies.csv", "format": "CSV", "content": content }]);
    let report = app.data_as(&admin, IMPORT, json!({ "files": files })).await;

    let reason = "2017-09 is before since 2020";
    assert_eq!(first_code(&ended), "BAD_USER_INPUT", "{ended:#}");
    assert_eq!(ended["errors"][0]["extensions"]["field"], "until");
    assert_eq!(ended["errors"][0]["message"], reason);
    let problem = &report["importDataset"]["problems"][0];
    assert_eq!(problem["column"], "until", "{report:#}");
    assert_eq!(problem["reason"], reason);
}

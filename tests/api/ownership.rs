//! One ownership rule: what a key bound to an organization may change
//! through a mutation, it may change through an import, and nothing else.

use serde_json::{Value, json};

use crate::helpers::TestApp;

const IMPORT: &str = r#"mutation($files: [ImportFile!]!) {
  importDataset(files: $files, dryRun: true) { created updated }
}"#;

/// The shipped row of `file` whose line starts with `key`, with `from`
/// replaced by `to`, under the file's header.
fn edited(file: &str, key: &str, from: &str, to: &str) -> String {
    let text = match file {
        "parks.csv" => include_str!("../../data/parks.csv"),
        "firms.csv" => include_str!("../../data/firms.csv"),
        _ => unreachable!("{file}"),
    };
    let header = text.lines().next().unwrap();
    let row = text.lines().find(|l| l.starts_with(key)).unwrap();
    assert!(row.contains(from), "{row}");
    format!("{header}\n{}\n", row.replacen(from, to, 1))
}

/// One change made through a mutation and through an import.
struct Change {
    what: &'static str,
    mutation: &'static str,
    file: &'static str,
    content: String,
    allowed: bool,
}

fn changes() -> Vec<Change> {
    let milestone =
        |project: &str| format!("project_slug,title,due,reached\n{project},Phase 2 tender,2027,\n");
    vec![
        Change {
            what: "its own park",
            mutation: "mutation { updatePark(slug: \"fazal-stp-islamabad\", version: 1, input: { name: \"Fazal STP\" }) { slug } }",
            file: "parks.csv",
            content: edited("parks.csv", "fazal-stp-islamabad,", "Fazal Software Technology Park", "Fazal STP"),
            allowed: true,
        },
        Change {
            what: "another organization's park",
            mutation: "mutation { updatePark(slug: \"nstp-nust-islamabad\", version: 1, input: { name: \"NSTP\" }) { slug } }",
            file: "parks.csv",
            content: edited("parks.csv", "nstp-nust-islamabad,", "\"National Science & Technology Park (NSTP), NUST\"", "NSTP"),
            allowed: false,
        },
        Change {
            what: "a tenancy in another organization's park",
            mutation: "mutation { addTenancy(parkSlug: \"nstp-nust-islamabad\", firmSlug: \"arkotech-corporation\", since: \"2026\") { since } }",
            file: "tenancies.csv",
            content: "park_slug,firm_slug,area_sqft,since,until\nnstp-nust-islamabad,arkotech-corporation,,2026,\n".into(),
            allowed: false,
        },
        Change {
            what: "an existing firm",
            mutation: "mutation { updateFirm(slug: \"arkotech-corporation\", version: 1, input: { employees: 1 }) { slug } }",
            file: "firms.csv",
            content: edited("firms.csv", "arkotech-corporation,", "tenant),", "tenant),1"),
            allowed: false,
        },
        Change {
            what: "a new firm",
            mutation: "mutation { createFirm(input: { slug: \"new-co\", name: \"New Co\" }) { slug } }",
            file: "firms.csv",
            content: "slug,name,sector,employees\nnew-co,New Co,,\n".into(),
            allowed: true,
        },
        Change {
            what: "a new project",
            mutation: "mutation { createProject(input: { slug: \"p\", name: \"P\", status: PLANNED, citySlug: \"lahore\" }) { slug } }",
            file: "projects.csv",
            content: "slug,name,status,city_slug,park_slug,cost_usd,area_sqft,target_year,jobs_target,exports_target_usd,notes\np,P,PLANNED,lahore,,,,,,,\n".into(),
            allowed: false,
        },
        Change {
            what: "a milestone of a project it partners in",
            mutation: "mutation { addMilestone(input: { projectSlug: \"karachi-it-park\", title: \"Phase 2 tender\", due: \"2027\" }) { title } }",
            file: "milestones.csv",
            content: milestone("karachi-it-park"),
            allowed: true,
        },
        Change {
            what: "a milestone of a project it does not partner in",
            mutation: "mutation { addMilestone(input: { projectSlug: \"dik-new-city-technology-park\", title: \"Phase 2 tender\", due: \"2027\" }) { title } }",
            file: "milestones.csv",
            content: milestone("dik-new-city-technology-park"),
            allowed: false,
        },
    ]
}

fn refused(body: &Value) -> bool {
    body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
}

/// A PSEB key: each change is allowed or FORBIDDEN alike through its
/// mutation and through `importDataset`.
#[tokio::test]
async fn an_org_key_may_import_exactly_what_it_may_change_by_mutation() {
    let app = TestApp::seeded().await;
    let pseb = app.key("write", Some("pseb")).await;

    for change in changes() {
        let files = json!([{ "name": change.file, "format": "CSV", "content": change.content }]);
        let import = app.gql_as(&pseb, IMPORT, json!({ "files": files })).await;
        let mutation = app.gql_as(&pseb, change.mutation, json!({})).await;

        assert_eq!(
            refused(&import),
            !change.allowed,
            "import of {}: {import:#}",
            change.what
        );
        assert_eq!(
            refused(&mutation),
            !change.allowed,
            "mutation of {}: {mutation:#}",
            change.what
        );
        if change.allowed {
            assert!(import["errors"].is_null(), "{import:#}");
            assert!(mutation["errors"].is_null(), "{mutation:#}");
        }
    }
}

/// Organizations are changed by admin keys alone, which are never bound to
/// an organization: a bound key may not add one either way.
#[tokio::test]
async fn a_bound_key_may_not_add_organizations_either_way() {
    let app = TestApp::seeded().await;
    let pseb = app.key("write", Some("pseb")).await;
    let files = json!([{ "name": "organizations.csv", "format": "CSV", "content": "slug,name,kind\nnew-board,New Board,GOVERNMENT\n" }]);

    let import = app.gql_as(&pseb, IMPORT, json!({ "files": files })).await;
    let mutation = app
        .gql_as(
            &pseb,
            "mutation { createOrganization(input: { slug: \"new-board\", name: \"New Board\", kind: GOVERNMENT }) { slug } }",
            json!({}),
        )
        .await;

    assert!(refused(&import), "{import:#}");
    assert!(refused(&mutation), "{mutation:#}");
    assert_eq!(app.count("organization").await, 42);
}

//! Tenant counts are stored on the park and kept by database triggers; every
//! write path must leave them equal to counting the park's tenancy rows.

use std::collections::BTreeMap;

use sea_orm::ConnectionTrait;
use serde_json::{Value, json};

use crate::helpers::TestApp;

const FAZAL: &str = "fazal-stp-islamabad";
const STP1: &str = "pseb-stp1-awami-markaz-islamabad";
const ISLAMABAD: &str = "ISLAMABAD_CAPITAL_TERRITORY";

/// Every place the API reports tenant counts, as one value to compare.
#[derive(Debug, PartialEq)]
struct Counts {
    /// `parkStats { tenantCount }`.
    total: i64,
    /// `parkStats { groups(by: PROVINCE) { tenantCount } }` by key.
    provinces: BTreeMap<String, i64>,
    /// `parks(filter: slug) { groups(by: STATUS) { tenantCount } }` per park.
    parks: BTreeMap<&'static str, i64>,
}

async fn counts(app: &TestApp) -> Counts {
    let data = app
        .data(
            "{ parkStats { tenantCount groups(by: PROVINCE) { key tenantCount } }
               fazal: parks(filter: { slug: { eq: \"fazal-stp-islamabad\" } }) { groups(by: STATUS) { tenantCount } }
               stp1: parks(filter: { slug: { eq: \"pseb-stp1-awami-markaz-islamabad\" } }) { groups(by: STATUS) { tenantCount } } }",
            json!({}),
        )
        .await;
    let group_total = |v: &Value| -> i64 {
        v["groups"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| g["tenantCount"].as_i64().unwrap())
            .sum()
    };
    Counts {
        total: data["parkStats"]["tenantCount"].as_i64().unwrap(),
        provinces: data["parkStats"]["groups"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| {
                let key = g["key"].as_str().unwrap().to_owned();
                (key, g["tenantCount"].as_i64().unwrap())
            })
            .collect(),
        parks: BTreeMap::from([
            (FAZAL, group_total(&data["fazal"])),
            (STP1, group_total(&data["stp1"])),
        ]),
    }
}

impl Counts {
    /// These counts with `by` more tenancies in `park` (an Islamabad park).
    fn plus(&self, park: &'static str, by: i64) -> Counts {
        let mut next = Counts {
            total: self.total + by,
            provinces: self.provinces.clone(),
            parks: self.parks.clone(),
        };
        *next.provinces.get_mut(ISLAMABAD).unwrap() += by;
        *next.parks.get_mut(park).unwrap() += by;
        next
    }
}

/// Parks whose stored count differs from counting their tenancy rows.
async fn drifted_parks(app: &TestApp) -> i64 {
    let sql = "SELECT COUNT(*) AS n FROM park \
               WHERE tenant_count <> (SELECT COUNT(*) FROM tenancy WHERE tenancy.park_id = park.id)";
    let statement = sea_orm::Statement::from_string(app.db.backend(), sql.to_owned());
    let row = app.db.conn.query_one_raw(statement).await.unwrap().unwrap();
    row.try_get::<i64>("", "n").unwrap()
}

async fn park_version(app: &TestApp, slug: &str) -> Value {
    app.data(
        "query($slug: String!) { park(slug: $slug) { version updatedAt } }",
        json!({ "slug": slug }),
    )
    .await["park"]
        .clone()
}

/// addTenancy counts one more tenancy in the park, its province and the
/// total; ending it keeps it counted (ended tenancies always were); the park
/// row's version and the change log see only the tenancy.
#[tokio::test]
async fn tenant_counts_follow_a_tenancy_added_and_ended_by_mutations() {
    let app = TestApp::seeded().await;
    let key = app.key("write", None).await;
    let add = "mutation { addTenancy(parkSlug: \"fazal-stp-islamabad\", firmSlug: \"arkotech-corporation\", since: \"2024-03\") { version } }";
    let end = "mutation { endTenancy(parkSlug: \"fazal-stp-islamabad\", firmSlug: \"arkotech-corporation\", until: \"2025\") { version } }";
    let before = counts(&app).await;
    let park_before = park_version(&app, FAZAL).await;

    app.data_as(&key, add, json!({})).await;
    let added = counts(&app).await;
    app.data_as(&key, end, json!({})).await;
    let ended = counts(&app).await;

    assert_eq!(before.total, app.count("tenancy").await - 1);
    assert_eq!(added, before.plus(FAZAL, 1));
    assert_eq!(ended, added);
    assert_eq!(park_version(&app, FAZAL).await, park_before);
    assert_eq!(app.count("change").await, 2, "one per tenancy write");
    assert_eq!(drifted_parks(&app).await, 0);
}

/// Deleting a firm or a park with cascade takes their tenancies out of
/// every count.
#[tokio::test]
async fn tenant_counts_follow_tenancies_deleted_with_a_firm_or_a_park() {
    let app = TestApp::seeded().await;
    let key = app.key("write", None).await;
    let delete_firm =
        "mutation { deleteFirm(slug: \"arkotech-corporation\", version: 1, cascade: true) }";
    let delete_park = "mutation { deletePark(slug: \"pseb-stp1-awami-markaz-islamabad\", version: 1, cascade: true) }";
    let before = counts(&app).await;

    app.data_as(&key, delete_firm, json!({})).await;
    let without_firm = counts(&app).await;
    app.data_as(&key, delete_park, json!({})).await;
    let without_park = counts(&app).await;

    assert_eq!(without_firm, before.plus(STP1, -1));
    assert_eq!(without_park.total, without_firm.total - 17);
    assert_eq!(without_park.total, app.count("tenancy").await);
    assert_eq!(without_park.parks[STP1], 0, "the park is gone");
    assert_eq!(drifted_parks(&app).await, 0);
}

/// No mutation moves a tenancy, but the count must survive one written in
/// SQL: it leaves the old park and joins the new one.
#[tokio::test]
async fn a_tenancy_moved_to_another_park_is_counted_there() {
    let app = TestApp::configured(crate::helpers::no_response_cache).await;
    let before = counts(&app).await;

    app.execute(
        "UPDATE tenancy SET park_id = (SELECT id FROM park WHERE slug = 'fazal-stp-islamabad') \
         WHERE firm_id = (SELECT id FROM firm WHERE slug = 'arkotech-corporation')",
    )
    .await;
    app.execute("UPDATE tenancy SET area_sqft = 10, park_id = park_id")
        .await;
    let after = counts(&app).await;

    assert_eq!(after, before.plus(STP1, -1).plus(FAZAL, 1));
    assert_eq!(drifted_parks(&app).await, 0);
}

/// Imported tenancies are counted, and a whole dataset imported into an
/// empty database reports the same counts as where it came from.
#[tokio::test]
async fn tenant_counts_follow_an_import() {
    let source = TestApp::seeded().await;
    let target = TestApp::spawn().await;
    let key = target.key("admin", None).await;
    let import = "mutation($files: [ImportFile!]!) { importDataset(files: $files) { created problems { reason } } }";
    let file =
        |name: &str, content: &str| json!({ "name": name, "format": "CSV", "content": content });
    let files: Vec<Value> = parkgraph::dataset::transfer::export(&source.db.conn)
        .await
        .unwrap()
        .iter()
        .map(|(name, text)| file(name, text))
        .collect();
    let more = "park_slug,firm_slug,area_sqft,since,until\nfazal-stp-islamabad,arkotech-corporation,900,2025,\n";

    target
        .data_as(&key, import, json!({ "files": files }))
        .await;
    let imported = counts(&target).await;
    let report = target
        .data_as(
            &key,
            import,
            json!({ "files": [file("tenancies.csv", more)] }),
        )
        .await;
    let after = counts(&target).await;

    assert_eq!(imported, counts(&source).await);
    assert_eq!(report["importDataset"]["created"], 1, "{report:#}");
    assert_eq!(after, imported.plus(FAZAL, 1));
    assert_eq!(drifted_parks(&target).await, 0);
}

/// The synthetic seed loads tenancies in bulk (on PostgreSQL with the insert
/// trigger off, counting at the end); every park's count must still be exact.
#[tokio::test]
async fn a_synthetic_seed_stores_exact_tenant_counts() {
    let app = TestApp::spawn().await;

    parkgraph::dataset::seed::seed_synthetic(&app.db, 0.01)
        .await
        .unwrap();
    let added = app
        .data_as(
            &app.key("write", None).await,
            "mutation { addTenancy(parkSlug: \"synthetic-park-000000\", firmSlug: \"synthetic-firm-0000000\", since: \"2026\") { version } }",
            json!({}),
        )
        .await;

    assert_eq!(added["addTenancy"]["version"], 1);
    assert_eq!(counts_total(&app).await, app.count("tenancy").await);
    assert_eq!(drifted_parks(&app).await, 0);
}

async fn counts_total(app: &TestApp) -> i64 {
    app.data("{ parkStats { tenantCount } }", json!({})).await["parkStats"]["tenantCount"]
        .as_i64()
        .unwrap()
}

/// The migration rolls back cleanly (column, index and triggers) and, run
/// again, counts the tenancies written while it was away.
#[tokio::test]
async fn the_tenant_count_migration_rolls_back_and_recounts_when_reapplied() {
    use migration::MigratorTrait;
    let app = TestApp::configured(crate::helpers::no_response_cache).await;
    let before = counts(&app).await;

    let back = crate::helpers::migrations_since("m20261128_000006_park_tenant_counts");
    migration::Migrator::down(&app.db.conn, Some(back))
        .await
        .unwrap();
    app.execute(
        "INSERT INTO tenancy (park_id, firm_id, version, updated_at) \
         SELECT p.id, f.id, 1, '2026-01-01' FROM park p, firm f \
         WHERE p.slug = 'fazal-stp-islamabad' AND f.slug = 'arkotech-corporation'",
    )
    .await;
    migration::Migrator::up(&app.db.conn, None).await.unwrap();

    assert_eq!(counts(&app).await, before.plus(FAZAL, 1));
    assert_eq!(drifted_parks(&app).await, 0);
}

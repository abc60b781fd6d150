use std::process::{Command, Output};

fn parkgraph(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_parkgraph"));
    command
        .args(args)
        .env_remove("DATABASE_URL")
        .env("RUST_LOG", "error");
    for (name, value) in env {
        command.env(name, value);
    }
    command.output().expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// `parkgraph schema` prints exactly the checked-in SDL.
#[test]
fn the_schema_command_prints_the_checked_in_sdl() {
    let output = parkgraph(&["schema"], &[]);

    assert!(output.status.success());
    let on_disk =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/schema.graphql")).unwrap();
    assert_eq!(stdout(&output), on_disk);
}

/// `parkgraph schema check` passes the repository's own documents against
/// the checked-in schema, and fails, naming the document, when a field a
/// stored document uses was removed (listed as a breaking change).
#[test]
fn schema_check_fails_when_a_stored_document_uses_a_removed_field() {
    let root = env!("CARGO_MANIFEST_DIR");
    let dir = std::env::temp_dir().join(format!("schema-check-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    let schema = std::fs::read_to_string(format!("{root}/schema.graphql")).unwrap();
    let old = schema.replacen(
        "type Park implements Node {",
        "type Park implements Node {\n\tlegacyName: String",
        1,
    );
    let old_path = dir.join("old.graphql");
    std::fs::write(&old_path, old).unwrap();
    let uses = dir.join("uses-removed.graphql");
    std::fs::write(&uses, "{ parks(first: 1) { nodes { legacyName } } }").unwrap();
    let (examples, e2e) = (format!("{root}/examples"), format!("{root}/e2e"));
    let old_arg = old_path.to_str().unwrap();

    let ours = parkgraph(
        &[
            "schema",
            "check",
            "--against",
            old_arg,
            "--documents",
            &examples,
            "--documents",
            &e2e,
        ],
        &[],
    );
    let broken = parkgraph(
        &[
            "schema",
            "check",
            "--against",
            old_arg,
            "--documents",
            uses.to_str().unwrap(),
        ],
        &[],
    );
    std::fs::remove_dir_all(&dir).ok();

    assert!(ours.status.success(), "{}", stdout(&ours));
    assert!(stdout(&ours).contains("breaking: field Park.legacyName was removed"));
    assert!(stdout(&ours).contains("0 fail"), "{}", stdout(&ours));
    assert_eq!(broken.status.code(), Some(3), "{}", stdout(&broken));
    assert!(
        stdout(&broken).contains("uses-removed.graphql"),
        "{}",
        stdout(&broken)
    );
}

/// `--help` names every subcommand.
#[test]
fn help_explains_every_subcommand() {
    let output = parkgraph(&["--help"], &[]);

    let text = stdout(&output);
    for command in ["serve", "migrate", "seed", "schema"] {
        assert!(text.contains(command), "{text}");
    }
}

/// `seed` loads a file database once; a second run writes nothing.
#[test]
fn seed_loads_a_database_file_once() {
    let dir = std::env::temp_dir().join(format!("parkgraph-cli-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    let url = format!("sqlite://{}/test.db?mode=rwc", dir.display());
    let env = [("DATABASE_URL", url.as_str())];

    let first = parkgraph(&["seed"], &env);
    let second = parkgraph(
        &[
            "seed",
            "--data",
            concat!(env!("CARGO_MANIFEST_DIR"), "/data"),
        ],
        &env,
    );

    assert!(first.status.success(), "{first:?}");
    assert!(stdout(&first).starts_with("loaded "), "{first:?}");
    assert!(second.status.success(), "{second:?}");
    assert!(stdout(&second).contains("already holds data"), "{second:?}");
    std::fs::remove_dir_all(&dir).ok();
}

/// A bulk `seed --synthetic` leaves the SQLite database whole and its
/// write-ahead log empty, not holding a copy of the load on disk.
#[test]
fn a_synthetic_seed_leaves_no_write_ahead_log_behind() {
    let dir = std::env::temp_dir().join(format!("parkgraph-cli-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    let url = format!("sqlite://{}/test.db?mode=rwc", dir.display());

    let seeded = parkgraph(
        &["seed", "--synthetic", "--scale", "0.05"],
        &[("DATABASE_URL", url.as_str())],
    );

    assert!(seeded.status.success(), "{seeded:?}");
    let size = |name: &str| std::fs::metadata(dir.join(name)).map_or(0, |m| m.len());
    assert_eq!(size("test.db-wal"), 0);
    assert!(size("test.db") > 1_000_000, "the rows are in the database");
    std::fs::remove_dir_all(&dir).ok();
}

/// A bad setting stops the binary with the variable's name and a failing exit code.
#[test]
fn a_bad_setting_stops_startup_naming_the_variable() {
    let output = parkgraph(&["migrate"], &[("PARKGRAPH_ADDR", "nowhere")]);

    assert!(!output.status.success());
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("PARKGRAPH_ADDR"),
        "{output:?}"
    );
}

/// `seed --data` on a missing folder fails with the path, writing nothing.
#[test]
fn seed_from_a_missing_folder_fails_clearly() {
    let output = parkgraph(
        &["seed", "--data", "/nonexistent/parkgraph"],
        &[("DATABASE_URL", "sqlite::memory:")],
    );

    assert!(!output.status.success());
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("/nonexistent/parkgraph"),
        "{output:?}"
    );
}

fn temp_db() -> (std::path::PathBuf, String) {
    let dir = std::env::temp_dir().join(format!("parkgraph-cli-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    let url = format!("sqlite://{}/test.db?mode=rwc", dir.display());
    (dir, url)
}

/// `keys create` prints a key once; `keys list` shows names and prefixes but
/// never the key; `keys revoke` marks it revoked.
#[test]
fn keys_are_created_listed_and_revoked_from_the_command_line() {
    let (dir, url) = temp_db();
    let env = [("DATABASE_URL", url.as_str())];
    assert!(parkgraph(&["seed"], &env).status.success());

    let created = parkgraph(
        &[
            "keys",
            "create",
            "--name",
            "pseb-sync",
            "--scope",
            "write",
            "--org",
            "pseb",
        ],
        &env,
    );
    let token = stdout(&created).trim().to_owned();
    let listed = stdout(&parkgraph(&["keys", "list"], &env));
    let revoked = parkgraph(&["keys", "revoke", "--name", "pseb-sync"], &env);
    let after = stdout(&parkgraph(&["keys", "list"], &env));
    let bad_scope = parkgraph(&["keys", "create", "--name", "x", "--scope", "root"], &env);

    assert!(created.status.success(), "{created:?}");
    assert!(token.starts_with("pgk_") && token.len() > 60, "{token}");
    assert!(listed.contains("pseb-sync\twrite\tpseb\t"), "{listed}");
    assert!(
        !listed.contains(&token),
        "the key itself is never shown again"
    );
    assert!(revoked.status.success());
    assert!(after.contains("revoked"), "{after}");
    assert!(!bad_scope.status.success());
    std::fs::remove_dir_all(&dir).ok();
}

/// `export DIR` writes the dataset layout; `import --dry-run` of those files
/// into the same database finds every row unchanged; a bad file fails with
/// its line and writes nothing.
#[test]
fn export_and_import_run_from_the_command_line() {
    let (dir, url) = temp_db();
    let env = [("DATABASE_URL", url.as_str())];
    assert!(parkgraph(&["seed"], &env).status.success());
    let rows = crate::helpers::shipped_rows();
    let out = dir.join("export");

    let exported = parkgraph(&["export", out.to_str().unwrap()], &env);
    let files: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().path().display().to_string())
        .filter(|path| path.ends_with(".csv"))
        .collect();
    let cursor = std::fs::read_to_string(out.join("feed_cursor.txt")).unwrap();
    let mut args = vec!["import", "--dry-run"];
    args.extend(files.iter().map(String::as_str));
    let dry = parkgraph(&args, &env);
    let bad = out.join("firms.csv");
    std::fs::write(
        &bad,
        "slug,name,sector,employees\nok-firm,Ok,,\nNot A Slug,X,,\n",
    )
    .unwrap();
    let refused = parkgraph(&["import", bad.to_str().unwrap()], &env);

    assert!(exported.status.success(), "{exported:?}");
    // A freshly seeded database has logged no change: the feed is followed
    // from its start.
    assert_eq!(
        stdout(&exported).trim(),
        format!(
            "exported {rows} rows to {} at feed cursor \"\" (in feed_cursor.txt)",
            out.display()
        )
    );
    assert_eq!(cursor, "\n");
    assert_eq!(files.len(), parkgraph::records::Kind::ALL.len());
    assert!(dry.status.success(), "{dry:?}");
    assert_eq!(
        stdout(&dry).trim(),
        format!(
            "dry run: would create 0, update 0 and leave {rows} unchanged; nothing was written"
        )
    );
    assert!(!refused.status.success());
    assert!(
        stdout(&refused).contains("firms.csv line 3, column slug"),
        "{refused:?}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// `parkgraph import` refuses a value for the reason `updatePark` and
/// `importDataset` give (see `validation.rs`), and writes nothing.
#[test]
fn the_command_line_import_refuses_what_the_api_refuses() {
    let (dir, url) = temp_db();
    let env = [("DATABASE_URL", url.as_str())];
    assert!(parkgraph(&["seed"], &env).status.success());
    let parks = dir.join("parks.csv");
    std::fs::write(
        &parks,
        "slug,name,kind,status,city_slug,operator_slug,area_sqft,opened_year,notes,latitude,longitude,location_url\nnew-park,New Park,IT_PARK,PLANNED,lahore,,,3000,,,,\n",
    )
    .unwrap();

    let refused = parkgraph(&["import", parks.to_str().unwrap()], &env);
    let dry = parkgraph(&["import", "--dry-run", parks.to_str().unwrap()], &env);

    assert!(!refused.status.success(), "{refused:?}");
    assert!(
        stdout(&refused)
            .contains("parks.csv line 2, column opened_year: 3000 is not a year from 1900 to 2200"),
        "{refused:?}"
    );
    assert!(stdout(&dry).contains("nothing was written"), "{dry:?}");
    std::fs::remove_dir_all(&dir).ok();
}

/// Failures end with an exit code per class, and with `--json` say the
/// API's error code on stderr: a script can tell a fix from a retry.
#[test]
fn failures_have_an_exit_code_per_class_and_the_apis_codes_in_json() {
    let (dir, url) = temp_db();
    let env = [("DATABASE_URL", url.as_str())];
    assert!(parkgraph(&["seed"], &env).status.success());
    let firms = dir.join("firms.csv");
    std::fs::write(&firms, "slug,name,sector,employees\nNot A Slug,X,,\n").unwrap();
    let json_error = |output: &Output| -> serde_json::Value {
        serde_json::from_str(String::from_utf8_lossy(&output.stderr).trim()).unwrap()
    };

    let bad_rows = parkgraph(&["--json", "import", firms.to_str().unwrap()], &env);
    let no_key = parkgraph(&["keys", "revoke", "--name", "nobody"], &env);
    let bad_setting = parkgraph(&["--json", "migrate"], &[("PARKGRAPH_ADDR", "nowhere")]);
    let unreachable = parkgraph(
        &["--json", "migrate"],
        &[("DATABASE_URL", "postgres://nobody:none@127.0.0.1:9/none")],
    );

    assert_eq!(bad_rows.status.code(), Some(3), "{bad_rows:?}");
    assert_eq!(json_error(&bad_rows)["code"], "BAD_USER_INPUT");
    let report: serde_json::Value = serde_json::from_str(stdout(&bad_rows).trim()).unwrap();
    assert_eq!(report["problems"][0]["column"], "slug", "{report}");
    assert_eq!(no_key.status.code(), Some(4), "{no_key:?}");
    assert_eq!(bad_setting.status.code(), Some(3), "{bad_setting:?}");
    assert_eq!(json_error(&bad_setting)["code"], "BAD_USER_INPUT");
    assert_eq!(unreachable.status.code(), Some(7), "{unreachable:?}");
    assert_eq!(json_error(&unreachable)["code"], "SERVICE_UNAVAILABLE");
}

/// `keys create --documents` binds a new key to a manifest and `keys
/// documents` replaces it; a manifest whose ids are not its documents'
/// SHA-256 is refused (exit 3), and then no key is created.
#[test]
fn keys_are_bound_to_trusted_documents_from_the_command_line() {
    use sha2::Digest;
    let (dir, url) = temp_db();
    let env = [("DATABASE_URL", url.as_str())];
    assert!(parkgraph(&["seed"], &env).status.success());
    let document = "query Parks { parks(first: 2) { totalCount } }";
    let id = format!("{:x}", sha2::Sha256::digest(document.as_bytes()));
    let good = dir.join("manifest.json");
    std::fs::write(&good, serde_json::json!({ id: document }).to_string()).unwrap();
    let bad = dir.join("bad.json");
    std::fs::write(&bad, serde_json::json!({ "0000": document }).to_string()).unwrap();
    let (good, bad) = (good.to_str().unwrap(), bad.to_str().unwrap());

    let created = parkgraph(
        &[
            "keys",
            "create",
            "--name",
            "app",
            "--scope",
            "read",
            "--documents",
            good,
        ],
        &env,
    );
    let replaced = parkgraph(
        &["keys", "documents", "--name", "app", good, "--rollout"],
        &env,
    );
    let refused = parkgraph(
        &[
            "keys",
            "create",
            "--name",
            "other",
            "--scope",
            "read",
            "--documents",
            bad,
        ],
        &env,
    );
    let listed = stdout(&parkgraph(&["keys", "list"], &env));
    let none = dir.join("none");
    std::fs::create_dir_all(&none).unwrap();
    let none = none.to_str().unwrap();
    let checked = parkgraph(
        &["--json", "schema", "check", "--stored", "--documents", none],
        &env,
    );
    let from_file = parkgraph(&["--json", "schema", "check", "--documents", good], &env);
    std::fs::remove_dir_all(&dir).ok();

    assert!(created.status.success(), "{created:?}");
    assert!(
        stdout(&replaced).contains("1 trusted document"),
        "{replaced:?}"
    );
    for report in [&checked, &from_file] {
        let report: serde_json::Value = serde_json::from_str(&stdout(report)).unwrap();
        assert_eq!(report["documents"], 1, "{report}");
        assert_eq!(report["failures"], serde_json::json!([]), "{report}");
    }
    assert_eq!(refused.status.code(), Some(3), "{refused:?}");
    assert!(!listed.contains("other"), "{listed}");
}

/// An OTLP protocol this build cannot speak stops startup, naming the
/// variable (exit 3), rather than exporting nothing silently.
#[test]
fn an_otlp_protocol_without_its_stack_stops_startup_clearly() {
    let (dir, url) = temp_db();
    let env = [
        ("DATABASE_URL", url.as_str()),
        ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4318"),
        ("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc"),
    ];

    let refused = parkgraph(&["migrate"], &env);
    std::fs::remove_dir_all(&dir).ok();

    assert_eq!(refused.status.code(), Some(3), "{refused:?}");
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(stderr.contains("OTEL_EXPORTER_OTLP_PROTOCOL"), "{stderr}");
}

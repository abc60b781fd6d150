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

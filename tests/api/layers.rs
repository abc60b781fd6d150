//! The layer rule, read from the source: the SQL engine (`store/`) and the
//! record layer (`records/`) know neither GraphQL nor HTTP, the store knows
//! nothing above it, the GraphQL kit names no domain, and no domain service
//! takes a GraphQL context.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files
}

/// Every file under `src/{band}` that contains one of `words`.
fn naming(band: &str, words: &[&str]) -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(band);
    let mut found = Vec::new();
    for file in rust_files(&dir) {
        let text = std::fs::read_to_string(&file).unwrap();
        for word in words {
            if text.contains(word) {
                found.push(format!("{} names {word}", file.display()));
            }
        }
    }
    found
}

#[test]
fn the_store_and_the_records_know_neither_graphql_nor_http() {
    for band in ["store", "records"] {
        let found = naming(band, &["async_graphql", "axum"]);
        assert!(found.is_empty(), "{found:#?}");
    }
}

#[test]
fn the_store_and_the_records_know_nothing_above_them() {
    let above = [
        "crate::domains",
        "crate::graphql",
        "crate::dataset",
        "crate::writes",
        "crate::http",
    ];
    let mut found = naming("store", &above);
    found.extend(naming("store", &["crate::records"]));
    found.extend(naming("records", &above));
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn the_graphql_kit_names_no_domain() {
    let found = naming("graphql/kit", &["crate::domains"]);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn no_domain_service_takes_a_graphql_context() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/domains");
    let mut found = Vec::new();
    for file in rust_files(&dir) {
        let text = std::fs::read_to_string(&file).unwrap();
        if file.ends_with("service.rs")
            && (text.contains("Context<") || text.contains("async_graphql"))
        {
            found.push(file.display().to_string());
        }
    }
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn every_domain_is_a_folder_of_the_same_few_files() {
    let allowed = [
        "mod.rs",
        "record.rs",
        "types.rs",
        "inputs.rs",
        "resolvers.rs",
        "service.rs",
        "write.rs",
    ];
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/domains");
    let mut found = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let domain = entry.unwrap().path();
        if !domain.is_dir() {
            continue;
        }
        for file in std::fs::read_dir(&domain).unwrap() {
            let name = file.unwrap().file_name().to_string_lossy().into_owned();
            if !allowed.contains(&name.as_str()) {
                found.push(format!("{}/{name}", domain.display()));
            }
        }
        for needed in ["mod.rs", "record.rs", "types.rs"] {
            if !domain.join(needed).exists() {
                found.push(format!("{} has no {needed}", domain.display()));
            }
        }
    }
    assert!(found.is_empty(), "{found:#?}");
}

/// The map in `src/lib.rs` (between its ```text fences).
fn crate_map() -> String {
    let lib =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs")).unwrap();
    let lines: Vec<&str> = lib
        .lines()
        .filter_map(|l| l.strip_prefix("//!"))
        .map(|l| l.strip_prefix(' ').unwrap_or(l))
        .collect();
    let start = lines.iter().position(|l| *l == "```text").unwrap() + 1;
    let end = start + lines[start..].iter().position(|l| *l == "```").unwrap();
    lines[start..end].join("\n")
}

#[test]
fn the_crate_map_names_every_module_and_the_readme_shows_the_same_map() {
    let map = crate_map();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut missing = Vec::new();
    for file in rust_files(&src) {
        let relative = file.strip_prefix(&src).unwrap();
        let name = relative.file_name().unwrap().to_string_lossy().into_owned();
        let mut wanted: Vec<String> = relative
            .parent()
            .into_iter()
            .flat_map(|p| p.iter())
            .map(|dir| dir.to_string_lossy().into_owned())
            .map(|dir| {
                if map.contains(&format!("{dir}/")) {
                    dir + "/"
                } else {
                    dir
                }
            })
            .collect();
        if name != "mod.rs" && name != "lib.rs" {
            wanted.push(name);
        }
        for part in wanted {
            if !map.contains(part.as_str()) {
                missing.push(format!("{} ({part})", relative.display()));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "not in the map of src/lib.rs: {missing:#?}"
    );

    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    assert!(
        readme.contains(&map),
        "README.md's Layout differs from src/lib.rs's map"
    );
    let layout = readme.find("## Layout").unwrap();
    let third = readme.match_indices("\n## ").nth(3).map_or(0, |(i, _)| i);
    assert!(
        layout < third,
        "the Layout section is not near the top of README.md"
    );
}

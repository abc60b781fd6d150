/// `schema.graphql` is generated from the code; it is the API's change log in review.
#[test]
fn schema_graphql_matches_the_code() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/schema.graphql");
    let sdl = parkgraph::graphql::sdl();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(path, &sdl).expect("schema.graphql is writable");
    }
    let on_disk = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        on_disk == sdl,
        "schema.graphql is stale; rerun with UPDATE_SCHEMA=1 cargo test schema_graphql"
    );
}

/// Every type, field, argument and enum value the schema shows has a description.
#[test]
fn every_schema_element_is_described() {
    let schema = parkgraph::graphql::schema_builder().finish();
    let response = futures::executor::block_on(schema.execute(
        "{ __schema { types { name description kind
            fields { name description args { name description } }
            inputFields { name description }
            enumValues { name description } } } }",
    ));
    let data = response.data.into_json().unwrap();
    let mut missing = Vec::new();
    for ty in data["__schema"]["types"].as_array().unwrap() {
        let name = ty["name"].as_str().unwrap();
        if name.starts_with("__") || ["String", "Int", "Float", "Boolean", "ID"].contains(&name) {
            continue;
        }
        let described =
            |v: &serde_json::Value| v["description"].as_str().is_some_and(|d| !d.is_empty());
        if !described(ty) {
            missing.push(name.to_owned());
        }
        for list in ["fields", "inputFields", "enumValues"] {
            for item in ty[list].as_array().into_iter().flatten() {
                if !described(item) {
                    missing.push(format!("{name}.{}", item["name"]));
                }
                for arg in item["args"].as_array().into_iter().flatten() {
                    if !described(arg) {
                        missing.push(format!("{name}.{}({})", item["name"], arg["name"]));
                    }
                }
            }
        }
    }
    assert!(missing.is_empty(), "undescribed: {missing:#?}");
}

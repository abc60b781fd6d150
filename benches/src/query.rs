//! The standard queries: `.graphql` files whose leading comments say what
//! they answer and, optionally, how to fill their variables.
//!
//! - `# variables: {...}` gives the variables as JSON.
//! - `# setup: query {...}` is run once before the warm-up, and
//!   `# bind: name = a.b.0.c` copies a value from its `data` into a variable
//!   (Q7 finds the cursor of the last page this way).

use anyhow::{Context, bail};
use serde_json::{Map, Value, json};
use std::path::Path;

/// One standard query, ready to send.
#[derive(Debug, Clone)]
pub struct Query {
    /// `Q1`, `Q2`, ...: the file's stem.
    pub name: String,
    /// The first comment line, e.g. "Q1: the first 20 parks by name".
    pub title: String,
    pub text: String,
    pub variables: Map<String, Value>,
    setup: Option<String>,
    binds: Vec<(String, String)>,
}

impl Query {
    /// The request body sent on every iteration.
    pub fn body(&self) -> Vec<u8> {
        serde_json::to_vec(&json!({ "query": self.text, "variables": self.variables }))
            .expect("a JSON value serializes")
    }

    /// Runs the setup query, if any, and binds its values into the variables.
    pub async fn prepare(&mut self, client: &reqwest::Client, url: &str) -> anyhow::Result<()> {
        let Some(setup) = &self.setup else {
            return Ok(());
        };
        let response: Value = client
            .post(url)
            .json(&json!({ "query": setup }))
            .send()
            .await?
            .json()
            .await?;
        for (name, path) in &self.binds {
            let value = path
                .split('.')
                .try_fold(&response["data"], |v, step| match step.parse::<usize>() {
                    Ok(i) => v.get(i),
                    Err(_) => v.get(step),
                })
                .with_context(|| format!("{}: setup answered no {path}: {response}", self.name))?;
            self.variables.insert(name.clone(), value.clone());
        }
        Ok(())
    }
}

/// Reads `Q*.graphql` from a folder, sorted by name, keeping those asked for
/// (all when `only` is empty).
pub fn load(dir: &Path, only: &[String]) -> anyhow::Result<Vec<Query>> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "graphql"))
        .collect();
    files.sort();
    let mut queries = Vec::new();
    for path in files {
        let name = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        if !only.is_empty() && !only.contains(&name) {
            continue;
        }
        let text = std::fs::read_to_string(&path)?;
        queries.push(parse(name, text).with_context(|| format!("in {}", path.display()))?);
    }
    if queries.is_empty() {
        bail!("no queries in {}", dir.display());
    }
    Ok(queries)
}

fn parse(name: String, text: String) -> anyhow::Result<Query> {
    let mut query = Query {
        title: String::new(),
        name,
        variables: Map::new(),
        setup: None,
        binds: Vec::new(),
        text: String::new(),
    };
    for line in text.lines().map_while(|l| l.strip_prefix('#')) {
        let line = line.trim();
        if let Some(v) = line.strip_prefix("variables:") {
            query.variables = serde_json::from_str(v.trim()).context("variables")?;
        } else if let Some(s) = line.strip_prefix("setup:") {
            query.setup = Some(s.trim().to_owned());
        } else if let Some(b) = line.strip_prefix("bind:") {
            let (var, path) = b.split_once('=').context("bind: name = path")?;
            query
                .binds
                .push((var.trim().to_owned(), path.trim().to_owned()));
        } else if query.title.is_empty() {
            query.title = line.to_owned();
        }
    }
    query.text = text;
    Ok(query)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_lines_give_the_title_variables_and_binds() {
        let q = parse(
            "Q7".into(),
            "# Q7: last page\n# variables: {\"n\": 1}\n# setup: { a }\n# bind: after = a.0.b\nquery { a }\n"
                .into(),
        )
        .unwrap();
        assert_eq!(q.title, "Q7: last page");
        assert_eq!(q.variables["n"], 1);
        assert_eq!(q.setup.as_deref(), Some("{ a }"));
        assert_eq!(q.binds, vec![("after".to_owned(), "a.0.b".to_owned())]);
    }
}

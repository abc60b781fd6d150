//! The standard queries: `.graphql` files whose leading comments say what
//! they answer and, optionally, how to fill their variables.
//!
//! - `# variables: {...}` gives the variables as JSON.
//! - `# setup: query {...}` is run once before the warm-up, and
//!   `# bind: name = a.b.0.c` copies a value from its `data` into a variable
//!   (Q7 finds the cursor of the last page this way).
//! - `# draw: name = 10..30`, `# draw: name = text-{000..499}` or
//!   `# draw: name = a.*.b` gives a variable a different value on each
//!   request when the run draws variables (`--variables drawn`): an integer
//!   from the range, a string with a number from the range in it (padded
//!   with zeros to the width written), or one of the values the setup's
//!   `data` holds at the path (`*` is every item of a list).
//!   Every server is sent the same sequence.

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
    draws: Vec<(String, Draw)>,
    /// What each `Draw::Path` found in the setup's answer, by variable.
    pools: Map<String, Value>,
}

/// Where a drawn variable's values come from.
#[derive(Debug, Clone, PartialEq)]
enum Draw {
    /// Integers from the first to the last, both included.
    Range(i64, i64),
    /// Text around a number of the range, padded to a width.
    Text {
        before: String,
        range: (i64, i64),
        width: usize,
        after: String,
    },
    /// The values at a path of the setup's `data`.
    Path(String),
}

/// How many different request bodies a drawn query cycles through.
const DRAWN: usize = 4096;

impl Query {
    /// The variables of each request: the file's own, or when `drawn` and
    /// the file draws some, `DRAWN` sets with the draws filled in by a
    /// fixed pseudo-random sequence (the same for every server).
    pub fn variants(&self, drawn: bool) -> Vec<Map<String, Value>> {
        if !drawn || self.draws.is_empty() {
            return vec![self.variables.clone()];
        }
        let mut state = 0x9E37_79B9_7F4A_7C15_u64;
        (0..DRAWN)
            .map(|_| {
                let mut variables = self.variables.clone();
                for (name, draw) in &self.draws {
                    let r = splitmix(&mut state);
                    let value = match draw {
                        Draw::Range(lo, hi) => json!(pick(r, *lo, *hi)),
                        Draw::Text {
                            before,
                            range: (lo, hi),
                            width,
                            after,
                        } => json!(format!("{before}{:0width$}{after}", pick(r, *lo, *hi))),
                        Draw::Path(_) => {
                            let pool = self.pools[name].as_array().expect("prepare filled it");
                            pool[(r % pool.len() as u64) as usize].clone()
                        }
                    };
                    variables.insert(name.clone(), value);
                }
                variables
            })
            .collect()
    }

    /// This query's own variables, with those that `drawer` draws taken
    /// from its `variant`: another server's text sent the same values.
    pub fn with_drawn(&self, drawer: &Query, variant: &Map<String, Value>) -> Map<String, Value> {
        let mut variables = self.variables.clone();
        for (name, _) in &drawer.draws {
            if let Some(value) = variant.get(name) {
                variables.insert(name.clone(), value.clone());
            }
        }
        variables
    }

    /// A request body with these variables.
    pub fn body_with(&self, variables: &Map<String, Value>) -> Vec<u8> {
        serde_json::to_vec(&json!({ "query": self.text, "variables": variables }))
            .expect("a JSON value serializes")
    }

    /// Runs the setup query, if any, binds its values into the variables
    /// and collects the values its draws pick from.
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
        for (name, draw) in &self.draws {
            if let Draw::Path(path) = draw {
                let found = every(&response["data"], path);
                if found.is_empty() {
                    bail!(
                        "{}: setup answered nothing at {path}: {response}",
                        self.name
                    );
                }
                self.pools.insert(name.clone(), Value::Array(found));
            }
        }
        Ok(())
    }
}

/// A `# draw:` line's source: `1..9`, `text-{01..99}` or a path.
fn draw(from: &str) -> anyhow::Result<Draw> {
    let range = |text: &str| -> anyhow::Result<(i64, i64)> {
        match text.split_once("..").map(|(a, b)| (a.parse(), b.parse())) {
            Some((Ok(lo), Ok(hi))) if lo <= hi => Ok((lo, hi)),
            _ => bail!("draw: {text} is not a range of integers"),
        }
    };
    if let Some((before, rest)) = from.split_once('{') {
        let (inner, after) = rest.split_once('}').context("draw: { without }")?;
        return Ok(Draw::Text {
            before: before.to_owned(),
            range: range(inner)?,
            width: inner.split("..").next().map_or(0, str::len),
            after: after.to_owned(),
        });
    }
    if from.contains("..") {
        let (lo, hi) = range(from)?;
        return Ok(Draw::Range(lo, hi));
    }
    Ok(Draw::Path(from.to_owned()))
}

/// Every value at `path` under `value`, where `*` steps into each item.
fn every(value: &Value, path: &str) -> Vec<Value> {
    let mut found = vec![value];
    for step in path.split('.') {
        found = found
            .into_iter()
            .flat_map(|v| match (step, v) {
                ("*", Value::Array(items)) => items.iter().collect::<Vec<_>>(),
                (_, v) => match step.parse::<usize>() {
                    Ok(i) => v.get(i).into_iter().collect(),
                    Err(_) => v.get(step).into_iter().collect(),
                },
            })
            .collect();
    }
    found.into_iter().cloned().collect()
}

/// A number from `lo` to `hi` for the random `r`.
fn pick(r: u64, lo: i64, hi: i64) -> i64 {
    lo + (r % (hi - lo + 1) as u64) as i64
}

/// The next number of a SplitMix64 sequence.
fn splitmix(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
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
        draws: Vec::new(),
        pools: Map::new(),
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
        } else if let Some(d) = line.strip_prefix("draw:") {
            let (var, from) = d.split_once('=').context("draw: name = 1..9 or a.*.b")?;
            query
                .draws
                .push((var.trim().to_owned(), draw(from.trim())?));
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

    #[test]
    fn drawn_variables_come_from_the_range_or_the_setups_values() {
        let mut q = parse(
            "Q4".into(),
            "# Q4\n# draw: n = 10..12\n# draw: slug = p.*.slug\n# draw: t = x-{08..10}!\nquery { a }\n"
                .into(),
        )
        .unwrap();
        let data = json!({ "p": [{ "slug": "a" }, { "slug": "b" }] });
        assert_eq!(every(&data, "p.*.slug"), vec![json!("a"), json!("b")]);
        q.pools.insert("slug".into(), json!(["a", "b"]));
        let variants = q.variants(true);
        assert_eq!(variants.len(), DRAWN);
        let ns: std::collections::BTreeSet<i64> =
            variants.iter().map(|v| v["n"].as_i64().unwrap()).collect();
        assert_eq!(ns.into_iter().collect::<Vec<_>>(), vec![10, 11, 12]);
        assert!(variants.iter().any(|v| v["slug"] == "a"));
        assert!(variants.iter().any(|v| v["slug"] == "b"));
        let ts: std::collections::BTreeSet<&str> =
            variants.iter().map(|v| v["t"].as_str().unwrap()).collect();
        assert_eq!(
            ts.into_iter().collect::<Vec<_>>(),
            vec!["x-08!", "x-09!", "x-10!"]
        );
        // The same sequence every time, and one body when not drawn.
        assert_eq!(q.variants(true), variants);
        assert_eq!(q.variants(false).len(), 1);
    }
}

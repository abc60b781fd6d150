//! The mixed workload (`--mix 16,64`): the standard queries in a fixed
//! proportion with writes among them, as one stream of requests from each
//! number of connections, against parkgraph alone (PostGraphile's writes
//! are another API).
//!
//! A write is one document that records a status claim for a park and
//! removes it again: two changes in the log, one transaction, the write lock
//! taken, and the data as it was, so rounds and runs stay comparable.

use std::path::Path;

use anyhow::{Context, ensure};
use serde_json::json;

use crate::load::Requests;
use crate::measure::{Run, check};
use crate::query::Query;
use crate::report::Row;

/// Cycles of 100 requests the mix sends in turn before it starts over.
const CYCLES: usize = 20;
/// Parks the writes are spread over (the synthetic data has 2,000 a scale).
const PARKS: usize = 1_000;

/// Of every 100 requests, how many ask each query; the rest are writes.
pub const PROPORTION: [(&str, usize); 7] = [
    ("Q1", 25),
    ("Q2", 5),
    ("Q3", 15),
    ("Q4", 20),
    ("Q5", 10),
    ("Q6", 5),
    ("Q7", 10),
];

/// The write, on a park drawn for each request.
pub const WRITE: &str = r#"mutation MixWrite($park: String!) {
  record: recordParkClaim(input: { parkSlug: $park, property: STATUS, valueStatus: OPERATIONAL,
    asOf: "2026-12-07", sourceUrl: "https://example.org/parkgraph-bench-mix" }) { rank }
  remove: deleteParkClaim(claim: { parkSlug: $park, property: STATUS,
    asOf: "2026-12-07", sourceUrl: "https://example.org/parkgraph-bench-mix" })
}"#;

/// Writes per 100 requests.
pub fn writes() -> usize {
    100 - PROPORTION.iter().map(|(_, n)| n).sum::<usize>()
}

/// One request of the mix: its body, and whether it carries the run's key.
pub struct Slot {
    pub body: Vec<u8>,
    pub keyed: bool,
}

/// `cycles` cycles of 100 requests, each query's spread evenly over the
/// cycle and taking its variants in turn (`variants` by query name: the
/// bodies it would be measured with alone), writes on parks 0..`parks`.
pub fn slots(variants: &[(String, Vec<Vec<u8>>)], cycles: usize, parks: usize) -> Vec<Slot> {
    // (position in the cycle, which: index into variants or None for a write)
    let mut order: Vec<(f64, Option<usize>)> = Vec::new();
    let mut spread = |count: usize, which: Option<usize>| {
        for i in 0..count {
            order.push(((i as f64 + 0.5) / count as f64, which));
        }
    };
    for (name, count) in PROPORTION {
        let which = variants.iter().position(|(n, _)| n == name);
        spread(count, which);
    }
    spread(writes(), None);
    order.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut taken = vec![0usize; variants.len()];
    let mut written = 0usize;
    let mut slots = Vec::with_capacity(order.len() * cycles);
    for _ in 0..cycles {
        for (_, which) in &order {
            let slot = match which {
                Some(q) => {
                    let bodies = &variants[*q].1;
                    taken[*q] += 1;
                    Slot {
                        body: bodies[(taken[*q] - 1) % bodies.len()].clone(),
                        keyed: false,
                    }
                }
                None => {
                    written += 1;
                    let park = format!("synthetic-park-{:06}", written % parks.max(1));
                    let body = json!({ "query": WRITE, "variables": { "park": park } });
                    Slot {
                        body: body.to_string().into_bytes(),
                        keyed: true,
                    }
                }
            };
            slots.push(slot);
        }
    }
    slots
}

impl Run<'_> {
    /// Measures the mix on the parkgraph `program`, from each number of
    /// `connections` in turn, for the run's rounds.
    pub async fn mix(
        &self,
        program: &Path,
        queries: &[Query],
        connections: &[usize],
    ) -> anyhow::Result<Vec<Row>> {
        let queries: Vec<Query> = needed(queries)?.into_iter().cloned().collect();
        let url = &self.database_url;
        let ours = self.parkgraph("parkgraph", program, url, &queries).await?;
        let server = ours.server.url.clone();
        let mut variants = Vec::new();
        for mut query in queries {
            query.prepare(self.client, &server).await?;
            let bodies: Vec<Vec<u8>> = (query.variants(self.settings.drawn).iter())
                .map(|v| query.body_with(v))
                .collect();
            check(self.client, &server, &query.name, &bodies[0]).await?;
            variants.push((query.name.clone(), bodies));
        }
        let key = create_key(program, url)?;
        let slots = slots(&variants, CYCLES, PARKS);
        let write = slots
            .iter()
            .find(|s| s.keyed)
            .context("the mix has writes")?;
        let answer: serde_json::Value = (self.client.post(&server))
            .header("content-type", "application/json")
            .header("authorization", format!("Bearer {key}"))
            .body(write.body.clone())
            .send()
            .await?
            .json()
            .await?;
        ensure!(
            answer.get("errors").is_none(),
            "the mix's write failed: {answer}"
        );
        let requests = Requests::keyed(slots, key);
        let mut rows = Vec::new();
        for round in 1..=self.settings.rounds {
            for &n in connections {
                let name = format!("MIX/{n}");
                rows.push(self.one(&ours, &name, &requests, n, round).await?);
            }
        }
        ours.server.stop().await;
        Ok(rows)
    }
}

/// A `write` key on the database at `url`, made with `parkgraph keys create`.
fn create_key(program: &Path, url: &str) -> anyhow::Result<String> {
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)?
        .as_millis();
    let name = format!("bench-mix-{stamp}");
    let made = std::process::Command::new(program)
        .args(["keys", "create", "--name", &name, "--scope", "write"])
        .env("DATABASE_URL", url)
        .env("RUST_LOG", "warn")
        .output()
        .context("running parkgraph keys create")?;
    ensure!(
        made.status.success(),
        "parkgraph keys create failed: {made:?}"
    );
    Ok(String::from_utf8(made.stdout)?.trim().to_owned())
}

/// The queries the mix needs, from the loaded ones.
pub fn needed(queries: &[Query]) -> anyhow::Result<Vec<&Query>> {
    PROPORTION
        .iter()
        .map(|(name, _)| {
            (queries.iter().find(|q| q.name == *name))
                .ok_or_else(|| anyhow::anyhow!("--mix needs {name}; run without --queries"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cycle_holds_each_query_in_its_proportion_spread_out_and_writes_keyed() {
        let variants: Vec<(String, Vec<Vec<u8>>)> = PROPORTION
            .iter()
            .map(|(name, _)| (name.to_string(), vec![name.as_bytes().to_vec()]))
            .collect();
        let slots = slots(&variants, 2, 100);
        assert_eq!(slots.len(), 200);
        let count = |body: &[u8]| slots[..100].iter().filter(|s| s.body == body).count();
        assert_eq!(count(b"Q1"), 25);
        assert_eq!(count(b"Q6"), 5);
        let keyed: Vec<&Slot> = slots[..100].iter().filter(|s| s.keyed).collect();
        assert_eq!(keyed.len(), writes());
        assert!(
            keyed
                .iter()
                .all(|s| s.body.starts_with(b"{\"query\":\"mutation MixWrite"))
        );
        // Spread: no run of more than three of Q1 in a row.
        let longest = slots
            .chunk_by(|a, b| a.body == b.body)
            .filter(|run| run[0].body == b"Q1")
            .map(|run| run.len())
            .max();
        assert!(longest <= Some(3), "{longest:?}");
    }
}

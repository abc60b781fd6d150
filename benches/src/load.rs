//! Closed-loop HTTP load: a fixed number of connections, each sending its
//! next request as soon as the last one is answered.

use bytes::Bytes;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// What one measured phase saw.
#[derive(Debug, Default)]
pub struct Outcome {
    pub requests: u64,
    pub elapsed: Duration,
    /// Answers with a status other than 200.
    pub http_errors: u64,
    /// 200 answers that carry a GraphQL `errors` list.
    pub graphql_errors: u64,
    /// Request latencies in microseconds, sorted.
    pub latencies: Vec<u32>,
}

impl Outcome {
    pub fn rps(&self) -> f64 {
        self.requests as f64 / self.elapsed.as_secs_f64()
    }

    /// The latency at quantile `q` (0..1) in milliseconds.
    pub fn quantile_ms(&self, q: f64) -> f64 {
        if self.latencies.is_empty() {
            return f64::NAN;
        }
        let i = ((self.latencies.len() as f64 * q).ceil() as usize).clamp(1, self.latencies.len());
        f64::from(self.latencies[i - 1]) / 1000.0
    }
}

/// What a phase sends: bodies in turn, some of them with an API key.
#[derive(Clone)]
pub struct Requests {
    bodies: Arc<[Bytes]>,
    keyed: Arc<[bool]>,
    bearer: Option<Arc<str>>,
}

impl Requests {
    /// `bodies`, none with a key.
    pub fn plain(bodies: &[Vec<u8>]) -> Self {
        Self {
            bodies: bodies.iter().map(|b| Bytes::from(b.clone())).collect(),
            keyed: Arc::from(vec![false; bodies.len()]),
            bearer: None,
        }
    }

    /// How many bodies it cycles through.
    pub fn len(&self) -> usize {
        self.bodies.len()
    }

    /// The mix's slots, the keyed ones sent with `Authorization: Bearer {bearer}`.
    pub fn keyed(slots: Vec<crate::mix::Slot>, bearer: String) -> Self {
        let keyed = slots.iter().map(|s| s.keyed).collect();
        Self {
            bodies: slots.into_iter().map(|s| Bytes::from(s.body)).collect(),
            keyed,
            bearer: Some(Arc::from(bearer)),
        }
    }
}

/// Sends `requests` to `url` from `connections` tasks for `duration`, each
/// request the next of the list (one list for all tasks, in turn).
pub async fn drive(
    client: &reqwest::Client,
    url: &str,
    requests: &Requests,
    connections: usize,
    duration: Duration,
) -> Outcome {
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let deadline = started + duration;
    let tasks: Vec<_> = (0..connections)
        .map(|_| {
            let (client, url) = (client.clone(), url.to_owned());
            let (requests, next) = (requests.clone(), next.clone());
            tokio::spawn(async move { connection(client, url, requests, next, deadline).await })
        })
        .collect();
    let mut outcome = Outcome::default();
    for task in tasks {
        let part = task.await.expect("a load task does not panic");
        outcome.requests += part.requests;
        outcome.http_errors += part.http_errors;
        outcome.graphql_errors += part.graphql_errors;
        outcome.latencies.extend(part.latencies);
    }
    outcome.elapsed = started.elapsed();
    outcome.latencies.sort_unstable();
    outcome
}

async fn connection(
    client: reqwest::Client,
    url: String,
    requests: Requests,
    next: Arc<AtomicUsize>,
    deadline: Instant,
) -> Outcome {
    let mut outcome = Outcome::default();
    let bearer = requests
        .bearer
        .as_deref()
        .map(|key| format!("Bearer {key}"));
    while Instant::now() < deadline {
        let i = next.fetch_add(1, Ordering::Relaxed) % requests.bodies.len();
        let sent = Instant::now();
        let mut request = (client.post(&url))
            .header("content-type", "application/json")
            .body(requests.bodies[i].clone());
        if let (true, Some(bearer)) = (requests.keyed[i], &bearer) {
            request = request.header("authorization", bearer);
        }
        let response = request.send().await;
        let ok = match response {
            Ok(r) if r.status().is_success() => match r.bytes().await {
                // A substring test keeps the client's CPU out of the way; the
                // first answer of every query is parsed in full beforehand.
                Ok(b) => Some(!contains(&b, br#""errors":["#)),
                Err(_) => None,
            },
            _ => None,
        };
        outcome
            .latencies
            .push(sent.elapsed().as_micros().min(u128::from(u32::MAX)) as u32);
        outcome.requests += 1;
        match ok {
            None => outcome.http_errors += 1,
            Some(false) => outcome.graphql_errors += 1,
            Some(true) => {}
        }
    }
    outcome
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantiles_are_taken_from_the_sorted_latencies() {
        let outcome = Outcome {
            latencies: (1..=100).map(|ms| ms * 1000).collect(),
            ..Outcome::default()
        };
        assert_eq!(outcome.quantile_ms(0.5), 50.0);
        assert_eq!(outcome.quantile_ms(0.99), 99.0);
        assert_eq!(outcome.quantile_ms(1.0), 100.0);
    }
}

//! The Markdown tables for the README, from rows of one or more rounds:
//! each server's median round per query, parkgraph against the peer as the
//! median of the rounds' ratios, and each query's p50 growth with the data.

use crate::report::{Row, num, scale_key};
use std::fmt::Write as _;

/// Every measurement (the median round of each), then parkgraph against the
/// peer, then each query's p50 at the largest scale against the smallest.
pub fn markdown(rows: &[Row]) -> String {
    let medians: Vec<&Row> = groups(rows).into_iter().map(median_round).collect();
    let mut out = String::from(
        "| backend | scale | server | query | req/s | req/s range | p50 ms | p90 ms | p99 ms | errors (HTTP/GraphQL) | SQL/req | server CPU ms/req | DB CPU ms/req | peak RSS MiB |\n|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n",
    );
    for r in &medians {
        let (lo, hi) = range(rows, |o| same(o, r), |o| o.rps);
        let (http, graphql) = rows
            .iter()
            .filter(|o| same(o, r))
            .fold((0, 0), |(h, g), o| {
                (h + o.http_errors, g + o.graphql_errors)
            });
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {:.0} | {lo:.0}-{hi:.0} | {:.2} | {:.2} | {:.2} | {http}/{graphql} | {} | {:.2} | {} | {:.0} |",
            r.backend,
            r.scale,
            r.server,
            r.query,
            r.rps,
            r.p50,
            r.p90,
            r.p99,
            num(r.statements, 2),
            r.cpu_ms,
            num(r.db_cpu_ms, 2),
            peak(rows, r),
        );
    }
    out.push_str(&against_peers(rows, &medians));
    out.push_str(&growth(&medians));
    if let Some(first) = rows.first() {
        let rounds = rows.iter().map(|r| r.round).max().unwrap_or(1);
        let _ = writeln!(
            out,
            "\nMeasured {} at commit {}: {} connections, {rounds} round(s) of {:.0} s per query and server after a warm-up; each row is the server's median round.",
            first.date, first.commit, first.connections, first.seconds
        );
        let mut drawn: Vec<&str> = (rows.iter())
            .filter(|r| r.variables == "drawn")
            .map(|r| r.query.as_str())
            .collect();
        drawn.sort_unstable();
        drawn.dedup();
        if !drawn.is_empty() {
            let _ = writeln!(
                out,
                "Variables drawn anew for every request (`# draw:`) on {}; the others' are fixed.",
                drawn.join(", ")
            );
        }
    }
    out
}

/// parkgraph's req/s over the peer's, round by round (the two measured back
/// to back), as the median and the range of those ratios.
fn against_peers(rows: &[Row], medians: &[&Row]) -> String {
    let mut out = String::new();
    for peer in medians.iter().filter(|r| r.server != "parkgraph") {
        let ours_of = |r: &Row| {
            rows.iter().find(|o| {
                o.server == "parkgraph"
                    && o.backend == r.backend
                    && o.scale == r.scale
                    && o.query == r.query
                    && o.round == r.round
            })
        };
        let mut ratios: Vec<f64> = rows
            .iter()
            .filter(|p| same(p, peer))
            .filter_map(|p| Some(ours_of(p)?.rps / p.rps))
            .collect();
        let Some(ratio) = median(&mut ratios) else {
            continue;
        };
        let cpu_ratio = |of: fn(&Row) -> f64| {
            let mut ratios: Vec<f64> = (rows.iter().filter(|p| same(p, peer)))
                .filter_map(|p| Some(of(ours_of(p)?) / of(p)))
                .filter(|r| r.is_finite())
                .collect();
            median(&mut ratios).map_or("-".to_owned(), |c| format!("{c:.2}"))
        };
        let (server_cpu, machine) = (cpu_ratio(|r| r.cpu_ms), cpu_ratio(machine_cpu));
        let ours = medians.iter().find(|o| {
            o.server == "parkgraph"
                && o.backend == peer.backend
                && o.scale == peer.scale
                && o.query == peer.query
        });
        let Some(ours) = ours else { continue };
        if out.is_empty() {
            out.push_str("\n| backend | scale | query | peer | parkgraph / peer req/s | range over rounds | server CPU per request, parkgraph / peer | machine CPU per request, parkgraph / peer | parkgraph p99 ms | peer p99 ms |\n|---|---|---|---|---:|---:|---:|---:|---:|---:|\n");
        }
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {ratio:.2}x | {:.2}-{:.2}x | {server_cpu} | {machine} | {:.2} | {:.2} |",
            peer.backend,
            peer.scale,
            peer.query,
            peer.server,
            ratios[0],
            ratios[ratios.len() - 1],
            ours.p99,
            peer.p99
        );
    }
    out
}

/// CPU per request of the server and, on PostgreSQL, the database: what the
/// machine spends on one answer (SQLite runs inside the server).
fn machine_cpu(r: &Row) -> f64 {
    r.cpu_ms
        + if r.db_cpu_ms.is_nan() {
            0.0
        } else {
            r.db_cpu_ms
        }
}

fn growth(medians: &[&Row]) -> String {
    let mut out = String::new();
    let ours: Vec<&Row> = medians
        .iter()
        .copied()
        .filter(|r| r.server == "parkgraph")
        .collect();
    for backend in ["sqlite", "postgres"] {
        let scales = ours
            .iter()
            .filter(|r| r.backend == backend)
            .map(|r| scale_key(&r.scale));
        let (Some(lo), Some(hi)) = (scales.clone().reduce(f64::min), scales.reduce(f64::max))
        else {
            continue;
        };
        if lo == hi {
            continue;
        }
        if out.is_empty() {
            out.push_str("\n| backend | query | p50 ms, small scale | p50 ms, large scale | growth |\n|---|---|---:|---:|---:|\n");
        }
        let at = |q: &str, s: f64| {
            ours.iter()
                .find(|r| r.backend == backend && r.query == q && scale_key(&r.scale) == s)
                .map(|r| r.p50)
        };
        let mut queries: Vec<&str> = ours.iter().map(|r| r.query.as_str()).collect();
        queries.sort_unstable();
        queries.dedup();
        for q in queries {
            if let (Some(a), Some(b)) = (at(q, lo), at(q, hi)) {
                let _ = writeln!(
                    out,
                    "| {backend} | {q} | {a:.2} (scale {lo}) | {b:.2} (scale {hi}) | {:.2}x |",
                    b / a
                );
            }
        }
    }
    out
}

/// The same server, query, backend and scale: one measurement per round.
fn same(a: &Row, b: &Row) -> bool {
    a.backend == b.backend && a.scale == b.scale && a.server == b.server && a.query == b.query
}

/// Rows grouped by `same`, in the order their first round comes.
fn groups(rows: &[Row]) -> Vec<Vec<&Row>> {
    let mut groups: Vec<Vec<&Row>> = Vec::new();
    for row in rows {
        match groups.iter_mut().find(|g| same(g[0], row)) {
            Some(group) => group.push(row),
            None => groups.push(vec![row]),
        }
    }
    groups
}

/// The round with the median req/s (the lower middle of an even count), so
/// that a row's figures all come from one measurement.
fn median_round(mut group: Vec<&Row>) -> &Row {
    group.sort_by(|a, b| a.rps.total_cmp(&b.rps));
    group[(group.len() - 1) / 2]
}

/// Sorts `values` and returns their median.
fn median(values: &mut [f64]) -> Option<f64> {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(values[n / 2]),
        _ => Some((values[n / 2 - 1] + values[n / 2]) / 2.0),
    }
}

fn range(rows: &[Row], keep: impl Fn(&Row) -> bool, of: impl Fn(&Row) -> f64) -> (f64, f64) {
    rows.iter()
        .filter(|r| keep(r))
        .map(of)
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(v), hi.max(v))
        })
}

/// The server's peak RSS over all rounds (it only grows within a run).
fn peak(rows: &[Row], r: &Row) -> f64 {
    range(rows, |o| same(o, r), |o| o.peak_rss_mib).1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(server: &str, round: usize, rps: f64) -> Row {
        Row {
            date: "2026-11-28".into(),
            commit: "abc".into(),
            backend: "postgres".into(),
            scale: "1".into(),
            server: server.into(),
            query: "Q1".into(),
            connections: 16,
            seconds: 6.0,
            requests: rps as u64 * 6,
            rps,
            p50: 1000.0 / rps,
            p90: 2000.0 / rps,
            p99: 3000.0 / rps,
            http_errors: 0,
            graphql_errors: round as u64,
            statements: 1.0,
            cpu_ms: 0.5,
            db_cpu_ms: 0.3,
            peak_rss_mib: 20.0 + round as f64,
            round,
            variables: "drawn".into(),
        }
    }

    #[test]
    fn rounds_are_summed_up_by_their_median_round_and_median_ratio() {
        let mut rows = [
            row("parkgraph", 1, 2000.0),
            row("postgraphile", 1, 1000.0),
            row("parkgraph", 2, 3000.0),
            row("postgraphile", 2, 600.0),
            row("parkgraph", 3, 2400.0),
            row("postgraphile", 3, 800.0),
        ];
        // CPU per request, ours (0.5 + 0.3) over theirs by round: server
        // 0.5/1.0, 0.5/1.3 and 0.5/0.5, median 0.50; machine 0.8/1.3,
        // 0.8/1.6 and 0.8/0.8, median 0.62.
        (rows[1].cpu_ms, rows[3].cpu_ms, rows[5].cpu_ms) = (1.0, 1.3, 0.5);
        let text = markdown(&rows);
        // parkgraph's median round is round 3 (2,400), PostGraphile's round 3
        // too (800); its errors and peak RSS cover every round.
        assert!(
            text.contains("| postgres | 1 | parkgraph | Q1 | 2400 | 2000-3000 | 0.42 | 0.83 | 1.25 | 0/6 | 1.00 | 0.50 | 0.30 | 23 |"),
            "{text}"
        );
        // Ratios by round: 2.0, 5.0, 3.0; the median is 3.0.
        assert!(
            text.contains(
                "| postgres | 1 | Q1 | postgraphile | 3.00x | 2.00-5.00x | 0.50 | 0.62 | 1.25 | 3.75 |"
            ),
            "{text}"
        );
        assert!(text.contains("3 round(s) of 6 s"), "{text}");
    }

    #[test]
    fn an_even_count_has_the_mean_of_the_middle_two_as_median() {
        assert_eq!(median(&mut [4.0, 1.0, 3.0, 2.0]), Some(2.5));
        assert_eq!(median(&mut []), None);
    }
}

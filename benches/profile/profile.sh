#!/usr/bin/env bash
# Where one request's CPU goes, by sampling the server's stacks under load.
#
#   benches/profile/profile.sh BINARY QUERY [SECONDS]
#
# Serves the bench's PostgreSQL database at scale 1 (parkgraph_bench_s1, made
# by a bench run) with BINARY (target/release/parkgraph, or parkgraph-floor),
# drives QUERY (Q1...) with the bench's closed loop from 16 connections, and
# samples the server with `perf record --call-graph dwarf` (timer-based:
# this machine's perf has no hardware counters). Prints the share of samples
# by part of the path (classify.py) and writes the whole split, with the top
# frames of each part, to target/profile/QUERY-BINARY.txt.
set -eu
bin=$1; q=$2; secs=${3:-8}
root=$(cd "$(dirname "$0")/../.." && pwd)
out=$root/target/profile; mkdir -p "$out"
name=$q-$(basename "$bin")
export DATABASE_URL=${DATABASE_URL:-"postgres://postgres:postgres@127.0.0.1:5432/parkgraph_bench_s1?sslmode=disable"}
port=18300
PARKGRAPH_ADDR=127.0.0.1:$port PARKGRAPH_RATE_LIMIT_PER_MINUTE=0 RUST_LOG=warn "$bin" > "$out/$name.server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  curl -s -o /dev/null -X POST -H 'content-type: application/json' \
    --data '{"query":"{__typename}"}' http://127.0.0.1:$port/graphql && break
  sleep 0.3
done
"$root/target/release/parkgraph-bench" --url http://127.0.0.1:$port/graphql --queries "$q" \
  --rounds 1 --duration $((secs + 6)) --warmup 2 --no-save > "$out/$name.load.log" 2>&1 &
load=$!
sleep 4
perf record -o "$out/$name.data" -F 1999 --call-graph dwarf,32768 -p $pid -- sleep "$secs" > /dev/null 2>&1
wait $load
perf script -i "$out/$name.data" 2>/dev/null | python3 "$root/benches/profile/classify.py" -v > "$out/$name.txt"
sed '/samples$/q' "$out/$name.txt"
grep "^r1" "$out/$name.load.log" | awk '{print $3, $4, "req/s"}'

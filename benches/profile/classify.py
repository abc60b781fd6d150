#!/usr/bin/env python3
"""Reads `perf script` output (with call graphs) and splits the samples of one
process into where a request's CPU goes: each sample goes to the category of
the frame nearest the leaf that belongs to a known part (generic frames such
as malloc, memcpy, core:: and std:: are skipped to find their caller)."""
import re, sys, collections

CATEGORIES = [
    ("reordering", r"response_order"),
    ("parkgraph: listing/SQL building", r"parkgraph::store::listing|parkgraph::store::literal|sea_query::"),
    ("parkgraph: read path/db", r"parkgraph::store::|parkgraph::db::"),
    ("parkgraph: loaders", r"parkgraph::graphql::loaders|async_graphql::dataloader"),
    ("parkgraph: domains/records", r"parkgraph::domains|parkgraph::records|entity::"),
    ("parkgraph: limits/front", r"parkgraph::graphql::limits|parkgraph::graphql::request|parkgraph::graphql::persisted|parkgraph::auth"),
    ("parkgraph: http", r"parkgraph::http"),
    ("parkgraph: other", r"parkgraph::"),
    ("sqlx: driver/decoding", r"sqlx_postgres|sqlx_core|sqlx_sqlite|sea_orm::"),
    ("async-graphql: parse", r"async_graphql_parser|pest"),
    ("async-graphql: validate", r"async_graphql::validation"),
    ("async-graphql: execute", r"async_graphql::"),
    ("JSON (serde_json)", r"serde_json"),
    ("HTTP (hyper/axum/tower)", r"hyper|axum|tower|http::|h2::|httparse"),
    ("tracing/metrics", r"tracing|metrics|opentelemetry"),
    ("tokio runtime", r"tokio::"),
    ("kernel (syscalls, network)", r"\[kernel|^entry_SYSCALL|^__x64_sys|do_syscall|tcp_|sock_|__sys_|ip_|net_rx|__netif|epoll"),
]
GENERIC = re.compile(r"^(core::|alloc::|std::|__memcpy|__memmove|__memset|malloc|free|_int_|realloc|cfree|__libc|<alloc::|<core::|<std::|hashbrown|\[unknown\]|__rust|rust_|_rjem|calloc)")
compiled = [(name, re.compile(p)) for name, p in CATEGORIES]

DETAIL = collections.defaultdict(collections.Counter)

def short(sym):
    sym = re.sub(r"::h[0-9a-f]{16}$", "", sym)
    sym = re.sub(r"\+0x[0-9a-f]+$", "", sym)
    return sym[:150]

def classify(frames):
    # frames: leaf first; each (symbol, dso)
    for i, (sym, dso) in enumerate(frames):
        if dso.startswith("[kernel"):
            # the user-space frame that made the call
            caller = next((s for s, d in frames[i:] if not d.startswith("[kernel") and not GENERIC.search(s) and not s.startswith(("__", "[unknown"))), "?")
            DETAIL["kernel (syscalls, network)"][short(caller)] += 1
            return "kernel (syscalls, network)"
        if GENERIC.search(sym):
            continue
        for name, rx in compiled:
            if rx.search(sym):
                DETAIL[name][short(sym)] += 1
                return name
    # only generic frames found: name by the leaf
    sym = frames[0][0] if frames else "?"
    if re.search(r"malloc|free|_int_|realloc|calloc", sym):
        return "allocator (caller unknown)"
    return "other"

def main():
    counts = collections.Counter()
    total = 0
    frames = []
    comm_ok = True
    for line in sys.stdin:
        line = line.rstrip("\n")
        if not line.strip():
            if frames and comm_ok:
                counts[classify(frames)] += 1
                total += 1
            frames = []
            continue
        if not line.startswith((" ", "\t")):
            frames = []
            continue
        m = re.match(r"\s+[0-9a-f]+\s+(.*)\s+\((.*)\)$", line)
        if m:
            frames.append((m.group(1), m.group(2)))
    if frames:
        counts[classify(frames)] += 1
        total += 1
    for name, n in counts.most_common():
        print(f"{100.0 * n / total:5.1f}%  {name}")
    print(f"{total} samples")
    if "-v" in sys.argv:
        for name, n in counts.most_common():
            print(f"\n== {name}")
            for sym, k in DETAIL[name].most_common(12):
                print(f"  {100.0 * k / total:5.1f}%  {sym}")

main()

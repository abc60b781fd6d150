#!/usr/bin/env python3
"""Share of samples whose stack holds a frame matching each pattern
(inclusive time), from `perf script` output on stdin."""
import re, sys, collections
pats = {
 "hyper connection (all request work)": r"hyper::proto::h1::dispatch",
 "http::graphql::post (handler)": r"parkgraph::http::graphql::post",
 "execute_counted": r"parkgraph::graphql::execute_counted",
 "Schema::execute": r"async_graphql::schema::Schema<.*>::execute",
 "validation": r"async_graphql::validation::check_rules",
 "Connection::page (list + SQL + rows)": r"Connection<T>::page",
 "Db::select_all": r"Db>::select_all",
 "sqlx": r"sqlx_core::|sqlx_postgres::",
 "rows decode (store::rows)": r"parkgraph::store::rows::",
 "prefetch read_all": r"prefetch::read_all",
 "feed loaders": r"kit::loader::feed|feed_many",
 "with_loaders": r"loaders::with_loaders",
 "Front::admit (limits, documents)": r"Front::admit",
 "respond (serialize JSON)": r"negotiate::respond",
 "rate::limit middleware": r"parkgraph::http::rate::limit",
 "tower_http trace": r"tower_http::trace",
 "tower_http compression": r"tower_http::compression",
 "reorder": r"response_order::reorder",
 "uuid": r"uuid::",
 "auth::documents::admit": r"auth::documents::admit",
 "kit::loader::by_id": r"kit::loader::by_id",
 "listing build": r"store::listing::entity_listing|PageSpec::assemble|PageSpec::windowless",
 "sea_query SQL text": r"sea_query::backend",
 "metrics record": r"metrics::Metrics::record",
 "tracing spans": r"tracing::span|tracing_core|tracing_subscriber",
}
cp = {k: re.compile(v) for k, v in pats.items()}
counts = collections.Counter(); total = 0; stack = []
def flush():
    global total
    if not stack: return
    total += 1
    s = "\n".join(stack)
    for k, r in cp.items():
        if r.search(s): counts[k] += 1
for line in sys.stdin:
    if not line.strip():
        flush(); stack = []; continue
    if line.startswith((" ", "\t")): stack.append(line.strip())
flush()
for k in sorted(pats, key=lambda k: -counts[k]):
    print(f"{100*counts[k]/total:5.1f}%  {k}")
print(f"{total} samples")

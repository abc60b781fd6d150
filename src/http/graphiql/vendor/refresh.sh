#!/usr/bin/env bash
# Refreshes the files GraphiQL's page loads from the npm registry: the pinned
# versions below, only the files the page uses, each package's LICENSE and
# package.json beside them. npm checks every tarball against the registry's
# integrity hash. The server names each file by a hash of its bytes, so
# browsers fetch a refreshed file at once and cache it for good; run the
# tests and the GraphiQL check in `.ci/run` after a refresh.
#   src/http/graphiql/vendor/refresh.sh
set -euo pipefail
GRAPHIQL=4.1.2 # 4 is GraphiQL's last major with a UMD build
REACT=18.3.1   # GraphiQL 4 needs React 18; React 19 ships no UMD builds

cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# take PACKAGE VERSION FILE...: FILE as the package holds it, at the same path here.
take() {
  local package=$1 version=$2
  shift 2
  (cd "$work" && npm pack --silent "$package@$version" >/dev/null)
  mkdir -p "$work/$package"
  tar -xzf "$work/$package-$version.tgz" -C "$work/$package" --strip-components=1
  rm -rf "$package"
  for file in LICENSE package.json "$@"; do
    install -D -m 644 "$work/$package/$file" "$package/$file"
  done
}

take graphiql "$GRAPHIQL" graphiql.min.js graphiql.min.css
take react "$REACT" umd/react.production.min.js
take react-dom "$REACT" umd/react-dom.production.min.js
find . -type f ! -name refresh.sh | sort

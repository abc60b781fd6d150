// Checks that each PostGraphile query in ./queries returns the same rows, in
// the same order, with the same fields as parkgraph's ../../queries/QN.graphql
// on the same database, then (with --bench N) times N sequential requests of
// each query on each server.
//
//   node compare.mjs [--parkgraph URL] [--postgraphile URL] [--bench N] [Q1 Q2 ...]
//
// Defaults: parkgraph http://127.0.0.1:18200/graphql,
//           postgraphile http://127.0.0.1:5678/graphql.
// Exit code 1 if any pair differs. Needs Node 18+ (global fetch).
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  if (i < 0) return dflt;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const PARKGRAPH = opt("--parkgraph", "http://127.0.0.1:18200/graphql");
const POSTGRAPHILE = opt("--postgraphile", "http://127.0.0.1:5678/graphql");
const BENCH = Number(opt("--bench", "0"));
const names = args.length ? args : ["Q1", "Q2", "Q3", "Q4"];

function load(path) {
  const query = readFileSync(path, "utf8");
  const m = /^# variables: (.*)$/m.exec(query);
  return { query, variables: m ? JSON.parse(m[1]) : {} };
}

async function post(url, body) {
  const res = await fetch(url, {
    method: "POST",
    // identity: parkgraph compresses responses (tower-http CompressionLayer,
    // brotli/gzip) whenever the client accepts it, and Node's fetch asks for
    // gzip/deflate/br by default; grafserv never compresses. Timing both
    // uncompressed keeps the comparison about GraphQL and SQL work.
    headers: {
      "content-type": "application/json",
      accept: "application/json",
      "accept-encoding": "identity",
    },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}: ${text.slice(0, 500)}`);
  const json = JSON.parse(text);
  if (json.errors) throw new Error(`${url}: ${JSON.stringify(json.errors).slice(0, 500)}`);
  return json.data;
}

const num = (v) => (v == null ? null : Number(v)); // BigInt comes back as a string

// Each pair maps both answers onto the same plain shape.
const normalize = {
  Q1: {
    parkgraph: (d) => d.parks.nodes.map((p) => [p.slug, p.name, p.city?.name ?? null]),
    postgraphile: (d) =>
      d.allParks.nodes.map((p) => [p.slug, p.name, p.cityByCityId?.name ?? null]),
  },
  Q2: {
    parkgraph: (d) =>
      d.parks.nodes.map((p) => [p.slug, p.name, p.tenants.nodes.map((f) => [f.name, f.employees])]),
    postgraphile: (d) =>
      d.allParks.nodes.map((p) => [
        p.slug,
        p.name,
        p.tenanciesByParkId.nodes.map((t) => [t.firmByFirmId.name, t.firmByFirmId.employees]),
      ]),
  },
  Q3: {
    parkgraph: (d) => ({
      totalCount: d.parks.totalCount,
      rows: d.parks.nodes.map((p) => [p.slug, p.name, num(p.areaSqft)]),
    }),
    postgraphile: (d) => ({
      totalCount: d.allParks.totalCount,
      rows: d.allParks.nodes.map((p) => [p.slug, p.name, num(p.areaSqft)]),
    }),
  },
  Q4: {
    parkgraph: (d) => {
      const p = d.project;
      return p && {
        name: p.name,
        status: p.status,
        city: p.city?.name ?? null,
        park: p.park?.name ?? null,
        partners: p.partners.map((x) => [x.role, x.organization.name, x.organization.kind]),
        milestones: p.milestones.map((m) => [m.title, m.due, m.reached]),
      };
    },
    postgraphile: (d) => {
      const p = d.allProjects.nodes[0];
      return p && {
        name: p.name,
        status: p.status,
        city: p.cityByCityId?.name ?? null,
        park: p.parkByParkId?.name ?? null,
        partners: p.projectPartnersByProjectId.nodes.map((x) => [
          x.role,
          x.organizationByOrganizationId.name,
          x.organizationByOrganizationId.kind,
        ]),
        milestones: p.milestonesByProjectId.nodes.map((m) => [m.title, m.due, m.reached]),
      };
    },
  },
};

function firstDifference(a, b, path = "$") {
  if (isDeepStrictEqual(a, b)) return null;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
    return `${path}: lengths ${a.length} vs ${b.length}`;
  }
  if (a && b && typeof a === "object" && typeof b === "object") {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const d = firstDifference(a[k], b[k], `${path}.${k}`);
      if (d) return d;
    }
  }
  return `${path}: parkgraph ${JSON.stringify(a)} vs postgraphile ${JSON.stringify(b)}`;
}

function summary(name, v) {
  if (name === "Q3") return `totalCount=${v.totalCount}, ${v.rows.length} rows, first ${v.rows[0]?.[0]}, last ${v.rows.at(-1)?.[0]}`;
  if (name === "Q4") return v ? `${v.name}: ${v.partners.length} partners, ${v.milestones.length} milestones` : "null";
  const inner = name === "Q2" ? `, ${v.reduce((n, r) => n + r[2].length, 0)} tenants` : "";
  return `${v.length} rows${inner}, first ${v[0]?.[0]}, last ${v.at(-1)?.[0]}`;
}

async function time(url, body, n) {
  const ms = [];
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint();
    await post(url, body);
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  ms.sort((x, y) => x - y);
  const q = (p) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))];
  return { median: q(0.5), p90: q(0.9), min: ms[0] };
}

let failed = false;
for (const name of names) {
  const pk = load(join(here, "../../queries", `${name}.graphql`));
  const pg = load(join(here, "queries", `${name}.graphql`));
  const a = normalize[name].parkgraph(await post(PARKGRAPH, pk));
  const b = normalize[name].postgraphile(await post(POSTGRAPHILE, pg));
  const diff = firstDifference(a, b);
  if (diff) failed = true;
  console.log(`${name}: ${diff ? `DIFFERENT: ${diff}` : `same (${summary(name, a)})`}`);
}

if (BENCH > 0) {
  const f = (x) => x.toFixed(2).padStart(7);
  console.log(`\n${BENCH} sequential requests per query per server, after 3 warm-up requests (ms):`);
  console.log("query  server        median      p90      min");
  for (const name of names) {
    const pairs = [
      ["parkgraph", PARKGRAPH, load(join(here, "../../queries", `${name}.graphql`))],
      ["postgraphile", POSTGRAPHILE, load(join(here, "queries", `${name}.graphql`))],
    ];
    for (const [server, url, body] of pairs) {
      await time(url, body, 3);
      const t = await time(url, body, BENCH);
      console.log(`${name}     ${server.padEnd(12)} ${f(t.median)}  ${f(t.p90)}  ${f(t.min)}`);
    }
  }
}
process.exit(failed ? 1 : 0);

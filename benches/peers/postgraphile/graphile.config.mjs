// PostGraphile v5 configuration for the parkgraph benchmark peer.
//
// - Amber preset (default v5 inflection; no simplify-inflection).
// - postgraphile-plugin-connection-filter with relation filters, so that
//   `filter: { cityByCityId: { name: { startsWith: "Indus" } } }` works (Q3).
// - PgIndexBehaviorsPlugin disabled: by default v5 hides ordering/filtering on
//   columns without an index (and backward relations whose FK has no index).
//   The benchmark must use parkgraph's database unchanged (no extra indexes),
//   so we expose them instead.
// - Production serving: no GraphiQL (Ruru), no watch mode, no explain, no
//   websockets; JSON over POST /graphql only.
import { makePgService } from "postgraphile/adaptors/pg";
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { PostGraphileConnectionFilterPreset } from "postgraphile-plugin-connection-filter";

const connectionString = process.env.DATABASE_URL;
if (!connectionString) {
  throw new Error("DATABASE_URL must be set (e.g. postgres://postgres:postgres@127.0.0.1:5432/bench_s1)");
}

/** @type {GraphileConfig.Preset} */
const preset = {
  extends: [PostGraphileAmberPreset, PostGraphileConnectionFilterPreset],
  disablePlugins: ["PgIndexBehaviorsPlugin"],
  pgServices: [
    makePgService({
      connectionString,
      schemas: ["public"],
      // node-postgres Pool; 10 is pg's default and parkgraph's default
      // PARKGRAPH_DB_MAX_CONNECTIONS, stated here so both sides match.
      poolConfig: { max: Number(process.env.PG_POOL_MAX ?? 10) },
    }),
  ],
  schema: {
    connectionFilterRelations: true,
  },
  grafserv: {
    host: process.env.HOST ?? "127.0.0.1",
    port: Number(process.env.PORT ?? 5678),
    graphqlPath: "/graphql",
    graphiql: false,
    graphqlOverGET: false,
    watch: false,
    websockets: false,
  },
  grafast: {
    explain: false,
  },
};

export default preset;

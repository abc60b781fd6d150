// Serves PostGraphile v5 over node:http with grafserv (the documented
// "library mode" for plain Node). Prints one "ready" line once the schema is
// built and the port is listening, then runs until killed.
import { createServer } from "node:http";
import { postgraphile } from "postgraphile";
import { grafserv } from "postgraphile/grafserv/node";
import preset from "./graphile.config.mjs";

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);

// Build the schema up front so the first timed request does not pay for
// introspection and schema construction.
await pgl.getSchema();

const server = createServer();
server.on("error", (e) => {
  console.error(e);
  process.exit(1);
});
await serv.addTo(server);

const { host, port, graphqlPath } = preset.grafserv;
server.listen(port, host, () => {
  const addr = server.address();
  console.log(
    `postgraphile ready on http://${addr.address}:${addr.port}${graphqlPath} ` +
      `(node ${process.version}, pid ${process.pid})`,
  );
});

const shutdown = async (signal) => {
  server.close();
  try {
    await pgl.release();
  } finally {
    process.exit(signal === "SIGINT" ? 130 : 0);
  }
};
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));

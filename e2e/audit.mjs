// The graphql-http package's GraphQL-over-HTTP audit against a running
// parkgraph: `node audit.mjs http://127.0.0.1:8000/graphql`.
// Exits 1 on any MUST failure. SHOULD failures are printed; each one we
// accept is listed, with its reason, in the README (GraphQL over HTTP).
import { auditServer } from 'graphql-http';

const url = process.argv[2] ?? 'http://127.0.0.1:8000/graphql';
const results = await auditServer({ url });
const count = (status) => results.filter((r) => r.status === status).length;
for (const result of results) {
  if (result.status !== 'ok') {
    const body = result.response ? ` (HTTP ${result.response.status})` : '';
    console.log(`${result.status.toUpperCase()} ${result.id} ${result.name}: ${result.reason}${body}`);
  }
}
console.log(`graphql-http audit: ${count('ok')} ok, ${count('warn')} SHOULD failures, ${count('error')} MUST failures`);
process.exit(count('error') > 0 ? 1 : 0);

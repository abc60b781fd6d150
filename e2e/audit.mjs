// The graphql-http package's GraphQL-over-HTTP audit against a running
// parkgraph: `node audit.mjs http://127.0.0.1:8000/graphql`.
// Exits 1 on any result that is not ok: a MUST or SHOULD failure, or a MAY
// notice, so every audit stays passed.
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
console.log(`graphql-http audit: ${count('ok')} ok of ${results.length}, ${count('warn') + count('notice')} SHOULD failures or MAY notices, ${count('error')} MUST failures`);
process.exit(count('ok') === results.length ? 0 : 1);

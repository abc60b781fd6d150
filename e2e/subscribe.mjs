// A graphql-ws client (graphql-transport-ws protocol) opens its socket with
// an API key in connectionParams, subscribes to the change feed, sends its
// mutations over the same socket (they run with that key), and the event
// must arrive.
// `PARKGRAPH_E2E_KEY=KEY node subscribe.mjs http://127.0.0.1:8000/graphql`
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const url = process.argv[2] ?? 'http://127.0.0.1:8000/graphql';
const key = process.env.PARKGRAPH_E2E_KEY;
const fail = (why) => { console.error(`graphql-ws: FAILED: ${why}`); process.exit(1); };
setTimeout(() => fail('no event within 15 s'), 15_000).unref();

const client = createClient({
  url: url.replace(/^http/, 'ws'),
  webSocketImpl: WebSocket,
  connectionParams: { authorization: `Bearer ${key}` },
});
// One query or mutation over the socket: its single result.
const post = async (query, variables) => {
  for await (const result of client.iterate({ query, variables })) return result;
  fail(`no result for ${query}`);
};
const events = client.iterate({
  query: 'subscription { changes(filter: { types: ["park"] }) { type slug operation after } }',
});

// The subscription is live a moment after it is sent: write until heard.
const writer = (async () => {
  for (let n = 0; n < 30; n++) {
    const read = await post('{ park(slug: "fazal-stp-islamabad") { version } }');
    const version = read.data.park.version;
    const written = await post(
      'mutation($v: Int!, $name: String!) { updatePark(slug: "fazal-stp-islamabad", version: $v, input: { name: $name }) { version } }',
      { v: version, name: `Fazal STP (e2e ${n})` },
    );
    if (written.errors) fail(JSON.stringify(written.errors));
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
})();

for await (const event of events) {
  const change = event.data?.changes;
  if (!change) fail(JSON.stringify(event));
  if (change.slug !== 'fazal-stp-islamabad' || change.operation !== 'UPDATE') fail(JSON.stringify(change));
  console.log(`graphql-ws: ok, heard ${change.type} ${change.slug} ${change.operation} ${change.after}`);
  break;
}
await client.dispose();
void writer;
process.exit(0);

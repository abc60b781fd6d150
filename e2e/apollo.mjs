// Apollo Client (with its persisted-queries link) reads a paged list, follows
// the cursor to the next page, reads a park's detail, and its cache must
// normalize the park from both queries into one record (global IDs).
// `node apollo.mjs http://127.0.0.1:8000/graphql`
import { createHash } from 'node:crypto';
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client/core/index.js';
import { createPersistedQueryLink } from '@apollo/client/link/persisted-queries/index.js';

const url = process.argv[2] ?? 'http://127.0.0.1:8000/graphql';
const fail = (why) => { console.error(`apollo: FAILED: ${why}`); process.exit(1); };
const sha256 = (text) => createHash('sha256').update(text).digest('hex');

const client = new ApolloClient({
  link: createPersistedQueryLink({ sha256, useGETForHashedQueries: true }).concat(new HttpLink({ uri: url, fetch })),
  cache: new InMemoryCache(),
});

const LIST = gql`query ParkList($after: String) {
  parks(first: 5, after: $after, orderBy: [{ field: NAME }]) {
    pageInfo { hasNextPage endCursor }
    nodes { id slug name }
  }
}`;
const DETAIL = gql`query ParkDetail($slug: String!) {
  park(slug: $slug) { id slug name status notes city { id name } }
}`;

const first = await client.query({ query: LIST });
const page1 = first.data.parks;
if (page1.nodes.length !== 5 || !page1.pageInfo.hasNextPage) fail(`first page: ${JSON.stringify(page1)}`);
const second = await client.query({ query: LIST, variables: { after: page1.pageInfo.endCursor } });
const page2 = second.data.parks;
const seen = new Set(page1.nodes.map((p) => p.slug));
if (page2.nodes.length !== 5 || page2.nodes.some((p) => seen.has(p.slug))) fail(`second page: ${JSON.stringify(page2)}`);
const pick = page2.nodes[0];
const detail = await client.query({ query: DETAIL, variables: { slug: pick.slug } });
if (detail.data.park.id !== pick.id) fail('detail and list disagree on the id');

const cache = client.cache.extract();
const record = cache[client.cache.identify({ __typename: 'Park', id: pick.id })];
if (!record) fail(`no normalized Park:${pick.id} in the cache`);
if (record.name !== pick.name || !('status' in record) || !('notes' in record)) {
  fail(`the list's and the detail's fields are not on one record: ${JSON.stringify(record)}`);
}
console.log(`apollo: ok, pages of 5 and 5 parks, ${pick.slug} normalized once as ${client.cache.identify({ __typename: 'Park', id: pick.id })}`);
process.exit(0);

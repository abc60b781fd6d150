// A person's first minute in GraphiQL, in Debian's headless Chromium, against
// the server as `cargo run` starts it: the page opens with the example tabs,
// the park example runs and the result pane shows that park, the settings
// dialog opens and closes, and the docs pane opens on Query and shows a
// field's description. Any request that
// leaves the server fails the check, as does any console error (a blocked
// script or style among them), and a screenshot is left in
// test-output/graphiql.png.
// `node graphiql.mjs http://127.0.0.1:8000/graphql` (or the page's URL)
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const pageUrl = new URL('/', process.argv[2] ?? 'http://127.0.0.1:8000/graphql').href;
const out = fileURLToPath(new URL('../test-output/', import.meta.url));
const screenshot = join(out, 'graphiql.png');
// examples/explore-park-with-tenants-and-sources.graphql, the first tab.
const TAB = 'ParkWithTenantsAndSources';
const PARK = 'Software Technology Park 1 (STP-1), Awami Markaz';
// The description of Query.parks in schema.graphql.
const DOC = 'Parks, filtered, sorted and paged.';

const profile = await mkdtemp(join(tmpdir(), 'parkgraph-chromium-'));
let context;
const fail = async (why) => {
  console.error(`graphiql: FAILED: ${why}`);
  if (context) await context.pages()[0]?.screenshot({ path: screenshot }).catch(() => {});
  await context?.close().catch(() => {});
  await rm(profile, { recursive: true, force: true });
  process.exit(1);
};
setTimeout(() => fail('did not finish within 60 s'), 60_000).unref();

await mkdir(out, { recursive: true });
context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1280, height: 800 },
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
});
const page = context.pages()[0] ?? (await context.newPage());

const local = new Set(['127.0.0.1', 'localhost', '[::1]']);
const elsewhere = [];
const problems = [];
page.on('request', (request) => {
  const url = new URL(request.url());
  if (url.protocol !== 'data:' && !local.has(url.hostname)) elsewhere.push(request.url());
});
page.on('requestfailed', (request) => problems.push(`${request.url()}: ${request.failure()?.errorText}`));
page.on('response', (response) => {
  if (response.status() >= 400) problems.push(`${response.url()}: HTTP ${response.status()}`);
});
page.on('console', (message) => {
  if (message.type() === 'error') problems.push(`console: ${message.text()}`);
});
page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));

await page.goto(pageUrl, { waitUntil: 'load' });
const run = page.locator('.graphiql-execute-button');
await run.waitFor({ timeout: 20_000 }).catch(() =>
  fail(`GraphiQL did not render (no run button); ${[...elsewhere.map((u) => `request to ${u}`), ...problems].join('; ') || 'no errors reported'}`));
const tabs = page.locator('.graphiql-tab');
const tab = tabs.filter({ hasText: TAB });
const tabCount = await tabs.count();
if ((await tab.count()) !== 1) await fail(`no "${TAB}" tab among ${tabCount} tabs`);
await tab.locator('.graphiql-tab-button').click();
await page.locator('.graphiql-query-editor').getByText(TAB).first().waitFor({ timeout: 5_000 })
  .catch(() => fail(`the query editor does not show ${TAB} after choosing its tab`));
await run.click();
const result = page.locator('.result-window');
await result.getByText(PARK).first().waitFor({ timeout: 15_000 }).catch(async () =>
  fail(`the result pane does not show "${PARK}": ${(await result.innerText()).slice(0, 300)}`));

// The pane draws only the lines in view; its editor (CodeMirror 5) holds all.
const shown = await result.locator('.CodeMirror').evaluate((editor) => editor.CodeMirror.getValue());
const park = JSON.parse(shown).data?.park;
if (park?.name !== PARK) await fail(`the result is not the park: ${shown.slice(0, 300)}`);

// A dialog (settings): its scroll lock inserts a style the page's policy
// allows by hash; a wrong hash shows as a console error.
await page.getByRole('button', { name: 'Open settings dialog' }).click()
  .catch(() => fail('no button opens the settings dialog'));
await page.getByRole('dialog').waitFor({ timeout: 5_000 }).catch(() => fail('the settings dialog does not open'));
await page.keyboard.press('Escape');
await page.getByRole('dialog').waitFor({ state: 'detached', timeout: 5_000 })
  .catch(() => fail('the settings dialog does not close'));

// The docs pane: the schema's root type, then one field's description.
await page.getByRole('button', { name: 'Show Documentation Explorer' }).click()
  .catch(() => fail('no button opens the documentation explorer'));
const docs = page.locator('.graphiql-doc-explorer');
await docs.getByRole('link', { name: 'Query', exact: true }).first().click({ timeout: 10_000 })
  .catch(() => fail('the docs pane does not link the Query type'));
await docs.getByText(DOC).first().waitFor({ timeout: 10_000 })
  .catch(async () => fail(`the docs pane does not show "${DOC}": ${(await docs.innerText()).slice(0, 300)}`));
await page.screenshot({ path: screenshot });
if (elsewhere.length > 0) await fail(`requests left this server: ${elsewhere.join(', ')}`);
if (problems.length > 0) await fail(problems.join('; '));
await context.close();
await rm(profile, { recursive: true, force: true });
console.log(`graphiql: ok, ${tabCount} tabs, ran ${TAB}: result shows "${PARK}" (${park.city.name}, ${park.tenants.totalCount} tenants, ${park.sources.length} sources); docs show Query.parks; no request left the server; screenshot ${screenshot}`);
process.exit(0);

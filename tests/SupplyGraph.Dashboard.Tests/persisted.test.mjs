// The dashboard against a service that answers only trusted documents (SUPPLYGRAPH_TRUSTED_DOCUMENTS_ONLY=true): the
// DeepSeek page and the search work, every GraphQL request the dashboard sends carries a documentId of the dashboard's
// manifest and no query text, and none is refused. And against a server that does not know the ids (a dashboard pointed
// elsewhere with ?api=), it sends each text once.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { closeBrowser, launch, open, ready, seedBase } from './harness.mjs';
import { repository, startService } from './service.mjs';

let service;
let trustedIds;

before(async () => {
  [service] = await Promise.all([
    startService({ env: { SUPPLYGRAPH_TRUSTED_DOCUMENTS_ONLY: 'true' } }),
    launch(),
  ]);
  trustedIds = new Set(Object.keys(JSON.parse(await readFile(join(repository, 'src', 'SupplyGraph.Dashboard', 'persisted-documents.json'), 'utf8'))));
});
after(async () => {
  await closeBrowser();
  service?.stop();
});

/** Every GraphQL request the page sends from now on, with what it asked and what came back. */
function recordGraphQL(page, base) {
  const exchanges = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(`${base}/graphql`)) return;
    const sent = request.method() === 'POST'
      ? request.postDataJSON()
      : Object.fromEntries(new URL(request.url()).searchParams);
    exchanges.push({ request, sent, answer: null });
  });
  page.on('response', async (response) => {
    const exchange = exchanges.find((item) => item.request === response.request());
    if (exchange) exchange.answer = await response.json().catch(() => ({ errors: [{ message: `not JSON (${response.status()})` }] }));
  });
  return exchanges;
}

function assertAllByTrustedId(exchanges) {
  assert.ok(exchanges.length > 0, 'the dashboard sent GraphQL requests');
  for (const { sent, answer } of exchanges) {
    assert.equal(sent.query, undefined, `sent by id, without its text: ${JSON.stringify(sent).slice(0, 200)}`);
    assert.ok(trustedIds.has(sent.documentId), `${sent.documentId} is in persisted-documents.json`);
    assert.deepEqual((answer?.errors ?? []).map((error) => error.extensions?.code ?? error.message), [], `${sent.documentId} was answered without errors`);
  }
}

test('with only trusted documents answered, any other text is refused', async () => {
  // act
  const response = await fetch(`${service.url}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query: '{ entity(ref: "deepseek") { name } }' }),
  });

  // assert
  assert.equal(response.status, 400);
  assert.equal((await response.json()).errors[0].extensions.code, 'PERSISTED_DOCUMENT_REQUIRED');
});

test('the DeepSeek page renders every section from trusted documents sent by id', async () => {
  // arrange
  const { page, problems, close } = await open('/', { base: service.url });
  try {
    await ready(page);
    const exchanges = recordGraphQL(page, service.url);

    // act
    await page.goto(`${service.url}/entity/deepseek?asOf=2026-01-01`);
    await ready(page);
    await page.waitForLoadState('networkidle');

    // assert
    assert.match(await page.getByTestId('entity-title').innerText(), /DeepSeek/);
    assert.ok(await page.locator('[data-testid="stage-LABS"] [data-testid="entity-card"][data-entity-id="deepseek"]').count() === 1, 'the critical path shows the lab');
    assert.ok(await page.locator('[data-testid="control-hit"]').count() > 0, 'export controls are listed');
    assertAllByTrustedId(exchanges);
    assert.ok(new Set(exchanges.map((exchange) => exchange.sent.documentId)).size >= 3, 'the page asks several documents');
    assert.deepEqual(problems, []);
  } finally { await close(); }
});

test('the search suggests and opens DeepSeek through a trusted document sent by id', async () => {
  // arrange
  const { page, problems, close } = await open('/', { base: service.url });
  try {
    await ready(page);
    const exchanges = recordGraphQL(page, service.url);

    // act
    await page.getByTestId('search-input').fill('DeepSeek AI');
    await page.getByTestId('search-option').first().waitFor();
    await page.getByTestId('search-input').press('Enter');

    // assert
    await page.waitForURL(/\/entity\/deepseek(\?|$)/);
    await ready(page);
    await page.waitForLoadState('networkidle');
    assert.match(await page.getByTestId('entity-title').innerText(), /DeepSeek/);
    assertAllByTrustedId(exchanges);
    assert.deepEqual(problems, []);
  } finally { await close(); }
});

test('a server that does not know the ids is asked once more with each text', async () => {
  // arrange: the seed service, made to answer every documentId as an unknown one, as another server would
  const { page, problems, close } = await open('/', { base: seedBase });
  try {
    await ready(page);
    const byId = [];
    const byText = [];
    await page.route(`${seedBase}/graphql`, (route) => {
      const sent = route.request().postDataJSON();
      if (sent?.documentId) {
        byId.push(sent.documentId);
        return route.fulfill({
          status: 200,
          contentType: 'application/json',
          body: JSON.stringify({ errors: [{ message: `No trusted document has the documentId ${sent.documentId}.`, extensions: { code: 'PERSISTED_DOCUMENT_NOT_FOUND' } }] }),
        });
      }
      byText.push(sent?.query);
      return route.continue();
    });

    // act
    await page.goto(`${seedBase}/entity/deepseek?asOf=2026-01-01`);
    await ready(page);
    await page.waitForLoadState('networkidle');

    // assert
    assert.match(await page.getByTestId('entity-title').innerText(), /DeepSeek/);
    assert.ok(byId.length > 0, 'the dashboard tried the ids first');
    assert.equal(byText.length, byId.length, 'each refused id was followed by its text, once');
    assert.ok(byText.every((query) => typeof query === 'string' && query.length > 0), 'the retries carry the texts');
    assert.deepEqual(problems, []);
  } finally { await close(); }
});

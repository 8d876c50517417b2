// The dashboard in Chromium, against the service run.mjs started (in-memory store, the seed). Every page is checked for
// console errors, failed or external requests (it must work offline), and axe-core's serious or critical violations.
// Screenshots go to artifacts/.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, test } from 'node:test';
import { artifacts, ask, closeBrowser, launch, open, ready, seedBase, seriousViolations } from './harness.mjs';

const base = seedBase;
const October2023Rule = 'us-bis-2023-10-advanced-computing';

before(launch);
after(closeBrowser);

const cardIds = (page, stage) => page.locator(`[data-testid="stage-${stage}"] [data-testid="entity-card"]`)
  .evaluateAll((cards) => cards.map((card) => card.dataset.entityId));

test('searching "DeepSeek AI" lands on DeepSeek', async () => {
  // arrange
  const { page, problems, close } = await open('/');
  try {
    await ready(page);
    await page.screenshot({ path: new URL('home.png', artifacts).pathname });

    // act
    await page.getByTestId('search-input').fill('DeepSeek AI');
    await page.getByTestId('search-option').first().waitFor();
    await page.getByTestId('search-input').press('Enter');

    // assert
    await page.waitForURL(/\/entity\/deepseek(\?|$)/);
    await ready(page);
    assert.match(await page.getByTestId('entity-title').innerText(), /DeepSeek/);
    await page.screenshot({ path: new URL('entity-deepseek.png', artifacts).pathname, fullPage: true });
    assert.deepEqual(problems, []);
  } finally { await close(); }
});

test('the critical path shows every stage of the answer with its members, the seed page\'s clouds among them', async () => {
  // arrange
  const asOf = '2026-01-01';
  const expected = (await ask('query($asOf: Date) { supplyChain(entity: "deepseek", asOf: $asOf) { stages { stage entities { id } } } }', { asOf })).supplyChain.stages;

  // act
  const { page, problems, close } = await open(`/entity/deepseek?asOf=${asOf}`);
  try {
    await ready(page);
    // a stage of many shows a few cards until expanded (its cards are made when first shown): expand every stage
    for (const toggle of await page.getByTestId('stage-toggle').all()) {
      if (await toggle.getAttribute('aria-expanded') === 'false') await toggle.click();
    }

    // assert: the columns are the answer's stages, in order, each with exactly its entities; an entity the answer puts
    // in two stages (a cloud that supplies compute and serves models) is one card, in its first stage, stating both
    const columns = await page.locator('[data-stage]').evaluateAll((nodes) => nodes.map((node) => node.dataset.stage));
    assert.deepEqual(columns, expected.map((stage) => stage.stage));
    const shownEarlier = new Set();
    for (const stage of expected) {
      const own = stage.entities.map((entity) => entity.id).filter((id) => !shownEarlier.has(id));
      assert.deepEqual((await cardIds(page, stage.stage)).sort(), own.sort(), stage.stage);
      for (const entity of stage.entities) {
        const roles = await page.locator(`[data-testid="entity-card"][data-entity-id="${entity.id}"]`).getAttribute('data-roles');
        assert.ok(roles.split(' ').includes(stage.stage), `${entity.id} states ${stage.stage}`);
        shownEarlier.add(entity.id);
      }
    }

    // the three stages of the seed's "Critical path" page: its cloud providers, the lab, its models
    for (const cloud of ['huawei-cloud', 'alibaba-cloud', 'tencent-cloud']) assert.ok((await cardIds(page, 'COMPUTE')).includes(cloud), cloud);
    assert.deepEqual(await cardIds(page, 'LABS'), ['deepseek']);
    for (const model of ['deepseek-v3', 'deepseek-r1']) assert.ok((await cardIds(page, 'MODELS')).includes(model), model);
    // the graph is drawn when it scrolls into view (scrolled again while the sections above it, laid out only near the
    // window, take their real heights and move it down)
    await page.waitForFunction(() => {
      const graph = document.querySelector('[data-testid="graph-view"]');
      if (graph?.dataset.drawn === 'true') return true;
      graph?.scrollIntoView({ block: 'center' });
      return false;
    }, null, { polling: 250 });
    assert.ok(await page.getByTestId('graph-view').isVisible(), 'the neighbourhood graph is drawn');
    assert.deepEqual(problems, []);
  } finally { await close(); }
});

test('export controls show the October 2023 rule with the H800 path, and a step opens its sources', async () => {
  // arrange
  const { page, problems, close } = await open('/entity/deepseek?asOf=2026-01-01');
  try {
    await ready(page);
    const hit = page.locator(`[data-testid="control-hit"][data-regulation-id="${October2023Rule}"]`);

    // act
    await hit.waitFor();
    const text = await hit.innerText();
    const step = hit.getByTestId('path-step').first();
    await step.click();

    // assert
    assert.match(text, /88 FR 73458/, 'the citation');
    assert.match(text, /2023-11-17/, 'the effective date');
    assert.match(text, /H800/, 'the H800 path');
    const sources = page.getByTestId('sources-panel');
    await sources.waitFor();
    assert.ok((await sources.innerText()).trim().length > 0, 'the step\'s sources are listed');
    assert.deepEqual(problems, []);
  } finally { await close(); }
});

test('changing as-of to 2023-06-01 removes the October 2023 rule', async () => {
  // arrange
  const { page, problems, close } = await open('/entity/deepseek?asOf=2026-01-01');
  try {
    await ready(page);
    assert.equal(await page.locator(`[data-testid="control-hit"][data-regulation-id="${October2023Rule}"]`).count(), 1);

    // act
    await page.getByTestId('asof-input').fill('2023-06-01');
    await page.getByTestId('asof-input').dispatchEvent('change');
    await page.waitForURL(/asOf=2023-06-01/);
    await ready(page);

    // assert
    assert.equal(await page.locator(`[data-testid="control-hit"][data-regulation-id="${October2023Rule}"]`).count(), 0);
    await page.screenshot({ path: new URL('entity-deepseek-2023-06-01.png', artifacts).pathname, fullPage: true });
    assert.deepEqual(problems, []);
  } finally { await close(); }
});

test('a regulation\'s page shows its exposure, and each section offers its GraphQL and Cypher', async () => {
  // arrange
  const { page, problems, close } = await open(`/entity/${October2023Rule}?asOf=2026-01-01`);
  try {
    // act
    await ready(page);

    // assert
    const body = await page.locator('main').innerText();
    assert.match(body, /DeepSeek/, 'DeepSeek is exposed to the rule');
    assert.ok(await page.getByTestId('query-text').count() > 0, 'the GraphQL each section ran is shown');
    assert.ok(await page.getByTestId('copy-cypher').count() > 0, 'each section can be copied as Cypher');
    await page.screenshot({ path: new URL('regulation.png', artifacts).pathname, fullPage: true });
    assert.deepEqual(problems, []);
  } finally { await close(); }
});

test('the paths page draws the routes between two entities, as the paths question answers them', async () => {
  // arrange
  const expected = (await ask('{ paths(from: "hugging-face", to: "asml", asOf: "2026-01-01") { paths { relationships { id } } } }')).paths.paths;
  assert.ok(expected.length > 0, 'the seed links Hugging Face to ASML');

  // act
  const { page, problems, close } = await open('/paths?from=hugging-face&to=asml&asOf=2026-01-01');
  try {
    await ready(page);

    // assert: every relationship of every route is a step on the page
    const steps = await page.getByTestId('path-step').evaluateAll((nodes) => nodes.map((node) => node.dataset.relationshipId));
    for (const path of expected) {
      for (const relationship of path.relationships) assert.ok(steps.includes(relationship.id), relationship.id);
    }
    assert.deepEqual(problems, []);
  } finally { await close(); }
});

test('GraphiQL loads at GET /graphql and runs a query', async () => {
  // arrange
  const { page, problems, close } = await open('/graphql');
  try {
    await page.locator('.graphiql-container').waitFor({ timeout: 20_000 });

    // act
    await page.locator('.graphiql-execute-button').click();

    // assert
    await page.waitForFunction(() => /"data"/.test(document.querySelector('.result-window')?.textContent ?? ''), null, { timeout: 20_000 });
    await page.screenshot({ path: new URL('graphiql.png', artifacts).pathname });
    assert.deepEqual(problems, []);
  } finally { await close(); }
});

test('the search works from the keyboard alone', async () => {
  // arrange
  const { page, problems, close } = await open('/');
  try {
    await ready(page);

    // act: Tab until the search box has focus, type, pick the first suggestion with the arrow key
    for (let tab = 0; tab < 10; tab++) {
      if (await page.evaluate(() => document.activeElement?.dataset?.testid === 'search-input')) break;
      await page.keyboard.press('Tab');
    }
    assert.equal(await page.evaluate(() => document.activeElement?.dataset?.testid), 'search-input', 'Tab reaches the search box');
    await page.keyboard.type('ASML');
    await page.getByTestId('search-option').first().waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');

    // assert
    await page.waitForURL(/\/entity\/asml(\?|$)/);
    await ready(page);
    assert.match(await page.getByTestId('entity-title').innerText(), /ASML/);
    assert.deepEqual(problems, []);
  } finally { await close(); }
});

test('every "Copy as Cypher" is Cypher Neo4j accepts: its :param values and its query pass the Cypher lint', async () => {
  // arrange: the text each section's button copies, on an entity page, a regulation's page and the paths page
  const copied = [];
  for (const path of ['/entity/deepseek?asOf=2023-06-01', `/entity/${October2023Rule}?asOf=2026-01-01`, '/paths?from=hugging-face&to=asml&asOf=2026-01-01']) {
    const { page, problems, close } = await open(path);
    try {
      await ready(page);
      // A section that has not asked anything yet (paths, before a second entity is chosen) has nothing to copy.
      copied.push(...(await page.getByTestId('copy-cypher').evaluateAll((buttons) => buttons.map((button) => button.dataset.cypher))).filter(Boolean));
      assert.deepEqual(problems, []);
    } finally { await close(); }
  }

  // act: each ":param name => value;" (a Neo4j Browser command) becomes "RETURN value AS name;", so Neo4j's parser and
  // semantic analysis (tools/cypher-lint) check every value, then the query itself
  const folder = await mkdtemp(join(tmpdir(), 'supplygraph-copied-cypher-'));
  try {
    assert.ok(copied.length >= 5, `${copied.length} sections copied Cypher`);
    assert.ok(copied.every((text) => text.includes('$')), `every section copies a parameterised query:\n${copied.find((text) => !text.includes('$'))}`);
    await Promise.all(copied.map((text, index) => writeFile(join(folder, `copied-${index}.cypher`),
      text.replace(/^:param (\w+) => (.*);$/gm, 'RETURN $2 AS $1;'))));
    const repository = new URL('../../', import.meta.url).pathname;
    const lint = await promisify(execFile)('node', [join(repository, 'tools/cypher-lint/lint.mjs'), '--schema', join(repository, 'cypher/lint/dbschema.json'), folder])
      .then(({ stdout }) => ({ ok: true, stdout }), (error) => ({ ok: false, stdout: `${error.stdout}${error.stderr}` }));

    // assert
    assert.ok(lint.ok, lint.stdout);
    assert.ok(copied.every((text) => /^:param \w+ => /m.test(text)), 'the parameters are filled in as :param lines');
  } finally { await rm(folder, { recursive: true, force: true }); }
});

for (const path of ['/', '/entity/deepseek?asOf=2026-01-01', `/entity/${October2023Rule}?asOf=2026-01-01`]) {
  test(`axe-core finds no serious or critical violation on ${path}`, async () => {
    // arrange
    const { page, problems, close } = await open(path);
    try {
      await ready(page);

      // act
      const violations = await seriousViolations(page);

      // assert
      assert.deepEqual(violations, []);
      assert.deepEqual(problems, []);
    } finally { await close(); }
  });
}

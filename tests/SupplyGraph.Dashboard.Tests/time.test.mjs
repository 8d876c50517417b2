// time.js (the timeline and compare mode) against the services run.mjs started, on the seed and on the generated
// dataset. No page of the dashboard shows the module yet (the entity page wires it in), so the module is bundled here
// with the dashboard's own esbuild: its pure parts run in Node, and compare mode runs in Chromium on a dashboard page
// (same origin, so it asks the service's /graphql as the dashboard does).
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { artifacts, ask, closeBrowser, datasets, launch, open, ready, seriousViolations } from './harness.mjs';

const dashboard = fileURLToPath(new URL('../../src/SupplyGraph.Dashboard/', import.meta.url));
const timeModule = join(dashboard, 'src', 'time.js');
const requireFromDashboard = createRequire(join(dashboard, 'package.json'));

let esbuild = null;
try { esbuild = requireFromDashboard('esbuild'); } catch { /* the dashboard's packages are not installed: the tests say so */ }
const noEsbuild = esbuild ? false : 'the dashboard\'s esbuild is not installed (npm ci in src/SupplyGraph.Dashboard)';

let folder, time, queries, browserBundle;
// api.js imports the ids of the trusted documents, a module only build.mjs generates: here no text has an id, so the
// injected module sends every query as its text (persisted.test.mjs covers the ids).
const noPersistedDocuments = {
  name: 'persisted-documents',
  setup(build) {
    build.onResolve({ filter: /^persisted-documents$/ }, () => ({ path: 'persisted-documents', namespace: 'persisted-documents' }));
    build.onLoad({ filter: /.*/, namespace: 'persisted-documents' }, () => ({ loader: 'js', contents: 'export const documentIdByText = new Map();' }));
  },
};
before(async () => {
  if (!esbuild) return;
  folder = await mkdtemp(join(tmpdir(), 'supplygraph-time-'));
  // Node: the module without its CSS; api.js is imported lazily by renderCompare only, so it is never run here.
  await esbuild.build({ entryPoints: [timeModule], bundle: true, format: 'esm', platform: 'neutral', loader: { '.css': 'empty' }, plugins: [noPersistedDocuments], outfile: join(folder, 'time.mjs'), logLevel: 'error' });
  await esbuild.build({ entryPoints: [join(dashboard, 'src', 'queries.js')], bundle: true, format: 'esm', platform: 'neutral', outfile: join(folder, 'queries.mjs'), logLevel: 'error' });
  time = await import(pathToFileURL(join(folder, 'time.mjs')).href);
  queries = (await import(pathToFileURL(join(folder, 'queries.mjs')).href)).QUERIES;
  // Chromium: the module and its CSS, exposed as window.sgTime.
  const built = await esbuild.build({
    stdin: { contents: `import * as time from ${JSON.stringify(timeModule)}; window.sgTime = time;`, resolveDir: dashboard, loader: 'js' },
    bundle: true, format: 'iife', write: false, outdir: folder, logLevel: 'error', plugins: [noPersistedDocuments],
  });
  browserBundle = {
    js: built.outputFiles.find((file) => file.path.endsWith('.js')).text,
    css: built.outputFiles.find((file) => file.path.endsWith('.css'))?.text ?? '',
  };
  await launch();
});
after(async () => {
  await closeBrowser();
  if (folder) await rm(folder, { recursive: true, force: true });
});

/**
 * The service's answer, asked as harness.ask does, but asked again (up to three times) when the service answers
 * SERVER_BUSY or TIMEOUT: a cold service on a busy machine may refuse the first walks; any other error fails.
 */
async function answer(query, variables, base) {
  for (let attempt = 1; ; attempt++) {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = await response.json();
    const busy = body.errors?.length && body.errors.every((error) => ['SERVER_BUSY', 'TIMEOUT'].includes(error.extensions?.code));
    if (busy && attempt < 3) { await new Promise((wait) => setTimeout(wait, 1000)); continue; }
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    return body.data;
  }
}

const seedLab = { entity: 'deepseek', from: '2023-06-01', to: '2026-01-01' };

/** The lab each dataset's checks are about: DeepSeek on the seed, the first lab by name on the generated dataset. */
async function subject(dataset) {
  if (dataset.name === 'seed') return seedLab;
  const found = await ask('{ entities(where: { category: [AI_LAB] }, first: 1) { edges { node { id } } } }', {}, { base: dataset.base });
  return { entity: found.entities.edges[0].node.id, from: '2020-01-01', to: '2026-01-01' };
}

/** What changes must hold: the set differences of supplyChain and exportControls on the two days, in their order. */
async function expectedRows({ entity, from, to }, base) {
  // One after another: the service runs expensive requests one at a time and refuses those that wait too long.
  const chainFrom = await answer(queries.supplyChain, { entity, asOf: from }, base);
  const chainTo = await answer(queries.supplyChain, { entity, asOf: to }, base);
  const controlsFrom = await answer(queries.exportControls, { entity, asOf: from }, base);
  const controlsTo = await answer(queries.exportControls, { entity, asOf: to }, base);
  const members = (data) => data.supplyChain.stages.flatMap((stage) => stage.entities.map((member) => `entity ${stage.stage}/${member.id}`));
  const rules = (data) => data.exportControls.hits.map((hit) => `regulation ${hit.regulation.id}`);
  const relationships = (data) => data.supplyChain.relationships.map((relationship) => `relationship ${relationship.id}`);
  const minus = (these, those) => these.filter((item) => !those.includes(item));
  const side = (change, mine, theirs) => [
    ...minus(members(mine.chain), members(theirs.chain)),
    ...minus(rules(mine.controls), rules(theirs.controls)),
    ...minus(relationships(mine.chain), relationships(theirs.chain)),
  ].map((row) => `${change} ${row}`);
  const onFrom = { chain: chainFrom, controls: controlsFrom };
  const onTo = { chain: chainTo, controls: controlsTo };
  return [...side('entered', onTo, onFrom), ...side('left', onFrom, onTo)];
}

const rowText = (row) => `${row.change} ${row.what} ${row.what === 'entity' ? `${row.stage}/${row.id}` : row.id}`;

for (const dataset of datasets()) {
  test(`the timeline holds every date of the profile's relationships and of the rules that touch the lab (${dataset.name})`, { skip: noEsbuild }, async () => {
    // arrange
    const { entity, to } = await subject(dataset);
    const profile = await answer(queries.profile, { entity, asOf: to }, dataset.base);
    const controls = await answer(queries.exportControls, { entity, asOf: to }, dataset.base);
    const expected = [
      ...profile.profile.relationships.flatMap((r) => [r.validFrom && `start ${r.id} ${r.validFrom}`, r.validTo && `end ${r.id} ${r.validTo}`]),
      ...controls.exportControls.hits.flatMap((hit) => [`rule-effective ${hit.regulation.id} ${hit.regulation.effective}`, hit.regulation.rescinded && `rule-rescinded ${hit.regulation.id} ${hit.regulation.rescinded}`]),
    ].filter(Boolean);

    // act
    const events = time.timelineEvents(profile, controls);

    // assert
    const drawn = events.filter((event) => event.kind.startsWith('rule-') || event.kind === 'start' || event.kind === 'end').map((event) => `${event.kind} ${event.id} ${event.date}`);
    assert.deepEqual([...new Set(drawn)].sort(), [...new Set(expected)].sort());
    assert.deepEqual(events.map((event) => event.date), events.map((event) => event.date).sort(), 'oldest first');
  });

  test(`compare mode in Chromium shows exactly what changes returns, the set differences of supplyChain and exportControls (${dataset.name})`, { skip: noEsbuild }, async () => {
    // arrange
    const asked = await subject(dataset);
    const expected = await expectedRows(asked, dataset.base);
    assert.deepEqual(time.changeRows((await answer(queries.changes, asked, dataset.base)).changes).map(rowText), expected, 'changes is the set differences');
    if (dataset.name === 'seed') assert.ok(expected.includes('entered regulation us-bis-2023-10-advanced-computing'), 'the October 2023 rule enters');
    const { page, problems, close } = await open('/', { base: dataset.base, width: 1280, height: 800 });
    try {
      await ready(page);
      await page.addStyleTag({ content: browserBundle.css });
      await page.addScriptTag({ content: browserBundle.js });

      // act
      await page.evaluate((options) => {
        const container = document.createElement('div');
        container.id = 'compare-under-test';
        document.getElementById('main').prepend(container);
        return window.sgTime.renderCompare(container, options);
      }, asked);
      await page.waitForFunction(() => document.getElementById('compare-under-test').dataset.ready === 'true');

      // assert
      const shown = await page.getByTestId('change-row').evaluateAll((rows) => rows.map((row) => `${row.dataset.change} ${row.dataset.what} ${row.dataset.what === 'entity' ? `${row.dataset.stage}/${row.dataset.id}` : row.dataset.id}`));
      assert.deepEqual(shown, expected);
      assert.equal(await page.getByTestId('compare-from').inputValue(), asked.from);
      await page.locator('#compare-under-test').screenshot({ path: new URL(`compare-${dataset.name}.png`, artifacts).pathname });
      assert.deepEqual(await seriousViolations(page), []);
      assert.deepEqual(problems, []);
    } finally { await close(); }
  });
}

test('compare mode shows the API\'s error when A is after B, and the empty answer for one day', { skip: noEsbuild }, async () => {
  // arrange
  const { page, problems, close } = await open('/');
  try {
    await ready(page);
    await page.addScriptTag({ content: browserBundle.js });

    // act
    const texts = await page.evaluate(async () => {
      const make = () => document.getElementById('main').appendChild(document.createElement('div'));
      const backwards = make();
      await window.sgTime.renderCompare(backwards, { entity: 'deepseek', from: '2026-01-01', to: '2023-06-01' });
      const same = make();
      await window.sgTime.renderCompare(same, { entity: 'deepseek', from: '2025-01-01', to: '2025-01-01' });
      return {
        error: backwards.querySelector('[data-testid="compare-error"]')?.textContent ?? null,
        empty: same.querySelector('[data-testid="compare-empty"]')?.textContent ?? null,
      };
    });

    // assert
    assert.match(texts.error ?? '', /from .*2026-01-01.* after to .*2023-06-01/);
    assert.ok(texts.empty, 'the same day twice changes nothing');
    assert.deepEqual(problems, []);
  } finally { await close(); }
});

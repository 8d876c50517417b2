// Browsing by kind, the paths page's export, the home page from the keyboard and axe-core, GraphiQL built from the data
// (issue 22), on the seed and on a generated dataset.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ask, closeBrowser, datasets, launch, open, ready, seriousViolations } from './harness.mjs';
import { WIDTHS, allNames, countsOf, downloaded, edit, exposingRegulation, humanize, parseCsv, shot, stageOf, tableText } from './pages-helpers.mjs';

before(launch);
after(closeBrowser);

for (const { name: dataset, base } of datasets()) {
  describe(`on the ${dataset} dataset`, () => {
    test('the paths page exports its answer: the JSON is what `paths` returns, the CSV one line per step', async () => {
      // arrange
      const lab = (await ask('{ entities(where: { category: [AI_LAB] }, first: 1) { edges { node { id } } } }', {}, { base })).entities.edges[0].node.id;
      const chain = (await ask('query($id: String!) { supplyChain(entity: $id, asOf: "2026-01-01") { stages { stage entities { id } } } }', { id: lab }, { base })).supplyChain;
      const target = chain.stages.find((stage) => stage.stage !== 'LABS').entities[0].id;
      const expected = (await ask('query($from: String!, $to: String!) { paths(from: $from, to: $to, asOf: "2026-01-01") { paths { relationships { id type from { name } to { name } } } } }', { from: lab, to: target }, { base })).paths.paths;
      const { page, problems, close } = await open(`/paths?from=${lab}&to=${target}&asOf=2026-01-01`, { base, width: 1280, height: 800 });
      try {
        await ready(page);

        // act
        const json = JSON.parse(await downloaded(page, page.locator('#paths').getByTestId('export-json')));
        const csv = parseCsv(await downloaded(page, page.locator('#paths').getByTestId('export-csv')));

        // assert
        assert.deepEqual(json.paths.map((path) => path.relationships.map((r) => r.id)), expected.map((path) => path.relationships.map((r) => r.id)));
        assert.deepEqual(csv.slice(1).map((row) => [row[2], row[3], row[4]]), expected.flatMap((path) => path.relationships.map((r) => [r.from.name, r.type, r.to.name])));
        for (const width of WIDTHS) { await page.setViewportSize({ width, height: 900 }); await shot(page, `${dataset}-paths`, width); }
        assert.deepEqual(await seriousViolations(page), []);
        assert.deepEqual(problems, []);
      } finally { await close(); }
    });

    test('the home page: axe-core finds no serious violation, and the keyboard alone reaches every control', async () => {
      // arrange
      const { page, problems, close } = await open('/', { base, width: 1280, height: 800 });
      try {
        await ready(page);
        await page.evaluate(() => {
          const focusable = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';
          document.querySelectorAll(focusable).forEach((node, index) => { node.dataset.kbd = String(index); });
        });
        const controls = await page.locator('[data-kbd]').evaluateAll((nodes) => nodes.filter((node) => node.checkVisibility() && !node.disabled).map((node) => node.dataset.kbd));

        // act: Tab through the page, then once more round
        const reached = new Set();
        for (let tab = 0; tab < controls.length + 10; tab++) {
          await page.keyboard.press('Tab');
          const at = await page.evaluate(() => document.activeElement?.dataset?.kbd ?? null);
          if (at !== null) reached.add(at);
        }

        // assert
        assert.deepEqual(controls.filter((control) => !reached.has(control)), [], 'controls Tab never reached');
        assert.deepEqual(await seriousViolations(page), []);
        assert.deepEqual(problems, []);
      } finally { await close(); }
    });

    test('GraphiQL\'s first tab is built from the data and answers, and links back to the dashboard', async () => {
      // arrange
      const { page, problems, close } = await open('/graphql', { base });
      try {
        await page.locator('.graphiql-container').waitFor({ timeout: 20_000 });

        // act
        await page.locator('.graphiql-execute-button').click();
        await page.waitForFunction(() => /"data"/.test(document.querySelector('.result-window')?.textContent ?? ''), null, { timeout: 20_000 });
        const result = await page.locator('.result-window').innerText();

        // assert
        assert.doesNotMatch(result, /NOT_FOUND/);
        assert.equal(await page.locator('a.sg-back').getAttribute('href'), '/');
        assert.deepEqual(problems, []);
      } finally { await close(); }
    });

    test('browsing a kind pages through `entities` with its total, and the table exports as it shows', async () => {
      // arrange
      const expected = (await ask('{ entities(where: { kind: [CHIP] }, first: 50) { totalCount edges { node { id } } } }', {}, { base })).entities;
      const { page, problems, close } = await open('/?kind=CHIP', { base, width: 1280, height: 800 });
      try {
        await ready(page);
        const table = page.getByTestId('browse-table');

        // act
        const shown = await tableText(table);
        const ids = await table.locator('tbody td[data-col="name"] a').evaluateAll((links) => links.map((link) => decodeURIComponent(new URL(link.href).pathname.split('/').pop())));
        const csv = parseCsv(await downloaded(page, page.locator('.table-block', { has: table }).getByTestId('export-csv')));

        // assert
        assert.deepEqual(ids, expected.edges.map((edge) => edge.node.id));
        assert.match(await table.locator('caption').innerText(), new RegExp(`of ${expected.totalCount.toLocaleString('en')}$`));
        assert.equal(await page.getByTestId('next-page').count(), expected.totalCount > 50 ? 1 : 0);
        assert.deepEqual(csv, [shown.head, ...shown.body]);
        for (const width of WIDTHS) { await page.setViewportSize({ width, height: 900 }); await shot(page, `${dataset}-browse`, width); }
        assert.deepEqual(problems, []);
      } finally { await close(); }
    });
  });
}

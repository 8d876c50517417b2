// The dashboard's home page (issue 22), on the seed and on a generated dataset the dashboard has never seen:
// counts equal to the API's, examples taken from the data that resolve, exports equal to the tables.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ask, closeBrowser, datasets, launch, open, ready, seriousViolations } from './harness.mjs';
import { WIDTHS, allNames, countsOf, downloaded, edit, exposingRegulation, humanize, parseCsv, shot, stageOf, tableText } from './pages-helpers.mjs';

before(launch);
after(closeBrowser);

for (const { name: dataset, base } of datasets()) {
  describe(`on the ${dataset} dataset`, () => {
    test('the home page\'s counts by kind are the API\'s counts, and its CSV and JSON exports hold exactly that table', async () => {
      // arrange
      const expected = (await ask('{ counts(by: ENTITY_KIND) { total groups { key count } } }', {}, { base })).counts;
      const { page, problems, close } = await open('/', { base, width: 1280, height: 800 });
      try {
        await ready(page);
        const table = page.getByTestId('kind-counts');

        // act
        const shown = await tableText(table);
        const block = page.locator('.table-block', { has: table });
        const csv = parseCsv(await downloaded(page, block.getByTestId('export-csv')));
        const json = JSON.parse(await downloaded(page, block.getByTestId('export-json')));

        // assert: every kind with its count, as the API counts them
        const kinds = await table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => [new URL(row.querySelector('a').href).searchParams.get('kind'), Number(row.querySelector('td[data-col="count"]').innerText)]));
        assert.deepEqual(Object.fromEntries(kinds), countsOf(expected.groups));
        assert.match(await table.locator('caption').innerText(), new RegExp(`^${expected.total.toLocaleString('en')} entities`));
        // the exports are the table: the CSV line for line, the JSON the API's answer
        assert.deepEqual(csv, [shown.head, ...shown.body]);
        assert.deepEqual(json, expected);
        assert.deepEqual(problems, []);
      } finally { await close(); }
    });

    test('every example on the home page leads to an entity page that renders', async () => {
      // arrange
      const { page, problems, close } = await open('/', { base });
      let examples;
      try {
        await ready(page);
        examples = await page.getByTestId('example-link').evaluateAll((links) => links.map((link) => ({ href: link.getAttribute('href'), id: link.dataset.entityId })));
        for (const width of WIDTHS) { await page.setViewportSize({ width, height: 900 }); await shot(page, `${dataset}-home`, width); }
        assert.deepEqual(problems, []);
      } finally { await close(); }
      assert.ok(examples.length >= 3, `${examples.length} examples`);

      // act: each example in turn, in one tab
      const visit = await open('/', { base });
      try {
        for (const example of examples) {
          const entity = (await ask('query($id: String!) { entity(ref: $id) { id name } }', { id: example.id }, { base })).entity;
          await visit.page.goto(base + example.href);
          await ready(visit.page);
          assert.equal(await visit.page.getByTestId('entity-title').innerText(), entity?.name);

          // assert: the entity the example names, no not-found
          assert.ok(entity, `${example.id} exists`);
          assert.equal(await visit.page.getByTestId('not-found').count(), 0, example.href);
        }
        assert.deepEqual(visit.problems, []);
      } finally { await visit.close(); }
    });
  });
}

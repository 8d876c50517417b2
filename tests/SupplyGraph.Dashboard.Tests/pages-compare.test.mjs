// Compare mode on the entity page (issue 22): /entity/{id}?compare=A..B shows exactly what the `changes` field
// returns, exports it, passes axe-core, and the lab's page leads there from its timeline; on the seed and on a
// generated dataset. Screenshots at 1280 and 1920 px go to artifacts/.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ask, closeBrowser, datasets, launch, open, ready, seriousViolations } from './harness.mjs';
import { WIDTHS, downloaded, shot } from './pages-helpers.mjs';

before(launch);
after(closeBrowser);

const CHANGES = `query($entity: String!, $from: Date!, $to: Date!) { changes(entity: $entity, from: $from, to: $to) {
  from to partial entity { id name kind }
  entered { entities { stage entity { id } } regulations { id } relationships { id } }
  left { entities { stage entity { id } } regulations { id } relationships { id } } } }`;

/** The answer as rows "change what id": per side, the members (with their stage), the rules, the relationships. */
const rowsOf = (changes) => ['entered', 'left'].flatMap((change) => [
  ...changes[change].entities.map((member) => `${change} entity ${member.stage}/${member.entity.id}`),
  ...changes[change].regulations.map((rule) => `${change} regulation ${rule.id}`),
  ...changes[change].relationships.map((relationship) => `${change} relationship ${relationship.id}`),
]);

for (const { name: dataset, base } of datasets()) {
  describe(`on the ${dataset} dataset`, () => {
    test('compare mode shows exactly what `changes` returns, and its JSON export is that answer', async () => {
      // arrange: DeepSeek across the October 2023 rule on the seed, the first lab by name over six years elsewhere
      const lab = dataset === 'seed' ? 'deepseek'
        : (await ask('{ entities(where: { category: [AI_LAB] }, first: 1) { edges { node { id } } } }', {}, { base })).entities.edges[0].node.id;
      const [from, to] = dataset === 'seed' ? ['2023-06-01', '2026-01-01'] : ['2020-01-01', '2026-01-01'];
      const expected = (await ask(CHANGES, { entity: lab, from, to }, { base })).changes;
      assert.ok(rowsOf(expected).length > 0, 'something changed between the two days');
      const { page, problems, close } = await open(`/entity/${lab}?compare=${from}..${to}`, { base, width: 1280, height: 800 });
      try {
        // act
        await ready(page);
        const shown = await page.getByTestId('change-row').evaluateAll((rows) => rows.map((row) =>
          `${row.dataset.change} ${row.dataset.what} ${row.dataset.what === 'entity' ? `${row.dataset.stage}/${row.dataset.id}` : row.dataset.id}`));
        const json = JSON.parse(await downloaded(page, page.locator('#compare .panel-tools').getByTestId('export-json')));

        // assert
        assert.deepEqual(shown, rowsOf(expected));
        assert.deepEqual(rowsOf(json), rowsOf(expected));
        assert.equal(await page.getByTestId('compare-from').inputValue(), from);
        assert.equal(await page.getByTestId('compare-to').inputValue(), to);
        assert.equal(await page.getByTestId('entity-title').innerText(), expected.entity.name);
        for (const width of WIDTHS) { await page.setViewportSize({ width, height: 900 }); await shot(page, `${dataset}-compare`, width); }
        assert.deepEqual(await seriousViolations(page), []);
        assert.deepEqual(problems, []);
      } finally { await close(); }
    });

    test('a lab\'s page has a timeline whose link opens compare mode up to the page\'s day', async () => {
      // arrange
      const lab = (await ask('{ entities(where: { category: [AI_LAB] }, first: 1) { edges { node { id } } } }', {}, { base })).entities.edges[0].node.id;
      const { page, problems, close } = await open(`/entity/${lab}?asOf=2026-01-01`, { base, width: 1280, height: 800 });
      try {
        await ready(page);
        assert.equal(await page.getByTestId('timeline').count(), 1);

        // act
        await page.getByTestId('compare-link').click();
        await page.waitForURL(/compare=\d{4}-\d{2}-\d{2}\.\.2026-01-01/);
        await ready(page);

        // assert
        assert.equal(await page.getByTestId('compare-to').inputValue(), '2026-01-01');
        assert.equal(await page.getByTestId('compare-error').count(), 0);
        assert.deepEqual(problems, []);
      } finally { await close(); }
    });
  });
}

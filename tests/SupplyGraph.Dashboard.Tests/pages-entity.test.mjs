// A regulation's page (exposure first), the not-found page and a lab's page (issue 22), on the seed and on a generated
// dataset. Screenshots at 1280 and 1920 px go to artifacts/.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ask, closeBrowser, datasets, launch, open, ready, seriousViolations } from './harness.mjs';
import { WIDTHS, allNames, countsOf, downloaded, edit, exposingRegulation, humanize, parseCsv, shot, stageOf, tableText } from './pages-helpers.mjs';

before(launch);
after(closeBrowser);

for (const { name: dataset, base } of datasets()) {
  describe(`on the ${dataset} dataset`, () => {
    test('a regulation\'s page leads with its exposure, counted by stage, kind and country as the API answers, with the issuer by name', async () => {
      // arrange
      const exposure = await exposingRegulation(base);
      const issuer = (await ask('query($id: String!) { entity(ref: $id) { name } }', { id: exposure.regulation.issuerId }, { base })).entity;
      const count = (keyOf, label = (k) => k) => {
        const counts = {};
        for (const { entity } of exposure.exposed) { const key = keyOf(entity) ? label(keyOf(entity)) : 'None'; counts[key] = (counts[key] || 0) + 1; }
        return counts;
      };
      const shownCounts = (testid) => page.getByTestId(testid).locator('tbody tr').evaluateAll((rows) =>
        Object.fromEntries(rows.map((row) => [row.querySelector('td').innerText.trim(), Number(row.querySelector('td[data-col="count"]').innerText)])));
      const { page, problems, close } = await open(`/entity/${encodeURIComponent(exposure.regulation.id)}?asOf=${exposure.asOf}`, { base, width: 1280, height: 800 });
      try {
        // act
        await ready(page);
        const firstSection = await page.locator('main section.panel:visible').first().getAttribute('id');
        const hiddenSections = await page.locator('#supply-chain, #export-controls, #graph').evaluateAll((nodes) => nodes.map((node) => node.hidden));

        // assert: exposure first; the sections that do not apply to a rule are not shown
        assert.equal(firstSection, 'exposure');
        assert.deepEqual(hiddenSections, [true, true, true]);
        assert.match(await page.getByTestId('exposure-total').innerText(), new RegExp(`^${exposure.exposed.length.toLocaleString('en')} entit`));
        assert.deepEqual(await shownCounts('exposure-by-kind'), count((e) => e.kind, humanize));
        assert.deepEqual(await shownCounts('exposure-by-country'), count((e) => e.country));
        assert.deepEqual(await shownCounts('exposure-by-stage'), count(stageOf, humanize));
        const listed = await page.getByTestId('exposed-table').locator('tr.exposed-item').evaluateAll((rows) => rows.map((row) => row.dataset.entityId));
        assert.deepEqual(listed.sort(), exposure.exposed.map((x) => x.entity.id).sort());
        assert.equal((await page.getByTestId('subtitle-issuer').innerText()).trim(), issuer.name);

        // the exported exposure is the table, in the order chosen
        await page.getByTestId('exposure-sort').selectOption('name');
        const shown = await tableText(page.getByTestId('exposed-table'));
        const csv = parseCsv(await downloaded(page, page.locator('#exposure .panel-tools').getByTestId('export-csv')));
        assert.deepEqual(csv, [shown.head.slice(0, -1), ...shown.body], 'the CSV is the table (less its "Routes shown" buttons)');

        // routes on demand
        await page.getByTestId('show-routes').first().click();
        assert.ok(await page.locator('.paths-row:not([hidden]) [data-testid="path-step"]').count() > 0, 'the routes show their steps');
        for (const width of WIDTHS) { await page.setViewportSize({ width, height: 900 }); await shot(page, `${dataset}-regulation`, width); }
        assert.deepEqual(await seriousViolations(page), []);
        assert.deepEqual(problems, []);
      } finally { await close(); }
    });

    test('an unknown name gets one not-found page that suggests the closest name', async () => {
      // arrange: a lab's name with two letters swapped (the seed holds no "Moonshot", the example: the
      // domain's SuggestionTests cover that misspelling on a graph that has it)
      const names = await allNames(base);
      const lab = (await ask('{ entities(where: { category: [AI_LAB] }, first: 1) { edges { node { name } } } }', {}, { base })).entities.edges[0].node.name;
      const at = Math.floor(lab.length / 2) - 1;
      const reference = lab.slice(0, at) + lab[at + 1] + lab[at] + lab.slice(at + 2);
      const distance = (entry) => Math.min(...entry.keys.map((key) => edit(key.toLowerCase(), reference.toLowerCase())));
      const closest = names.reduce((best, entry) => (distance(entry) < distance(best) ? entry : best)).name;
      const { page, problems, close } = await open(`/entity/${encodeURIComponent(reference)}`, { base, width: 1280, height: 800 });
      try {
        // act
        await ready(page);
        const suggestions = await page.getByTestId('suggestion').allInnerTexts();

        // assert: one page, no empty sections, no error under another section's name
        assert.equal(await page.getByTestId('not-found').count(), 1);
        assert.equal(await page.locator('section.panel').count(), 1, 'only "Did you mean"');
        assert.doesNotMatch(await page.locator('#alerts').innerText(), /Export controls|Supply chain/);
        for (const width of WIDTHS) { await page.setViewportSize({ width, height: 900 }); await shot(page, `${dataset}-not-found`, width); }
        assert.ok(suggestions.includes(closest), `"${reference}": the closest name is "${closest}"; suggested: ${JSON.stringify(suggestions)}`);
        assert.deepEqual(await seriousViolations(page), []);
        assert.deepEqual(problems, []);
      } finally { await close(); }
    });

    test('a lab\'s page: the profile is short, the critical path starts on the first screen, the contents stay in view', async () => {
      // arrange
      const lab = (await ask('{ entities(where: { category: [AI_LAB] }, first: 1) { edges { node { id name } } } }', {}, { base })).entities.edges[0].node;
      const { page, problems, close } = await open(`/entity/${lab.id}?asOf=2026-01-01`, { base, width: 1280, height: 800 });
      try {
        await ready(page);

        // act
        const chainTop = await page.locator('#supply-chain h2').evaluate((node) => node.getBoundingClientRect().top);
        await page.locator('#relationships').scrollIntoViewIfNeeded();
        const tocTop = await page.getByTestId('toc').evaluate((node) => node.getBoundingClientRect().top);

        // assert
        assert.ok(chainTop < 800, `the critical path's heading at ${chainTop} px`);
        assert.ok(tocTop >= 0 && tocTop < 5, `the table of contents at ${tocTop} px after scrolling`);
        assert.equal(await page.getByTestId('asof-input').inputValue(), '2026-01-01', 'the as-of day in ISO form');
        assert.equal(await page.getByTestId('asof-input').getAttribute('type'), 'text', 'not a locale-formatted date input');
        for (const width of WIDTHS) { await page.setViewportSize({ width, height: 900 }); await shot(page, `${dataset}-lab`, width); }
        assert.deepEqual(problems, []);
      } finally { await close(); }
    });
  });
}

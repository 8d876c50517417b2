// The checks of the critical path view and the graph view, run on one dataset (chain.test.mjs: the seed, DeepSeek;
// chain-generated.test.mjs: a generated dataset the dashboard has never seen, its biggest hub lab found through the
// API): the lab in view, arrows downstream, the route of strongest claims, restriction marks as exportControls answers
// them, a rule's paths highlighted, an edge's sources, axe-core, keyboard, export, and screenshots at 1280 and 1920 px.
// One file per dataset keeps each file within run.mjs's time limit per file on a busy machine.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { artifacts, ask, open, ready, seriousViolations } from './harness.mjs';

const STAGES = ['RAW_MATERIALS', 'EQUIPMENT', 'MANUFACTURING', 'CHIP_DESIGN', 'CHIPS', 'COMPUTE', 'CAPITAL', 'LABS', 'MODELS', 'DEPLOYMENT'];
const asOf = '2026-01-01';

/** The lab each dataset is checked on: DeepSeek on the seed; on generated data the hub lab with the biggest chain. */
async function labOf(dataset) {
  if (dataset.name === 'seed') return 'deepseek';
  const { entities } = await ask('{ entities(where: {category: [AI_LAB], tags: ["hub"]}, first: 20) { edges { node { id } } } }', {}, { base: dataset.base });
  const candidates = entities.edges.map((edge) => edge.node.id);
  assert.ok(candidates.length > 0, 'the generated dataset tags its hub labs');
  const sizes = [];
  for (const id of candidates) {
    const { counts } = await ask('query($id: String!, $asOf: Date) { counts(by: SUPPLY_CHAIN_STAGE, entity: $id, asOf: $asOf) { total } }', { id, asOf }, { base: dataset.base });
    sizes.push([id, counts.total]);
  }
  return sizes.sort((a, b) => b[1] - a[1])[0][0];
}

const chainQuery = `query($id: String!, $asOf: Date) { supplyChain(entity: $id, asOf: $asOf) {
  stages { stage entities { id } } relationships { id type from { id } to { id } } } }`;
const controlsQuery = `query($id: String!, $asOf: Date) { exportControls(entity: $id, asOf: $asOf) {
  hits { regulation { id citation } paths { entities { id } relationships { id type from { id } to { id } } } } } }`;

async function answers(dataset, lab) {
  const { supplyChain } = await ask(chainQuery, { id: lab, asOf }, { base: dataset.base });
  const { exportControls } = await ask(controlsQuery, { id: lab, asOf }, { base: dataset.base });
  const inStage = (stage) => new Set(supplyChain.stages.find((s) => s.stage === stage)?.entities.map((e) => e.id) ?? []);
  return { supplyChain, exportControls, inStage };
}

const focusRect = (page) => page.evaluate(() => {
  const rect = (el) => { const r = el.getBoundingClientRect(); return { left: r.left, right: r.right, top: r.top, bottom: r.bottom }; };
  return { card: rect(document.querySelector('[data-testid="entity-card"][aria-current="page"]')), scroller: rect(document.querySelector('[data-testid="chain-scroll"]')), width: innerWidth, height: innerHeight };
});

/** Every check of the chain and graph views on one dataset of harness.mjs's datasets(). */
export function chainSuite(dataset) {
  const prefix = dataset.name === 'seed' ? '' : 'generated-';
  describe(`the critical path on the ${dataset.name} dataset`, () => {
    let lab;
    let expected;
    before(async () => {
      lab = await labOf(dataset);
      expected = await answers(dataset, lab);
    });
    const path = () => `/entity/${lab}?asOf=${asOf}`;
    // One page at 1280×800 serves the tests below in order (a page load costs seconds on a busy machine); each test
    // checks what it needs whatever the ones before it selected, and the stages are expanded last.
    let shared;
    before(async () => {
      const opened = await open(path(), { base: dataset.base, width: 1280, height: 800 });
      shared = { page: opened.page, problems: opened.problems, close: async () => {} };
      closeShared = opened.close;
    });
    let closeShared = async () => {};
    after(() => closeShared());
    const page1280 = () => shared;

    for (const [width, height] of [[1280, 800], [1920, 1080]]) {
      test(`at ${width}×${height} the lab's card is in view on load, centred in the stages`, async () => {
        // arrange
        const { page, problems, close } = width === 1280 ? page1280() : await open(path(), { base: dataset.base, width, height });
        try {
          // act
          await ready(page);
          const onLoad = await focusRect(page);
          await page.evaluate(() => window.scrollTo(0, document.getElementById('supply-chain').getBoundingClientRect().top + scrollY));
          const atChain = await focusRect(page);
          await page.screenshot({ path: new URL(`${prefix}lab-${width}.png`, artifacts).pathname });

          // assert: inside the stages' visible box and the window, across, without scrolling sideways; and within the
          // first screen of the critical path section
          assert.ok(onLoad.card.left >= onLoad.scroller.left - 1 && onLoad.card.right <= onLoad.scroller.right + 1, `card ${JSON.stringify(onLoad.card)} in ${JSON.stringify(onLoad.scroller)}`);
          assert.ok(onLoad.card.right <= onLoad.width, 'inside the window');
          assert.ok(atChain.card.top >= 0 && atChain.card.bottom <= atChain.height, `card ${JSON.stringify(atChain.card)} within the first ${height} px of the section`);
          assert.deepEqual(problems, []);
        } finally { await close(); }
      });
    }

    test('restricted entities carry the mark exactly as exportControls answers, with the citations on focus', async () => {
      // arrange: the entity each RESTRICTED_BY step leaves from, with its rules' citations
      const restricted = new Map();
      for (const hit of expected.exportControls.hits) {
        for (const p of hit.paths) {
          for (const r of p.relationships.filter((x) => x.type === 'RESTRICTED_BY')) {
            restricted.set(r.from.id, new Set([...(restricted.get(r.from.id) ?? []), hit.regulation.citation]));
          }
        }
      }
      assert.ok(restricted.size > 0, 'rules in force restrict part of the chain');
      const { page, problems, close } = page1280();
      try {
        await ready(page);

        // act
        const marked = await page.locator('[data-testid="entity-card"][data-restricted-by]').evaluateAll((els) => els.map((el) => el.dataset.entityId));
        const tips = new Map();
        for (const id of marked) {
          const mark = page.locator(`[data-testid="entity-card"][data-entity-id="${id}"] [data-testid="restricted-mark"]`);
          await mark.focus();
          const tip = page.locator(`[data-testid="entity-card"][data-entity-id="${id}"] [data-testid="restricted-tip"]`);
          tips.set(id, { visible: await tip.isVisible(), text: await tip.innerText(), described: await mark.getAttribute('aria-describedby') === await tip.getAttribute('id'), name: await mark.innerText() });
        }

        // assert
        assert.deepEqual(marked.sort(), [...restricted.keys()].sort());
        for (const [id, citations] of restricted) {
          const tip = tips.get(id);
          assert.ok(tip.visible, `${id}'s citations show on focus`);
          assert.ok(tip.described, `${id}'s mark is described by its citations`);
          for (const citation of citations) assert.ok(tip.text.includes(citation), `${id}: ${citation}`);
        }
        assert.deepEqual(problems, []);
      } finally { await close(); }
    });

    test('axe-core finds no serious or critical violation on the lab page; keyboard alone reaches the chain\'s controls', async () => {
      // arrange
      const { page, problems, close } = page1280();
      try {
        await ready(page);

        // act
        const violations = await seriousViolations(page);
        await page.evaluate(() => {
          window.chainReached = new Set();
          document.addEventListener('focusin', (ev) => {
            const el = ev.target;
            if (!el.closest?.('#supply-chain')) return;
            const what = el.dataset.testid || (el.dataset.ruleToggle ? 'rule-toggle' : el.classList.contains('sc-card-main') ? 'card' : null);
            if (what) window.chainReached.add(what);
          });
        });
        await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
        // from the top of the page: the table of contents' link to the critical path when the page has one (Enter moves
        // the keyboard there), else Tab all the way
        for (let tab = 0; tab < 40; tab++) {
          await page.keyboard.press('Tab');
          if (await page.evaluate(() => document.activeElement?.getAttribute('href') === '#supply-chain')) { await page.keyboard.press('Enter'); break; }
        }
        const wanted = ['chain-route-only', 'chain-export-svg', 'chain-export-png', 'rule-toggle', 'card', 'restricted-mark'];
        let reached = new Set();
        for (let tab = 0; tab < 600 && !wanted.every((w) => reached.has(w)); tab += 20) {
          for (let i = 0; i < 20; i++) await page.keyboard.press('Tab');
          reached = new Set(await page.evaluate(() => [...window.chainReached]));
        }

        // assert
        assert.deepEqual(violations, []);
        for (const control of wanted) assert.ok(reached.has(control), `Tab reaches ${control} (reached ${[...reached]})`);
        assert.deepEqual(problems, []);
      } finally { await close(); }
    });

    test('the highlighted route runs from raw materials through the lab to deployment over the answer\'s relationships, and re-routes through a chosen entity from the keyboard', async () => {
      // arrange
      const { page, problems, close } = page1280();
      const relationships = new Map(expected.supplyChain.relationships.map((r) => [r.id, r]));
      const readRoute = () => page.getByTestId('chain-route').evaluate((list) => ({
        entities: [...list.querySelectorAll('[data-testid="route-entity"]')].map((li) => li.dataset.entityId),
        steps: [...list.querySelectorAll('[data-testid="route-step"]')].map((li) => ({ id: li.dataset.relationshipId, from: li.dataset.from, to: li.dataset.to })),
      }));
      const checkRoute = (route, through) => {
        assert.ok(expected.inStage('RAW_MATERIALS').has(route.entities[0]), `${route.entities[0]} is a raw-materials entity`);
        assert.ok(expected.inStage('DEPLOYMENT').has(route.entities.at(-1)), `${route.entities.at(-1)} is a deployment entity`);
        for (const id of through) assert.ok(route.entities.includes(id), `the route goes through ${id}`);
        assert.equal(route.steps.length, route.entities.length - 1);
        route.steps.forEach((step, i) => {
          const r = relationships.get(step.id);
          assert.ok(r, `${step.id} is a relationship of the supplyChain answer`);
          assert.deepEqual([r.from.id, r.to.id].sort(), [route.entities[i], route.entities[i + 1]].sort(), `step ${i} joins its two entities`);
        });
      };
      try {
        await ready(page);

        // act
        const route = await readRoute();
        // a model of the lab on the chain, off the route, that a deployment-only entity serves
        const deploymentOnly = [...expected.inStage('DEPLOYMENT')].filter((id) => !STAGES.some((s) => s !== 'DEPLOYMENT' && expected.inStage(s).has(id)));
        const served = new Set(expected.supplyChain.relationships.filter((r) => r.type === 'AVAILABLE_ON' && deploymentOnly.includes(r.to.id)).map((r) => r.from.id));
        const visibleModels = await page.locator('[data-testid="stage-MODELS"] li:not([hidden]) [data-testid="entity-card"]').evaluateAll((els) => els.map((el) => el.dataset.entityId));
        const other = visibleModels.find((id) => served.has(id) && !route.entities.includes(id));
        assert.ok(other, 'a model off the route is shown');
        await page.locator(`[data-testid="entity-card"][data-entity-id="${other}"] .sc-card-main`).focus();
        await page.keyboard.press('Enter');
        await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
        const rerouted = await readRoute();

        // assert
        checkRoute(route, [lab]);
        checkRoute(rerouted, [lab, other]);
        assert.equal(await page.locator(`[data-testid="entity-card"][data-entity-id="${other}"] .sc-card-main`).getAttribute('aria-pressed'), 'true');
        const onRoute = await page.locator('[data-testid="chain-arrow"].sc-on-route').evaluateAll((paths) => paths.map((p) => p.dataset.relationshipIds.split(' ')));
        for (const step of rerouted.steps) assert.ok(onRoute.some((ids) => ids.includes(step.id)), `the arrow of ${step.id} is highlighted`);
        assert.deepEqual(problems, []);
      } finally { await close(); }
    });

    test('selecting a rule in the export-controls section highlights every step of its paths on the chain', async () => {
      // arrange: the rule with the most paths
      const hit = [...expected.exportControls.hits].sort((a, b) => b.paths.length - a.paths.length)[0];
      const onChain = new Set(expected.supplyChain.relationships.map((r) => r.id));
      const steps = new Set(hit.paths.flatMap((p) => p.relationships.map((r) => r.id)).filter((id) => onChain.has(id)));
      const entities = new Set(hit.paths.flatMap((p) => p.entities.map((e) => e.id)));
      const { page, problems, close } = page1280();
      try {
        await ready(page);

        // act
        await page.locator(`[data-testid="control-hit"][data-regulation-id="${hit.regulation.id}"] [data-testid="rule-select"]`).click();
        // the arrows are redrawn at the next frame
        await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
        const highlighted = await page.locator('[data-testid="chain-arrow"].sc-rule-hl').evaluateAll((paths) => paths.flatMap((p) => p.dataset.ruleRelationshipIds.split(' ')));
        const cards = await page.locator('[data-testid="entity-card"].sc-rule-hl').evaluateAll((els) => els.map((el) => el.dataset.entityId));
        const hiddenCards = await page.locator('li[hidden] [data-testid="entity-card"].sc-rule-hl').count();

        // assert
        assert.ok(steps.size > 0, 'the rule\'s paths run along the chain');
        assert.deepEqual(new Set(highlighted), steps);
        for (const id of cards) assert.ok(entities.has(id), `${id} is on the rule's paths`);
        for (const p of hit.paths) {
          const from = p.relationships.find((r) => r.type === 'RESTRICTED_BY')?.from.id;
          if (from) assert.ok(cards.includes(from), `the restricted ${from} is highlighted`);
        }
        assert.equal(hiddenCards, 0, 'every highlighted card is shown');
        assert.equal(await page.locator(`[data-testid="chain-scroll"]`).count(), 1);
        assert.deepEqual(problems, []);
      } finally { await close(); }
    });

    test('clicking an edge in the graph view opens its sources', async () => {
      // arrange
      const { page, problems, close } = page1280();
      try {
        await ready(page);
        const graph = page.getByTestId('graph-view');
        await graph.scrollIntoViewIfNeeded();
        await page.waitForFunction(() => document.querySelector('[data-testid="graph-view"]')?.sgGraph);
        // focus mode: one path from the lab to an entity two steps away, so the edge clicked crosses no other
        const far = await graph.evaluate((el, focus) => {
          const cy = el.sgGraph;
          const hops = cy.elements().dijkstra({ root: cy.getElementById(focus), directed: false });
          return cy.nodes().map((n) => n.id()).sort().find((id) => hops.distanceTo(cy.getElementById(id)) === 2);
        }, lab);
        assert.ok(far, 'an entity two steps from the lab');
        await page.getByTestId('graph-node-select').selectOption(far);
        await page.getByTestId('graph-focus').click();
        assert.equal(await page.getByTestId('graph-focus').getAttribute('aria-pressed'), 'true');
        await graph.evaluate((el) => el.scrollIntoView({ block: 'center' }));
        await page.screenshot({ path: new URL(`${prefix}graph-focus-1280.png`, artifacts).pathname });
        const target = await graph.evaluate((el) => {
          const cy = el.sgGraph;
          const box = el.getBoundingClientRect();
          const edges = cy.edges(':visible');
          const m = edges[0].renderedMidpoint();
          return { count: edges.length, x: box.left + m.x, y: box.top + m.y, rel: edges[0].data('rel') };
        });
        assert.equal(target.count, 2, 'focus mode shows one path of two steps');
        assert.ok(target, 'an edge is drawn inside the graph');

        // act
        await page.mouse.click(target.x, target.y);

        // assert
        const sources = page.getByTestId('graph-sources');
        await sources.waitFor();
        assert.equal(await sources.getAttribute('data-relationship-id'), target.rel);
        const rel = (await ask('query($id: String!, $asOf: Date) { profile(entity: $id, asOf: $asOf) { relationships { id } } supplyChain(entity: $id, asOf: $asOf) { relationships { id sources { document } } } }', { id: lab, asOf }, { base: dataset.base }))
          .supplyChain.relationships.find((r) => r.id === target.rel);
        if (rel) for (const s of rel.sources) assert.ok((await sources.innerText()).includes(s.document), s.document);
        assert.deepEqual(problems, []);
      } finally { await close(); }
    });

    test('the chain downloads as SVG and PNG, drawn in the page', async () => {
      // arrange
      const { page, problems, close } = page1280();
      try {
        await ready(page);
        const route = await page.getByTestId('route-entity').evaluateAll((els) => els.map((el) => el.textContent));

        // act
        const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('chain-export-svg').click()]);
        const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('chain-export-png').click()]);
        const svgText = await readFile(await svgDownload.path(), 'utf8');
        const png = await readFile(await pngDownload.path());

        // assert
        assert.match(svgDownload.suggestedFilename(), /\.svg$/);
        assert.match(svgText, /^<\?xml/);
        const escaped = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
        for (const name of route) assert.ok(svgText.includes(escaped(name)) || svgText.includes(escaped(name.slice(0, 8))), `the SVG names ${name}`);
        assert.ok((svgText.match(/<path d=/g) ?? []).length >= await page.getByTestId('chain-arrow').count(), 'every arrow is in the SVG');
        assert.match(pngDownload.suggestedFilename(), /\.png$/);
        assert.deepEqual([...png.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], 'a PNG');
        assert.deepEqual(problems, []);
      } finally { await close(); }
    });
    test('every chain arrow points downstream, in stage order, and is a relationship of the answer', async () => {
      // arrange
      const { page, problems, close } = page1280();
      try {
        await ready(page);

        // act: every stage expanded, so every relationship between two stages is drawn
        for (const toggle of await page.getByTestId('stage-toggle').all()) {
          if (await toggle.getAttribute('aria-expanded') === 'false') await toggle.click();
        }
        await page.waitForTimeout(100);
        const arrows = await page.getByTestId('chain-arrow').evaluateAll((paths) => paths.map((p) => {
          const stageOf = (id) => document.querySelector(`[data-testid="entity-card"][data-entity-id="${CSS.escape(id)}"]`).closest('[data-stage]').dataset.stage;
          const start = p.getPointAtLength(0);
          const end = p.getPointAtLength(p.getTotalLength());
          return { from: p.dataset.from, to: p.dataset.to, fromStage: stageOf(p.dataset.from), toStage: stageOf(p.dataset.to), x1: start.x, x2: end.x, ids: p.dataset.relationshipIds.split(' ') };
        }));

        // assert
        const relationships = new Map(expected.supplyChain.relationships.map((r) => [r.id, r]));
        assert.ok(arrows.length > 0, 'arrows are drawn');
        for (const arrow of arrows) {
          assert.ok(arrow.x2 > arrow.x1, `${arrow.from} → ${arrow.to} ends right of where it starts`);
          assert.ok(STAGES.indexOf(arrow.fromStage) < STAGES.indexOf(arrow.toStage), `${arrow.from} (${arrow.fromStage}) → ${arrow.to} (${arrow.toStage})`);
          for (const id of arrow.ids) {
            const r = relationships.get(id);
            assert.ok(r, `${id} is a relationship of the answer`);
            assert.deepEqual([r.from.id, r.to.id].sort(), [arrow.from, arrow.to].sort(), id);
          }
        }
        // each entity is one card; an entity the answer puts in two stages states both roles
        const cards = await page.getByTestId('entity-card').evaluateAll((els) => els.map((el) => ({ id: el.dataset.entityId, roles: el.dataset.roles.split(' ') })));
        assert.equal(new Set(cards.map((c) => c.id)).size, cards.length, 'no entity appears twice');
        for (const stage of expected.supplyChain.stages) {
          for (const entity of stage.entities) assert.ok(cards.find((c) => c.id === entity.id)?.roles.includes(stage.stage), `${entity.id} states ${stage.stage}`);
        }
        assert.deepEqual(problems, []);
      } finally { await close(); }
    });

  });
}

// What the page tests (pages*.test.mjs) share: CSV parsing, downloads, tables as text, the closest name, exposure.
import { readFile } from 'node:fs/promises';
import { artifacts, ask } from './harness.mjs';

export const WIDTHS = [1280, 1920];
export const shot = (page, name, width) => page.screenshot({ path: new URL(`pages-${name}-${width}.png`, artifacts).pathname, fullPage: true });

/** RFC 4180 CSV into rows of cells. */
export function parseCsv(text) {
  const rows = [];
  let row = [], cell = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\r') { /* CRLF: the \n ends the row */ }
    else if (c === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; }
    else cell += c;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

/** Clicks an export button and returns the downloaded file's text. */
export async function downloaded(page, button) {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return readFile(await download.path(), 'utf8');
}

/** A table's header and body cells as text, as a reader sees them (group rows and the routes' rows left out). */
export const tableText = (table) => table.evaluate((node) => ({
  head: [...node.querySelectorAll('thead th')].map((th) => th.innerText.trim()),
  body: [...node.querySelectorAll('tbody tr')].filter((tr) => !tr.hidden && tr.querySelector('td[data-col]'))
    .map((tr) => [...tr.querySelectorAll('td[data-col]')].map((td) => td.innerText.trim())),
}));

/** Counts as the API's counts lists them: {key → count}. */
export const countsOf = (groups) => Object.fromEntries(groups.map((g) => [g.key ?? '', g.count]));

export const edit = (a, b) => {
  const d = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = d[0];
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const kept = d[j];
      d[j] = Math.min(d[j] + 1, d[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = kept;
    }
  }
  return d[b.length];
};

/** Every entity's name and aliases, page by page through the read API. */
export async function allNames(base) {
  const names = [];
  let after = null;
  for (;;) {
    const page = (await ask('query($after: String) { entities(first: 200, after: $after) { pageInfo { hasNextPage endCursor } edges { node { name aliases } } } }', { after }, { base })).entities;
    for (const { node } of page.edges) names.push({ name: node.name, keys: [node.name, ...node.aliases] });
    if (!page.pageInfo.hasNextPage) return names;
    after = page.pageInfo.endCursor;
  }
}

/** The stage the supply chain gives an entity by kind and category (SupplyChainStages; a cloud as compute). */
export const STAGE_OF_CATEGORY = {
  RAW_MATERIALS: 'RAW_MATERIALS', EQUIPMENT: 'EQUIPMENT', FOUNDRY: 'MANUFACTURING', MEMORY: 'MANUFACTURING', CHIP_DESIGNER: 'CHIP_DESIGN',
  CLOUD_PROVIDER: 'COMPUTE', INVESTOR: 'CAPITAL', AI_LAB: 'LABS', DEPLOYMENT_PLATFORM: 'DEPLOYMENT',
};
export const stageOf = (e) => (e.kind === 'CHIP' ? 'CHIPS' : e.kind === 'MODEL' ? 'MODELS' : STAGE_OF_CATEGORY[e.category] ?? '');
export const humanize = (s) => String(s || '').toLowerCase().replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase()).replace(/\bai\b/gi, 'AI');

/** The first regulation (latest effective first) that exposes something today, and its exposure. */
export async function exposingRegulation(base) {
  const rules = (await ask('{ entities(where: { kind: [REGULATION] }, first: 200) { edges { node { id ... on Regulation { effective } } } } }', {}, { base }))
    .entities.edges.map((edge) => edge.node).sort((a, b) => b.effective.localeCompare(a.effective));
  for (const rule of rules) {
    const exposure = (await ask(`query($r: String!) { exposure(regulation: $r) { asOf regulation { id name citation issuerId }
      exposed { entity { id name kind country ... on Actor { category } } } } }`, { r: rule.id }, { base })).exposure;
    if (exposure.exposed.length > 0) return exposure;
  }
  throw new Error('no regulation exposes anything');
}


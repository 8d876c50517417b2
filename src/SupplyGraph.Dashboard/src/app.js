// SupplyGraph dashboard: client-side routes /, /entity/{id} and /paths over the public GraphQL API.
import './styles.css';
import { gql, apiOverride, endpoint } from './api.js';
import { QUERIES } from './queries.js';
import { cypherFor } from './cypher.js';
import { h, clear, append, nextId, today, humanize, grouped, dataTable, exportButtons } from './dom.js';
import { combobox } from './combobox.js';
import { renderSupplyChain } from './chain.js';
import { renderTimeline, renderCompare, changeRows } from './time.js';

export const STAGES = ['RAW_MATERIALS', 'EQUIPMENT', 'MANUFACTURING', 'CHIP_DESIGN', 'CHIPS', 'COMPUTE', 'CAPITAL', 'LABS', 'MODELS', 'DEPLOYMENT'];
const STATUSES = ['CONFIRMED', 'REPORTED', 'ALLEGED', 'DISPUTED'];

const view = () => document.getElementById('view');
const alerts = () => document.getElementById('alerts');
let generation = 0;
let graphHandle = null;

// ---------- URLs and navigation ----------
const search = () => new URLSearchParams(location.search);
const validDay = (v) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null);
const currentAsOf = () => validDay(search().get('asOf')) || today();

function href(path, extra = {}) {
  const p = new URLSearchParams();
  if (apiOverride) p.set('api', apiOverride);
  const asOf = validDay(search().get('asOf'));
  if (asOf) p.set('asOf', asOf);
  for (const [k, v] of Object.entries(extra)) { if (v === null || v === undefined) p.delete(k); else p.set(k, v); }
  const q = p.toString();
  return path + (q ? `?${q}` : '');
}
export const entityHref = (id) => href(`/entity/${encodeURIComponent(id)}`);
export const entityLink = (e, attrs = {}) => h('a', { href: entityHref(e.id), 'data-link': true, ...attrs }, e.name || e.id);

function navigate(url, { replace = false } = {}) {
  if (replace) history.replaceState(null, '', url); else history.pushState(null, '', url);
  route();
  document.getElementById('main').focus({ preventScroll: true });
  window.scrollTo(0, 0);
}

function setUrlParam(name, value) {
  const p = search();
  if (value === null || value === undefined || value === '') p.delete(name); else p.set(name, value);
  const q = p.toString();
  history.replaceState(null, '', location.pathname + (q ? `?${q}` : ''));
}

document.addEventListener('click', (ev) => {
  const a = ev.target.closest?.('a[data-link]');
  if (!a || ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin) return;
  ev.preventDefault();
  navigate(url.pathname + url.search + url.hash);
});
window.addEventListener('popstate', () => route());

function setReady(ready) {
  document.body.dataset.ready = ready ? 'true' : 'false';
  if (!ready) { afterReadyQueue = []; document.body.dataset.settled = 'false'; return; }
  try { performance.mark('supplygraph-ready'); } catch { /* not supported */ }
  runAfterReady();
}

// Sections well below the first screen (the relationship table, the rules' routes) are written after the ready mark,
// so the first layout of the page (forced by the chain's arrows) is the first screen's alone; `data-settled` says
// when they are written too.
let afterReadyQueue = [];
const afterReady = (write) => { afterReadyQueue.push(write); };
function runAfterReady() {
  const writes = afterReadyQueue;
  afterReadyQueue = [];
  if (!writes.length) { document.body.dataset.settled = 'true'; return; }
  const token = generation;
  const run = () => {
    if (token !== generation) return;
    for (const write of writes) write();
    document.body.dataset.settled = 'true';
  };
  if ('requestIdleCallback' in window) requestIdleCallback(run, { timeout: 500 }); else setTimeout(run, 50);
}

// ---------- Errors ----------
function clearAlerts() { clear(alerts()); }
function showErrors(section, errors) {
  const seen = new Set([...alerts().querySelectorAll('.alert-item')].map((e) => e.dataset.key));
  for (const e of errors) {
    const key = `${e.code}|${e.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const item = h('div', { class: 'alert-item', 'data-key': key },
      h('strong', {}, `${section}: `), e.message,
      e.code ? h('span', { class: 'code' }, ` (${e.code})`) : null);
    if (e.suggestions?.length) {
      append(item, [' Go to: ', e.suggestions.map((s, i) => [i ? ', ' : '', h('a', { href: entityHref(s), 'data-link': true }, s)])]);
    }
    alerts().append(item);
  }
}
window.addEventListener('sg-errors', (ev) => showErrors(ev.detail.section, ev.detail.errors));

// ---------- Sections ----------
function makeSection({ key, title, testid, intro }) {
  const headingId = nextId('h');
  const body = h('div', { class: 'section-body' }, h('p', { class: 'loading' }, 'Loading…'));
  const note = h('div', { class: 'section-note' });
  const copyStatus = h('span', { class: 'copy-status', role: 'status' });
  const queryPre = h('pre', { class: 'query', 'data-testid': 'query-text', tabindex: '0', 'aria-label': `GraphQL query of ${title}` });
  const cypherPre = h('pre', { class: 'query cypher', tabindex: '0', 'aria-label': `Cypher of ${title}` });
  let cypher = '';
  const cypherIntro = h('p', { class: 'small' }, 'The matching Cypher, with its parameters for Neo4j Browser:');
  const copy = h('button', {
    type: 'button', class: 'copy', 'data-testid': 'copy-cypher', 'aria-label': `Copy as Cypher: ${title}`,
    onclick: async () => {
      const ok = await copyText(cypher);
      copyStatus.textContent = ok ? 'Cypher copied.' : 'Copy failed: select the Cypher text below.';
      if (!ok) details.open = true;
      setTimeout(() => { copyStatus.textContent = ''; }, 4000);
    },
  }, 'Copy as Cypher');
  copy.dataset.cypher = '';
  const tools = h('div', { class: 'panel-tools' });
  const details = h('details', { class: 'query-details', 'data-testid': 'for-developers' },
    h('summary', {}, 'For developers', h('span', { class: 'sr-only' }, `: ${title}`)),
    h('div', { class: 'dev-tools' }, copy, copyStatus),
    h('p', { class: 'small' }, 'GraphQL, POSTed to ', h('code', {}, endpoint), ':'),
    queryPre,
    cypherIntro,
    cypherPre);
  const el = h('section', { id: key, class: 'panel', 'aria-labelledby': headingId, 'data-testid': testid || null },
    h('div', { class: 'panel-head' }, h('h2', { id: headingId }, title), tools),
    intro ? h('p', { class: 'intro' }, intro) : null,
    note, body, details);
  return {
    el, body, note, tools,
    setQuery(query, variables, cypherText) {
      queryPre.textContent = `${query}\n\n# variables\n${JSON.stringify(variables, null, 2)}`;
      // Sections without a Cypher counterpart (the overview, browsing) show their GraphQL only.
      cypher = cypherText || '';
      copy.dataset.cypher = cypher;
      cypherPre.textContent = cypher;
      copy.hidden = !cypher;
      cypherPre.hidden = !cypher;
      cypherIntro.hidden = !cypher;
    },
    loading() { el.setAttribute('aria-busy', 'true'); clear(body).append(h('p', { class: 'loading' }, 'Loading…')); clear(note); clear(tools); },
    done() { el.removeAttribute('aria-busy'); try { performance.mark(`supplygraph-section-${key}`); } catch { /* not supported */ } },
  };
}

async function copyText(text) {
  try {
    if (navigator.clipboard && window.isSecureContext) { await navigator.clipboard.writeText(text); return true; }
  } catch { /* fall back below */ }
  try {
    const ta = h('textarea', { 'aria-hidden': 'true', class: 'offscreen', tabindex: '-1' });
    ta.value = text;
    document.body.append(ta);
    ta.select();
    const ok = document.execCommand('copy');
    ta.remove();
    return ok;
  } catch { return false; }
}

function partialNote(section, answer) {
  clear(section.note);
  if (!answer?.partial) return;
  const cut = answer.explored?.cutBy || [];
  section.note.append(h('p', { class: 'note' },
    h('strong', {}, 'Partial answer: '),
    `the walk was cut short${cut.length ? ` by ${cut.map(humanize).join(', ').toLowerCase()}` : ''}; more exists than is shown `,
    `(${answer.explored.entities} entities, ${answer.explored.relationships} relationships explored, depth ${answer.explored.depth}).`));
}

// ---------- Status and relationships ----------
export const statusBadge = (status) => h('span', { class: `status status-${status}` }, humanize(status));

const sourcesPanel = h('div', { class: 'sources-panel', 'data-testid': 'sources-panel', id: 'sources-panel', tabindex: '-1', hidden: true, 'aria-live': 'polite' });
let panelButton = null;

function sourceList(sources) {
  if (!sources?.length) return h('p', { class: 'small' }, 'No sources recorded.');
  // A source reads by its title (the document's name in the dataset) when it has one, else by its document.
  return h('ul', { class: 'sources' }, sources.map((s) => h('li', {},
    // A titled document reads by its title; what the source cites (a file name, say) stays on hover.
    h('span', { class: 'doc', title: s.title ? s.document : null }, s.title || s.document),
    s.locator ? h('q', { class: 'locator' }, s.locator) : null,
    s.url ? h('a', { href: s.url, rel: 'noopener noreferrer', target: '_blank', class: 'src-url' }, s.url) : null)));
}

function validity(r) {
  if (!r.validFrom && !r.validTo) return 'no dates recorded';
  return `${r.validFrom || '…'} to ${r.validTo || 'open'}`;
}

function showSources(button, rel) {
  if (panelButton === button && !sourcesPanel.hidden) {
    sourcesPanel.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    panelButton = null;
    return;
  }
  panelButton?.setAttribute('aria-expanded', 'false');
  panelButton = button;
  button.setAttribute('aria-expanded', 'true');
  clear(sourcesPanel);
  sourcesPanel.append(
    h('p', { class: 'panel-title' }, h('strong', {}, `${rel.from.name} —${rel.type}→ ${rel.to.name}`), ' ', statusBadge(rel.status)),
    h('p', { class: 'small' }, `Valid: ${validity(rel)}. Relationship `, h('code', {}, rel.id)),
    rel.note ? h('p', { class: 'small' }, rel.note) : null,
    sourceList(rel.sources),
    h('button', { type: 'button', class: 'link-button', onclick: () => { sourcesPanel.hidden = true; button.setAttribute('aria-expanded', 'false'); button.focus(); panelButton = null; } }, 'Close sources'));
  const host = button.closest('.path-item') || button.parentElement;
  host.append(sourcesPanel);
  sourcesPanel.hidden = false;
}

/** A path as a chain: entity → step → entity …; each step a button that shows its relationship's sources. */
function renderPath(path, short = {}) {
  const parts = [];
  path.entities.forEach((e, i) => {
    parts.push(short[e.id]
      ? h('a', { href: entityHref(e.id), 'data-link': true, class: `chain-entity kind-${e.kind}`, title: e.name }, short[e.id])
      : entityLink(e, { class: `chain-entity kind-${e.kind}` }));
    const rel = path.relationships[i];
    if (!rel) return;
    const forward = rel.from.id === e.id;
    const button = h('button', {
      type: 'button', class: `step status-${rel.status}`, 'data-testid': 'path-step', 'data-relationship-id': rel.id,
      'aria-expanded': 'false', 'aria-controls': 'sources-panel',
      onclick: () => showSources(button, rel),
    },
    h('span', { 'aria-hidden': 'true' }, forward ? '' : '← '),
    h('span', { class: 'sr-only' }, `${rel.from.name} `),
    h('span', { class: 'step-type' }, humanize(rel.type).toLowerCase()),
    h('span', { class: 'sr-only' }, ` ${rel.to.name}`),
    h('span', { 'aria-hidden': 'true' }, forward ? ' →' : ''),
    h('span', { class: 'step-status' }, ` · ${rel.status.toLowerCase()}`),
    h('span', { class: 'sr-only' }, ': show sources'));
    parts.push(button);
  });
  return h('div', { class: 'chain', title: path.summary }, parts);
}

function renderPathList(paths, shown = 5, short = {}) {
  const item = (p) => h('li', { class: 'path-item' }, renderPath(p, short));
  const list = h('ol', { class: 'paths' }, paths.slice(0, shown).map(item));
  if (paths.length <= shown) return list;
  // The other routes are written when first shown: a rule can reach a hub by dozens of them.
  const rest = h('ol', { class: 'paths', start: shown + 1 });
  const more = h('details', { class: 'more' },
    h('summary', {}, `${paths.length - shown} more route${paths.length - shown === 1 ? '' : 's'}`), rest);
  more.addEventListener('toggle', () => { if (more.open && !rest.firstChild) append(rest, paths.slice(shown).map(item)); });
  return h('div', {}, list, more);
}

/** A regulation's label wherever it is named in short: its citation when short (88 FR 73458), else its name; never its id. */
export const regulationLabel = (r) => (r.citation && r.citation.length <= 24 ? r.citation : r.name || r.id);
const shortName = regulationLabel;

// ---------- As-of control ----------
function asOfControl(onChange) {
  const id = nextId('asof');
  // A text field in ISO form, so the day reads one way everywhere (a date input shows the browser's locale form).
  const hint = h('span', { id: `${id}-hint`, class: 'small' }, 'YYYY-MM-DD');
  const input = h('input', {
    id, type: 'text', value: currentAsOf(), 'data-testid': 'asof-input', required: true, inputmode: 'numeric',
    pattern: '\\d{4}-\\d{2}-\\d{2}', size: 10, maxlength: 10, autocomplete: 'off', 'aria-describedby': `${id}-hint`,
  });
  input.addEventListener('change', () => {
    const v = validDay(input.value.trim());
    if (!v || Number.isNaN(Date.parse(v))) { input.setAttribute('aria-invalid', 'true'); hint.textContent = 'Write the day as YYYY-MM-DD'; return; }
    input.removeAttribute('aria-invalid');
    hint.textContent = 'YYYY-MM-DD';
    setUrlParam('asOf', v);
    onChange(v);
  });
  input.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') input.dispatchEvent(new Event('change')); });
  return h('div', { class: 'asof' }, h('label', { for: id }, 'As of'), input, hint,
    h('button', { type: 'button', class: 'link-button', onclick: () => { input.value = today(); input.dispatchEvent(new Event('change')); } }, 'Today'));
}

// ---------- Views ----------
const KIND_NAMES = { ACTOR: 'Actors', CHIP: 'Chips', MODEL: 'Models', REGULATION: 'Regulations' };
const plural = (n, one, many = `${one}s`) => `${grouped(n)} ${n === 1 ? one : many}`;
/** Latest first by effective date, then by name: the order the API will give once it orders entities by date. */
const byEffectiveDesc = (a, b) => (b.effective || '').localeCompare(a.effective || '') || a.name.localeCompare(b.name);

function homeView(token) {
  document.title = 'SupplyGraph';
  clear(document.getElementById('header-search'));
  const section = makeSection({ key: 'search-query', title: 'The search query' });
  const setSearchQuery = (query, variables) => section.setQuery(query, variables, cypherFor.search({ text: variables.text, kinds: variables.kinds }));
  clear(section.body).append(h('p', {}, 'As you type, the box above sends this query; the Cypher is what the service runs on Neo4j.'));
  const box = combobox({
    label: 'Search entities by name or alias',
    onChoose: (e) => navigate(entityHref(e.id)),
    onNoMatch: (t) => showErrors('Search', [{ message: `No entity matches “${t}”.`, code: 'NO_MATCH' }]),
    onQuery: setSearchQuery,
    className: 'combo-big',
    placeholder: 'A lab, chip, model, company or rule',
  });
  const overview = makeSection({ key: 'overview', title: 'What is loaded', testid: 'overview' });
  const examples = h('nav', { 'aria-label': 'Examples from the data', class: 'featured', 'data-testid': 'examples' }, h('p', { class: 'loading' }, 'Loading examples…'));
  append(clear(view()), [
    h('h1', { class: 'home-title' }, 'The AI supply chain, from raw silicon to deployment'),
    h('p', { class: 'lede' }, 'Find a lab, chip, model, company or export rule: see its supply chain in stages, the export controls that touch it, and the sources behind every link.'),
    box.root,
    examples,
    overview.el,
    section.el,
  ]);
  overview.setQuery(QUERIES.overview, {}, '');
  gql(QUERIES.overview).then(({ data, errors }) => {
    if (token !== generation) return;
    overview.done();
    if (errors.length) showErrors('Overview', errors);
    renderOverview(overview, examples, data, setSearchQuery);
  }).finally(() => { section.done(); if (token === generation) setReady(true); });
}

function renderOverview(section, examples, data, setSearchQuery) {
  clear(section.body);
  clear(examples);
  if (!data) { section.body.append(h('p', {}, 'The overview could not be loaded.')); return; }
  const nodes = (c) => (c?.edges || []).map((edge) => edge.node);
  const labs = nodes(data.labs);
  const rules = nodes(data.rules).sort(byEffectiveDesc);
  // Examples taken from the data: the first lab, chip and model by name, the latest rule, and a route between two.
  const picks = [labs[0], nodes(data.chips)[0], nodes(data.models)[0], rules[0]].filter(Boolean);
  setSearchQuery(QUERIES.search, { text: picks[0]?.name || '', first: 8 });
  if (picks.length) {
    examples.append(h('p', {}, 'Try: '), h('ul', {},
      picks.map((e) => h('li', {}, h('a', { href: entityHref(e.id), 'data-link': true, 'data-testid': 'example-link', 'data-entity-id': e.id }, e.citation ? regulationLabel(e) : e.name))),
      labs[0] && rules[0] ? h('li', {}, h('a', { href: href('/paths', { from: labs[0].id, to: rules[0].id }), 'data-link': true, 'data-testid': 'example-paths' }, `Paths from ${labs[0].name} to ${regulationLabel(rules[0])}`)) : null));
  }
  const kinds = (data.kinds?.groups || []).map((g) => ({ kind: g.key, name: KIND_NAMES[g.key] || humanize(g.key), count: g.count }));
  section.body.append(h('div', { class: 'overview-grid' },
    h('div', {},
      dataTable({
        caption: `${plural(data.kinds?.total ?? 0, 'entity', 'entities')} by kind`, testid: 'kind-counts', json: () => data.kinds,
        columns: [
          { key: 'name', label: 'Kind', cell: (r) => h('a', { href: href('/', { kind: r.kind }), 'data-link': true }, r.name) },
          { key: 'count', label: 'Entities', numeric: true },
        ],
        rows: kinds,
      }),
      h('p', { class: 'small' }, 'Browse every entity of a kind: select it above.')),
    h('div', {},
      h('h3', {}, `AI labs (${data.labs?.totalCount ?? labs.length})`),
      labs.length ? h('ul', { class: 'lab-list', 'data-testid': 'lab-list' }, labs.map((e) => h('li', {}, entityLink(e), e.country ? h('span', { class: 'small' }, ` ${e.country}`) : null))) : h('p', {}, 'No AI lab is loaded.'),
      data.labs?.totalCount > labs.length ? h('p', {}, h('a', { href: href('/', { category: 'AI_LAB' }), 'data-link': true }, `All ${data.labs.totalCount} labs`)) : null),
    h('div', {},
      dataTable({
        caption: 'The latest rules by effective date', testid: 'latest-rules', json: () => rules.slice(0, 8),
        columns: [
          { key: 'effective', label: 'Effective', className: 'nowrap' },
          { key: 'label', label: 'Rule', cell: (r) => h('a', { href: entityHref(r.id), 'data-link': true, title: r.name }, r.label) },
        ],
        rows: rules.slice(0, 8).map((r) => ({ id: r.id, effective: r.effective, label: regulationLabel(r) })),
      }))));
}

// ---------- /?kind=… (or ?category=…): every entity of a kind, a page at a time ----------
const PAGE_SIZE = 50;
function browseView(token) {
  headerSearch();
  const kind = (search().get('kind') || '').toUpperCase();
  const category = (search().get('category') || '').toUpperCase();
  const after = search().get('after');
  const start = Math.max(0, Number(search().get('start')) || 0);
  const what = category ? humanize(category) : (KIND_NAMES[kind] || 'Entities');
  document.title = `${what} · SupplyGraph`;
  const where = category ? { category: [category] } : kind ? { kind: [kind] } : null;
  const vars = { where, first: PAGE_SIZE, after: after || null };
  const section = makeSection({ key: 'browse', title: what, testid: 'browse' });
  section.setQuery(QUERIES.browse, vars, '');
  append(clear(view()), [
    h('h1', {}, `Browse: ${what}`),
    h('nav', { 'aria-label': 'Kinds', class: 'kind-nav' }, h('ul', {}, Object.entries(KIND_NAMES).map(([k, name]) =>
      h('li', {}, h('a', { href: href('/', { kind: k }), 'data-link': true, 'aria-current': k === kind && !category ? 'page' : null }, name))))),
    section.el,
  ]);
  gql(QUERIES.browse, vars).then(({ data, errors }) => {
    if (token !== generation) return;
    section.done();
    if (errors.length) showErrors('Browse', errors);
    clear(section.body);
    const conn = data?.entities;
    if (!conn) { section.body.append(h('p', {}, 'No answer.')); return; }
    const rows = conn.edges.map(({ node: e }) => ({
      id: e.id, name: e.name, kind: humanize(e.kind), category: e.category ? humanize(e.category) : '', country: e.country || '',
      detail: e.citation ? `${e.citation}, effective ${e.effective}` : '',
    }));
    const shown = `${conn.totalCount ? start + 1 : 0}–${start + rows.length} of ${grouped(conn.totalCount)}`;
    section.body.append(
      dataTable({
        caption: `${what}: ${shown}`, testid: 'browse-table', json: () => conn,
        columns: [
          { key: 'name', label: 'Name', cell: (r) => entityLink(r) },
          { key: 'kind', label: 'Kind' }, { key: 'category', label: 'Category' }, { key: 'country', label: 'Country' }, { key: 'detail', label: 'Citation' },
        ].filter((c) => c.key !== 'detail' || rows.some((r) => r.detail)),
        rows,
      }),
      h('nav', { 'aria-label': 'Pages', class: 'pager' },
        start > 0 ? h('a', { href: href('/', { kind: kind || null, category: category || null }), 'data-link': true }, 'First page') : null,
        conn.pageInfo.hasNextPage ? h('a', { href: href('/', { kind: kind || null, category: category || null, after: conn.pageInfo.endCursor, start: start + rows.length }), 'data-link': true, 'data-testid': 'next-page' }, `Next ${PAGE_SIZE}`) : null));
  }).finally(() => { if (token === generation) setReady(true); });
}

function headerSearch() {
  const box = combobox({
    label: 'Search',
    onChoose: (e) => navigate(entityHref(e.id)),
    onNoMatch: (t) => showErrors('Search', [{ message: `No entity matches “${t}”.`, code: 'NO_MATCH' }]),
    className: 'combo-header',
    placeholder: 'Search entities…',
  });
  append(clear(document.getElementById('header-search')), [box.root]);
}

function notFoundView(token) {
  document.title = 'Not found · SupplyGraph';
  clear(document.getElementById('header-search'));
  headerSearch();
  append(clear(view()), [h('h1', {}, 'Page not found'),
    h('p', {}, 'Nothing lives at ', h('code', {}, location.pathname), '. ', h('a', { href: href('/'), 'data-link': true }, 'Search the graph'), '.')]);
  if (token === generation) setReady(true);
}

/**
 * One page for an entity the API does not know: what was asked, "did you mean" (the API's suggestions, then what the
 * search finds for the text), and a search box. No empty sections.
 */
async function entityNotFound(tk, reference, suggestions) {
  document.title = 'Not found · SupplyGraph';
  clearAlerts();
  const list = h('ul', { class: 'suggestions', 'data-testid': 'suggestions' });
  const box = combobox({ label: 'Search again', testid: 'notfound-search', onChoose: (e) => navigate(entityHref(e.id)), value: reference });
  append(clear(view()), [
    h('h1', { 'data-testid': 'entity-title' }, 'Not found'),
    h('p', { class: 'lede', 'data-testid': 'not-found' }, 'No entity is called ', h('q', {}, reference), '.'),
    h('section', { class: 'panel', 'aria-labelledby': 'did-you-mean' }, h('h2', { id: 'did-you-mean' }, 'Did you mean'), list, box.root),
  ]);
  const names = [...suggestions];
  if (names.length < 5) {
    const { data } = await gql(QUERIES.search, { text: reference, first: 5 });
    if (tk !== generation) return;
    for (const e of data?.search || []) if (!names.includes(e.name)) names.push(e.name);
  }
  if (!names.length) list.replaceWith(h('p', { 'data-testid': 'suggestions' }, 'Nothing close. Try the search below, or ', h('a', { href: href('/'), 'data-link': true }, 'browse from the home page'), '.'));
  else append(list, names.slice(0, 5).map((n) => h('li', {}, h('a', { href: entityHref(n), 'data-link': true, 'data-testid': 'suggestion' }, n))));
}

/** A link to an entity known by id only, named once the API says its name (collected in `pending`). */
function namedLink(id, pending) {
  const a = entityLink({ id, name: id });
  pending.push(gql(QUERIES.entityName, { ref: id }).then(({ data }) => { if (data?.entity?.name) a.textContent = data.entity.name; }));
  return a;
}

function factsList(e, pending) {
  const rows = [];
  const add = (k, v) => { if (v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && !v.length)) rows.push([k, v]); };
  add('Kind', humanize(e.kind));
  add('Category', e.category && humanize(e.category));
  add('Country', e.country);
  add('Website', e.website && h('a', { href: /^https?:/.test(e.website) ? e.website : `https://${e.website}`, rel: 'noopener noreferrer', target: '_blank' }, e.website));
  add('Aliases', e.aliases?.join(', '));
  add('Tags', e.tags?.join(', '));
  add('Designer', e.designerId && namedLink(e.designerId, pending));
  add('Foundries', e.foundryIds?.length && e.foundryIds.map((f, i) => [i ? ', ' : '', namedLink(f, pending)]));
  add('Process', e.process);
  add('Developer', e.developerId && namedLink(e.developerId, pending));
  add('Released', e.releaseDate);
  add('Parameters', e.parameters && grouped(e.parameters));
  add('Active parameters', e.activeParameters && grouped(e.activeParameters));
  add('Issuer', e.issuerId && h('span', { 'data-testid': 'issuer' }, namedLink(e.issuerId, pending)));
  add('Jurisdiction', e.jurisdiction);
  add('Citation', e.citation);
  add('Announced', e.announced);
  add('Effective', e.effective);
  add('Rescinded', e.rescinded);
  add('Id', h('code', {}, e.id));
  return h('dl', { class: 'facts' }, rows.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
}

const sourcesText = (sources) => (sources || []).map((x) => [x.title || x.document, x.locator].filter(Boolean).join(': ')).join('; ');

function relationshipTable(focusId, rels, caption) {
  const sorted = [...rels].sort((a, b) => a.type.localeCompare(b.type) || (a.from.name + a.to.name).localeCompare(b.from.name + b.to.name));
  return h('div', { class: 'table-block' },
    h('div', { class: 'table-tools' }, exportButtons(caption, {
      csv: () => ({
        columns: [{ key: 'from', label: 'From' }, { key: 'type', label: 'Relationship' }, { key: 'to', label: 'To' }, { key: 'status', label: 'Status' },
          { key: 'validFrom', label: 'Valid from' }, { key: 'validTo', label: 'Valid to' }, { key: 'sources', label: 'Sources' }],
        rows: sorted.map((r) => ({ from: r.from.name, type: r.type, to: r.to.name, status: r.status, validFrom: r.validFrom, validTo: r.validTo, sources: sourcesText(r.sources) })),
      }),
      json: () => sorted,
    })),
    h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption },
      h('table', { class: 'rels' },
        h('caption', {}, caption),
        h('thead', {}, h('tr', {}, ['Relationship', 'Status', 'Valid', 'Sources'].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, sorted.map((r) => h('tr', {},
          h('td', {}, r.from.id === focusId ? h('strong', {}, r.from.name) : entityLink(r.from), ` ${humanize(r.type).toLowerCase()} `,
            r.to.id === focusId ? h('strong', {}, r.to.name) : entityLink(r.to), r.note ? h('div', { class: 'small' }, r.note) : null),
          h('td', {}, statusBadge(r.status)),
          h('td', { class: 'nowrap' }, validity(r)),
          h('td', {}, sourceList(r.sources))))))));
}

function entityView(token, id) {
  const compare = search().get('compare');
  if (compare !== null) { compareView(token, id, compare); return; }
  headerSearch();
  document.title = `${id} · SupplyGraph`;
  const title = h('h1', { 'data-testid': 'entity-title' }, id);
  const subtitle = h('p', { class: 'subtitle' });
  const sections = {
    profile: makeSection({ key: 'profile', title: 'Profile' }),
    exposure: makeSection({ key: 'exposure', title: 'Exposure to this regulation', testid: 'exposure-section' }),
    chain: makeSection({ key: 'supply-chain', title: 'Critical path — raw silicon to deployment', intro: 'Everything upstream and downstream, in stages from raw materials to deployment. Lines show the relationships; their style shows how well each claim is established.' }),
    controls: makeSection({ key: 'export-controls', title: 'Export controls touching it', testid: 'controls-section' }),
    timeline: makeSection({ key: 'timeline', title: 'Timeline and what changed', testid: 'timeline-section' }),
    paths: makeSection({ key: 'paths', title: 'Paths to another entity' }),
    relationships: makeSection({ key: 'relationships', title: 'Relationships and their sources' }),
    graph: makeSection({ key: 'graph', title: 'Graph of the neighbourhood' }),
  };
  // Which sections apply depends on the kind: a regulation leads with its exposure and has no chain of its own.
  const regulationOnly = ['exposure'];
  const notForRegulations = ['supply-chain', 'export-controls', 'timeline', 'graph'];
  const showFor = (kind) => {
    const isReg = kind === 'REGULATION';
    for (const s of Object.values(sections)) {
      const key = s.el.id;
      const hide = (isReg && notForRegulations.includes(key)) || (!isReg && regulationOnly.includes(key));
      s.el.hidden = hide;
      toc.querySelector(`[data-toc="${key}"]`).hidden = hide;
    }
    if (isReg) {
      sections.profile.el.before(sections.exposure.el);
      toc.querySelector('[data-toc="profile"]').before(toc.querySelector('[data-toc="exposure"]'));
    }
  };
  const toc = h('nav', { 'aria-label': 'On this page', class: 'toc', 'data-testid': 'toc' }, h('ul', {},
    [['profile', 'Profile'], ['exposure', 'Exposure'], ['supply-chain', 'Critical path'], ['export-controls', 'Export controls'], ['timeline', 'Timeline'], ['paths', 'Paths'], ['relationships', 'Relationships'], ['graph', 'Graph']]
      .map(([k, t]) => h('li', { 'data-toc': k }, h('a', { href: `#${k}` }, t)))));
  sections.exposure.el.hidden = true;
  toc.querySelector('[data-toc="exposure"]').hidden = true;
  const reload = () => load();
  append(clear(view()), [
    h('div', { class: 'entity-head' }, h('div', {}, title, subtitle), asOfControl(reload)),
    toc,
    Object.values(sections).map((s) => s.el),
  ]);

  // Paths: a second search box; the chosen entity is kept in ?to=.
  let pathsTo = search().get('to');
  const pathsBody = h('div', {});
  const pathsBox = combobox({
    label: 'Find paths to', testid: 'paths-to-input', placeholder: 'Another entity',
    onChoose: (e) => { pathsTo = e.id; setUrlParam('to', e.id); runPaths(generation); },
    onNoMatch: (t) => showErrors('Paths', [{ message: `No entity matches “${t}”.`, code: 'NO_MATCH' }]),
  });
  const runPaths = (tk) => loadPaths(tk, sections.paths, pathsBody, id, pathsTo, currentAsOf());

  async function load() {
    const tk = ++generation;
    setReady(false);
    clearAlerts();
    sourcesPanel.hidden = true;
    const asOf = currentAsOf();
    const vars = { entity: id, asOf };
    Object.values(sections).forEach((s) => s.loading());
    clear(sections.paths.body).append(pathsBox.root, pathsBody);
    const pending = [];
    const profileP = loadProfile(tk, sections.profile, sections.relationships, vars, { title, subtitle, pending });
    const chainP = loadChain(tk, sections.chain, vars);
    const controlsP = loadControls(tk, sections.controls, vars);
    const pathsP = runPaths(tk);
    const exposureP = profileP.then((entity) => {
      if (tk !== generation) return null;
      if (!entity) {
        // Not found: one page saying so (the other sections' answers are dropped with the generation).
        const missing = lastProfileErrors.find((e) => e.code === 'NOT_FOUND');
        if (missing) { ++generation; return entityNotFound(generation, id, missing.suggestions || []).finally(() => setReady(true)); }
        return null;
      }
      showFor(entity.kind);
      return entity.kind === 'REGULATION' ? loadExposure(tk, sections.exposure, { regulation: entity.id, asOf }) : null;
    });
    chainP.then((chain) => { if (tk === generation && chain) sections.chain.tools.append(exportButtons(`Critical path of ${chain.focus?.name || id} on ${chain.asOf}`, chainExport(chain))); });
    controlsP.then((answer) => { if (tk === generation && answer) sections.controls.tools.append(exportButtons(`Export controls touching ${answer.entity.name} on ${answer.asOf}`, controlsExport(answer))); });
    const timelineP = Promise.all([profileP, controlsP]).then(([entity, controls]) => {
      if (tk !== generation || !entity || entity.kind === 'REGULATION') return;
      loadTimeline(sections.timeline, id, lastProfile, controls, asOf);
    });
    const graphP = Promise.all([profileP.then(() => lastProfile), chainP]).then(([profile, chain]) => { if (tk === generation) loadGraph(tk, sections.graph, id, profile, chain, asOf); });
    await Promise.allSettled([profileP, chainP, controlsP, pathsP, exposureP, timelineP, graphP, profileP.then(() => Promise.allSettled(pending))]);
    if (tk === generation) setReady(true);
  }
  load();
}

/** The timeline of the page's dated facts (time.js), and the way into compare mode. */
function loadTimeline(section, id, profile, controls, asOf) {
  section.setQuery(QUERIES.changes, { entity: id, from: 'YYYY-MM-DD', to: asOf }, '');
  const holder = h('div', {});
  const events = renderTimeline(holder, {
    profile: profile ? { entity: profile.entity, profile: { asOf: profile.asOf, relationships: profile.relationships } } : null,
    controls: controls ? { exportControls: controls } : null,
    asOf,
  });
  const from = events.find((event) => event.date < asOf)?.date || asOf;
  clear(section.body).append(
    h('p', {}, h('a', { href: href(`/entity/${encodeURIComponent(id)}`, { compare: `${from}..${asOf}` }), 'data-link': true, 'data-testid': 'compare-link' },
      `Compare two dates: what entered and left the chain and the rules between ${from} and ${asOf}`)),
    holder);
  section.done();
}

/**
 * Compare mode, /entity/{id}?compare=A..B: what entered and left the supply chain and the rules between two days,
 * exactly as the changes field answers (time.js draws it); the days are kept in the URL.
 */
async function compareView(token, id, compare) {
  headerSearch();
  const [from = '', to = ''] = compare.split('..');
  document.title = `Compare · ${id} · SupplyGraph`;
  const title = h('h1', { 'data-testid': 'entity-title' }, id);
  const section = makeSection({ key: 'compare', title: 'Compare two dates', testid: 'compare-section' });
  const back = h('a', { href: href(`/entity/${encodeURIComponent(id)}`, { compare: null }), 'data-link': true }, 'Back to the page');
  append(clear(view()), [h('div', { class: 'entity-head' }, h('div', {}, title, h('p', { class: 'subtitle' }, 'As of A vs as of B · ', back))), section.el]);
  const container = h('div', {});
  clear(section.body).append(container);
  const draw = async (a, b) => {
    section.setQuery(QUERIES.changes, { entity: id, from: a, to: b }, '');
    clear(section.tools);
    // Two other days: the page is routed again for them, so the URL, the title and the export follow the answer shown.
    const answer = await renderCompare(container, {
      entity: id, from: a, to: b, ask: gql, link: (e) => entityLink(e),
      onChange: ({ from: x, to: y }) => navigate(href(`/entity/${encodeURIComponent(id)}`, { compare: `${x}..${y}` }), { replace: true }),
    });
    const changes = answer?.data?.changes;
    if (token !== generation) return;
    if (changes) {
      title.textContent = changes.entity.name;
      document.title = `Compare · ${changes.entity.name} · SupplyGraph`;
      section.tools.append(exportButtons(`Changes of ${changes.entity.name} between ${changes.from} and ${changes.to}`, {
        csv: () => ({
          columns: [{ key: 'change', label: 'Change' }, { key: 'what', label: 'What' }, { key: 'id', label: 'Id' }, { key: 'name', label: 'Name' }, { key: 'stage', label: 'Stage' }],
          rows: changeRows(changes).map((row) => ({
            change: row.change, what: row.what, id: row.id, stage: row.stage || '',
            name: row.entity?.name || row.regulation?.name || (row.relationship ? `${row.relationship.from.name} ${row.relationship.type} ${row.relationship.to.name}` : ''),
          })),
        }),
        json: () => changes,
      }));
    }
    section.done();
  };
  await draw(from, to);
  if (token === generation) setReady(true);
}

/** The critical path as rows: one per stage member. */
const chainExport = (chain) => ({
  csv: () => ({
    columns: [{ key: 'stage', label: 'Stage' }, { key: 'id', label: 'Id' }, { key: 'name', label: 'Name' }, { key: 'kind', label: 'Kind' }, { key: 'country', label: 'Country' }],
    rows: chain.stages.flatMap((st) => st.entities.map((e) => ({ stage: st.stage, id: e.id, name: e.name, kind: e.kind, country: e.country }))),
  }),
  json: () => chain,
});
/** The export controls as rows: one per route of each rule. */
const controlsExport = (answer) => ({
  csv: () => ({
    columns: [{ key: 'regulation', label: 'Regulation' }, { key: 'citation', label: 'Citation' }, { key: 'effective', label: 'Effective' }, { key: 'route', label: 'Route' }],
    rows: answer.hits.flatMap((hit) => hit.paths.map((p) => ({ regulation: hit.regulation.name, citation: hit.regulation.citation, effective: hit.regulation.effective, route: p.summary }))),
  }),
  json: () => answer,
});

let lastProfile = null;
let lastProfileErrors = [];
let graphObserver = null;
async function loadProfile(tk, section, relSection, vars, { title, subtitle, pending }) {
  section.setQuery(QUERIES.profile, vars, cypherFor.profile({ id: vars.entity, asOf: vars.asOf }));
  relSection.setQuery(QUERIES.profile, vars, cypherFor.profile({ id: vars.entity, asOf: vars.asOf }));
  const { data, errors } = await gql(QUERIES.profile, vars);
  if (tk !== generation) return null;
  section.done();
  relSection.done();
  lastProfileErrors = errors;
  const e = data?.entity;
  const profile = data?.profile;
  lastProfile = profile ? { entity: e, ...profile } : null;
  if (!e) {
    if (!errors.some((x) => x.code === 'NOT_FOUND')) showErrors('Profile', errors);
    clear(section.body).append(h('p', {}, 'No answer.'));
    clear(relSection.body);
    return null;
  }
  if (errors.length) showErrors('Profile', errors);
  title.textContent = e.name;
  document.title = `${e.name} · SupplyGraph`;
  append(clear(subtitle), [h('span', { class: `kind kind-${e.kind}` }, humanize(e.kind)), e.category ? ` ${humanize(e.category)}` : '', e.country ? ` · ${e.country}` : '',
    e.citation ? [' · ', e.citation, e.effective ? `, effective ${e.effective}` : ''] : '',
    e.issuerId ? [' · issued by ', h('span', { 'data-testid': 'subtitle-issuer' }, namedLink(e.issuerId, pending))] : '']);
  const rels = profile?.relationships || [];
  // The profile text is what the sources recorded, not dated to the as-of day; dated facts carry their own dates.
  const text = [e.description, e.summary].filter(Boolean);
  const clamp = h('div', { class: 'clamp', id: nextId('profile-text'), 'data-testid': 'profile-text' }, text.map((t) => h('p', { class: 'description' }, t)));
  const more = h('button', {
    type: 'button', class: 'link-button', 'aria-expanded': 'false', 'aria-controls': clamp.id,
    onclick: () => { const open = more.getAttribute('aria-expanded') !== 'true'; more.setAttribute('aria-expanded', String(open)); clamp.classList.toggle('open', open); more.textContent = open ? 'Show less' : 'Show the full profile'; },
  }, 'Show the full profile');
  clear(section.body).append(
    text.length ? h('div', { class: 'profile-text' },
      h('p', { class: 'recorded small', 'data-testid': 'recorded-note' }, 'As recorded in the sources (not dated to the as-of day):'),
      clamp, more) : null,
    h('details', { class: 'facts-details' },
      h('summary', {}, 'Facts and sources'),
      h('div', { class: 'profile-grid' },
        factsList(e, pending),
        h('div', {}, h('p', { class: 'small strong' }, 'Sources of this entity'), sourceList(e.sources)))),
    h('p', { class: 'small' }, h('a', { href: '#relationships' }, `${plural(rels.length, 'relationship')} valid on ${vars.asOf}`), ', each with its dates and sources, are listed below.'));
  if (!rels.length) clear(relSection.body).append(h('p', {}, `No relationships on ${vars.asOf}.`));
  else {
    clear(relSection.body).append(h('p', { class: 'small' }, `Listing ${plural(rels.length, 'relationship')}…`));
    afterReady(() => clear(relSection.body).append(relationshipTable(e.id, rels, `${plural(rels.length, 'relationship')} valid on ${profile.asOf}, with their sources`)));
  }
  return e;
}

let lastChain = null;
async function loadChain(tk, section, vars) {
  section.setQuery(QUERIES.supplyChainView, vars, cypherFor.supplyChain({ id: vars.entity, asOf: vars.asOf }));
  const { data, errors } = await gql(QUERIES.supplyChainView, vars);
  if (tk !== generation) return null;
  section.done();
  if (errors.length) showErrors('Supply chain', errors);
  const chain = data?.supplyChain;
  lastChain = chain;
  clear(section.body);
  if (!chain) { section.body.append(h('p', {}, 'No supply chain to show.')); return null; }
  partialNote(section, chain);
  renderSupplyChain(section.body, chain, { STAGES, STATUSES, entityHref, statusBadge });
  return chain;
}

async function loadControls(tk, section, vars) {
  section.setQuery(QUERIES.exportControls, vars, cypherFor.exportControls({ id: vars.entity, asOf: vars.asOf }));
  const { data, errors } = await gql(QUERIES.exportControls, vars);
  if (tk !== generation) return null;
  section.done();
  if (errors.length) showErrors('Export controls', errors);
  const answer = data?.exportControls;
  clear(section.body);
  if (!answer) { section.body.append(h('p', {}, 'No answer.')); return null; }
  partialNote(section, answer);
  // The critical path (chain.js) marks what these rules restrict and highlights a selected rule's paths.
  window.dispatchEvent(new CustomEvent('sg-export-controls', { detail: answer }));
  if (!answer.hits.length) {
    section.body.append(h('p', {}, `No regulation in force on ${answer.asOf} restricts ${answer.entity.name} or anything it depends on.`));
    return answer;
  }
  section.body.append(h('p', {}, `${answer.hits.length} regulation${answer.hits.length === 1 ? '' : 's'} in force on ${answer.asOf} touch ${answer.entity.name}. Select a step to see its sources.`));
  for (const hit of answer.hits) {
    const r = hit.regulation;
    const routes = h('div', {});
    section.body.append(h('article', { class: 'hit', 'data-testid': 'control-hit', 'data-regulation-id': r.id, 'aria-label': r.name },
      h('h3', {}, entityLink(r)),
      h('p', { class: 'hit-meta' }, h('span', {}, h('strong', {}, 'Citation: '), r.citation), ' ',
        h('span', {}, h('strong', {}, 'Effective: '), r.effective), r.rescinded ? h('span', {}, h('strong', {}, ' Rescinded: '), r.rescinded) : null),
      r.summary ? h('p', { class: 'small' }, r.summary) : null,
      h('button', {
        type: 'button', class: 'sc-rule sc-rule-inline', 'data-rule-toggle': r.id, 'data-testid': 'rule-select', 'aria-pressed': 'false',
        onclick: () => {
          window.dispatchEvent(new CustomEvent('sg-select-rule', { detail: r.id }));
          document.getElementById('supply-chain')?.scrollIntoView({ block: 'start' });
        },
      }, 'Show its paths on the chain'),
      h('p', { class: 'small' }, `${hit.paths.length} route${hit.paths.length === 1 ? '' : 's'}, shortest first:`),
      routes));
    afterReady(() => routes.append(renderPathList(hit.paths, 5, { [r.id]: shortName(r) })));
  }
  return answer;
}

/**
 * The stage an exposed entity sits in, as the supply chain assigns it (SupplyChainStages in the domain): chips, models,
 * and actors by category; a cloud counts as compute here (deployment only when reached as a model's platform).
 */
const CATEGORY_STAGE = {
  RAW_MATERIALS: 'RAW_MATERIALS', EQUIPMENT: 'EQUIPMENT', FOUNDRY: 'MANUFACTURING', MEMORY: 'MANUFACTURING', CHIP_DESIGNER: 'CHIP_DESIGN',
  CLOUD_PROVIDER: 'COMPUTE', INVESTOR: 'CAPITAL', AI_LAB: 'LABS', DEPLOYMENT_PLATFORM: 'DEPLOYMENT',
};
export const stageOf = (e) => (e.kind === 'CHIP' ? 'CHIPS' : e.kind === 'MODEL' ? 'MODELS' : (e.kind === 'ACTOR' && CATEGORY_STAGE[e.category]) || null);

/** Groups counted, largest first then by key (as the API's counts): [{key, label, count}]. */
function countBy(items, keyOf, labelOf = (k) => k) {
  const counts = new Map();
  for (const item of items) { const k = keyOf(item) ?? ''; counts.set(k, (counts.get(k) || 0) + 1); }
  return [...counts].map(([key, count]) => ({ key, label: key ? labelOf(key) : 'None', count }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

const EXPOSURE_SORTS = {
  stage: { label: 'Stage, then name', compare: (a, b) => a.stageIndex - b.stageIndex || a.name.localeCompare(b.name) },
  name: { label: 'Name', compare: (a, b) => a.name.localeCompare(b.name) },
  kind: { label: 'Kind, then name', compare: (a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name) },
  country: { label: 'Country, then name', compare: (a, b) => (a.country || '~').localeCompare(b.country || '~') || a.name.localeCompare(b.name) },
  routes: { label: 'Shortest route first', compare: (a, b) => a.shortest - b.shortest || a.name.localeCompare(b.name) },
};

async function loadExposure(tk, section, vars) {
  section.setQuery(QUERIES.exposure, vars, cypherFor.exposure({ id: vars.regulation, asOf: vars.asOf }));
  const { data, errors } = await gql(QUERIES.exposure, vars);
  if (tk !== generation) return null;
  section.done();
  if (errors.length) showErrors('Exposure', errors);
  const answer = data?.exposure;
  clear(section.body);
  if (!answer) { section.body.append(h('p', {}, 'No answer.')); return null; }
  partialNote(section, answer);
  const reg = answer.regulation;
  const label = { [reg.id]: regulationLabel(reg) };
  if (!answer.inForce) section.body.append(h('p', { class: 'note' }, `${reg.name} is not in force on ${answer.asOf} (effective ${reg.effective}${reg.rescinded ? `, rescinded ${reg.rescinded}` : ''}).`));
  const rows = answer.exposed.map((x) => {
    const stage = stageOf(x.entity);
    return {
      id: x.entity.id, name: x.entity.name, kind: humanize(x.entity.kind), country: x.entity.country || '',
      stage: stage ? humanize(stage) : 'Outside the chain', stageIndex: stage ? STAGES.indexOf(stage) : STAGES.length,
      routes: x.paths.length, shortest: Math.min(...x.paths.map((p) => p.length)), paths: x.paths,
    };
  });
  section.tools.append(exportButtons(`Exposure to ${regulationLabel(reg)} on ${answer.asOf}`, {
    csv: () => ({ columns: EXPOSED_COLUMNS, rows: sortRows() }),
    json: () => answer,
  }));
  section.body.append(h('p', { class: 'lede-small', 'data-testid': 'exposure-total' },
    `${plural(rows.length, 'entity', 'entities')} exposed to ${regulationLabel(reg)} on ${answer.asOf}.`));
  let sortKey = 'stage';
  const sortRows = () => [...rows].sort(EXPOSURE_SORTS[sortKey].compare);
  if (!rows.length) return answer;
  const countTable = (caption, testid, groups) => dataTable({
    caption, testid, className: 'counts', columns: [{ key: 'label', label: humanize(caption.split(' by ')[1]) }, { key: 'count', label: 'Entities', numeric: true }], rows: groups,
  });
  section.body.append(h('div', { class: 'exposure-counts' },
    countTable('Exposed by stage', 'exposure-by-stage', countBy(rows, (r) => (r.stageIndex < STAGES.length ? STAGES[r.stageIndex] : null), humanize)
      .sort((a, b) => STAGES.indexOf(a.key) - STAGES.indexOf(b.key))),
    countTable('Exposed by kind', 'exposure-by-kind', countBy(answer.exposed, (x) => x.entity.kind, humanize)),
    countTable('Exposed by country', 'exposure-by-country', countBy(answer.exposed, (x) => x.entity.country))));

  // The exposed entities: grouped by stage (or sorted otherwise), each with its routes on demand.
  const selectId = nextId('sort');
  const select = h('select', { id: selectId, 'data-testid': 'exposure-sort' },
    Object.entries(EXPOSURE_SORTS).map(([k, v]) => h('option', { value: k }, v.label)));
  const tableHost = h('div', {});
  const draw = () => {
    const sorted = sortRows();
    const caption = `${plural(rows.length, 'exposed entity', 'exposed entities')}${sortKey === 'stage' ? ', grouped by stage' : ''}`;
    const groups = sortKey === 'stage' ? [...new Set(sorted.map((r) => r.stage))].map((st) => [st, sorted.filter((r) => r.stage === st)]) : [[null, sorted]];
    clear(tableHost).append(h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption },
      h('table', { class: 'rels data exposed-table', 'data-testid': 'exposed-table' },
        h('caption', {}, caption),
        h('thead', {}, h('tr', {}, EXPOSED_COLUMNS.map((c) => h('th', { scope: 'col', class: c.numeric ? 'num' : null }, c.label)), h('th', { scope: 'col' }, 'Routes shown'))),
        groups.map(([st, list]) => h('tbody', {},
          st ? h('tr', { class: 'group-row' }, h('th', { scope: 'rowgroup', colspan: EXPOSED_COLUMNS.length + 1 }, `${st} (${list.length})`)) : null,
          list.map((r) => exposedRow(r, label)))))));
  };
  select.addEventListener('change', () => { sortKey = select.value; draw(); });
  section.body.append(h('div', { class: 'sort-bar' }, h('label', { for: selectId }, 'Order'), select), tableHost);
  draw();
  return answer;
}

const EXPOSED_COLUMNS = [
  { key: 'name', label: 'Entity' }, { key: 'kind', label: 'Kind' }, { key: 'stage', label: 'Stage' }, { key: 'country', label: 'Country' },
  { key: 'routes', label: 'Routes', numeric: true }, { key: 'shortest', label: 'Shortest', numeric: true },
];

/** One exposed entity: its facts, and a button that shows its routes in the row below. */
function exposedRow(r, label) {
  const pathsCell = h('td', { colspan: EXPOSED_COLUMNS.length + 1 });
  const pathsRow = h('tr', { class: 'paths-row', hidden: true }, pathsCell);
  const verb = h('span', {}, 'Show');
  const button = h('button', {
    type: 'button', class: 'link-button', 'aria-expanded': 'false', 'data-testid': 'show-routes',
    onclick: () => {
      const open = pathsRow.hidden;
      if (open && !pathsCell.firstChild) pathsCell.append(renderPathList(r.paths, 5, label));
      pathsRow.hidden = !open;
      button.setAttribute('aria-expanded', String(open));
      verb.textContent = open ? 'Hide' : 'Show';
    },
  }, verb, h('span', { class: 'sr-only' }, ` the routes from ${r.name}`));
  return [h('tr', { class: 'exposed-item', 'data-entity-id': r.id },
    EXPOSED_COLUMNS.map((c) => h('td', { class: c.numeric ? 'num' : null, 'data-col': c.key }, c.key === 'name' ? entityLink(r) : String(r[c.key] ?? ''))),
    h('td', {}, button)), pathsRow];
}

async function loadPaths(tk, section, body, from, to, asOf) {
  clear(body);
  if (!to) {
    section.setQuery(QUERIES.paths, { from, to: '…', asOf }, cypherFor.paths({ from, asOf }));
    body.append(h('p', { class: 'small' }, 'Choose an entity to see the shortest paths between them.'));
    section.done();
    return null;
  }
  const vars = { from, to, asOf };
  section.setQuery(QUERIES.paths, vars, cypherFor.paths({ from, to, asOf }));
  body.append(h('p', { class: 'loading' }, 'Loading…'));
  const { data, errors } = await gql(QUERIES.paths, vars);
  if (tk !== generation) return null;
  section.done();
  if (errors.length) showErrors('Paths', errors);
  const answer = data?.paths;
  clear(body);
  if (!answer) { body.append(h('p', {}, 'No answer.')); return null; }
  partialNote(section, answer);
  if (!answer.paths.length) body.append(h('p', {}, `No path between ${answer.from.name} and ${answer.to.name} on ${answer.asOf}.`));
  else {
    body.append(h('p', {}, `${answer.paths.length} shortest path${answer.paths.length === 1 ? '' : 's'} between `, entityLink(answer.from), ' and ', entityLink(answer.to), ` (length ${answer.paths[0].length}) on ${answer.asOf}:`));
    body.append(h('div', { class: 'table-tools' }, exportButtons(`Paths from ${answer.from.name} to ${answer.to.name} on ${answer.asOf}`, {
      csv: () => ({
        columns: [{ key: 'path', label: 'Path' }, { key: 'step', label: 'Step' }, { key: 'from', label: 'From' }, { key: 'type', label: 'Relationship' },
          { key: 'to', label: 'To' }, { key: 'status', label: 'Status' }, { key: 'validFrom', label: 'Valid from' }, { key: 'validTo', label: 'Valid to' }],
        rows: answer.paths.flatMap((p, i) => p.relationships.map((r, j) => ({ path: i + 1, step: j + 1, from: r.from.name, type: r.type, to: r.to.name, status: r.status, validFrom: r.validFrom, validTo: r.validTo }))),
      }),
      json: () => answer,
    })));
    body.append(renderPathList(answer.paths, 10));
  }
  return answer;
}

/**
 * The neighbourhood graph: its nodes and edges gathered now (cheap), cytoscape (its own chunk) loaded and drawn only when
 * the section comes near the window or the reader asks for it, so a big neighbourhood never holds up the sections
 * read first. Resolves once the section is usable (the graph drawn, or ready to be drawn).
 */
function loadGraph(tk, section, focusId, profile, chain, asOf) {
  section.setQuery(QUERIES.supplyChain, { entity: focusId, asOf }, cypherFor.supplyChain({ id: focusId, asOf }));
  graphHandle?.destroy?.();
  graphHandle = null;
  graphObserver?.disconnect();
  graphObserver = null;
  const nodes = new Map();
  const edges = new Map();
  // Each entity in its first stage of the chain (the graph's columns); entities off the chain have none.
  const stageOf = new Map();
  for (const s of [...(chain?.stages || [])].sort((a, b) => STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage))) {
    for (const e of s.entities) if (!stageOf.has(e.id)) stageOf.set(e.id, s.stage);
  }
  const addNode = (e) => { if (e && !nodes.has(e.id)) nodes.set(e.id, { id: e.id, name: e.name || e.id, kind: e.kind, stage: stageOf.get(e.id) || null }); };
  if (profile?.entity) addNode(profile.entity);
  for (const s of chain?.stages || []) for (const e of s.entities) addNode(e);
  for (const r of [...(chain?.relationships || []), ...(profile?.relationships || [])]) {
    addNode(r.from); addNode(r.to);
    edges.set(r.id, { id: r.id, source: r.from.id, target: r.to.id, type: r.type, status: r.status, rel: r });
  }
  const container = h('div', { class: 'graph', 'data-testid': 'graph-view', 'data-drawn': 'false', role: 'img', 'aria-label': `Graph of ${nodes.size} entities and ${edges.size} relationships around ${profile?.entity?.name || focusId}, in stage columns; the entity list above reaches every node from the keyboard.` });
  const drawNow = h('button', { type: 'button', class: 'link-button', 'data-testid': 'graph-draw', onclick: () => draw() }, `Draw the graph now (${plural(nodes.size, 'entity', 'entities')})`);
  const pending = h('p', { class: 'small gv-pending' }, 'The graph is drawn when it scrolls into view. ', drawNow);
  clear(section.body).append(
    h('p', { class: 'small' }, 'Entities in stage columns, coloured by kind (hover for the full name); edges are relationships, styled by claim status. Click an entity to add its neighbours, an edge to see its sources; double-click an entity to open its page. Drag to pan, scroll to zoom.'),
    h('ul', { class: 'legend' }, ['ACTOR', 'CHIP', 'MODEL', 'REGULATION'].map((k) => h('li', {}, h('span', { class: `dot kind-bg-${k}`, 'aria-hidden': 'true' }), humanize(k)))),
    nodes.size ? pending : null,
    container);
  section.done();
  if (!nodes.size) return;
  let started = false;
  async function draw() {
    if (started || tk !== generation) return;
    started = true;
    graphObserver?.disconnect();
    graphObserver = null;
    pending.textContent = 'Drawing the graph…';
    // The chain's relationships with their sources (an edge opens them): the critical path asked without.
    const [{ renderGraph }, full] = await Promise.all([import('./graph.js'), gql(QUERIES.supplyChain, { entity: focusId, asOf })]);
    if (tk !== generation) return;
    if (full.errors.length) showErrors('Graph', full.errors);
    for (const r of full.data?.supplyChain?.relationships || []) {
      const edge = edges.get(r.id);
      if (edge) edge.rel = r;
    }
    graphHandle = renderGraph(container, [...nodes.values()], [...edges.values()], {
      focusId: profile?.entity?.id || focusId,
      open: (id) => navigate(entityHref(id)),
      asOf,
      stages: STAGES,
    });
    pending.remove();
    container.dataset.drawn = 'true';
  }
  // Drawn when the section comes within a screen of the window (scrolling, the table of contents, Tab, a test).
  if ('IntersectionObserver' in window) {
    graphObserver = new IntersectionObserver((entries) => { if (entries.some((e) => e.isIntersecting)) draw(); }, { rootMargin: '400px 0px' });
    graphObserver.observe(container);
  } else draw();
}

// ---------- The /paths page ----------
function pathsView(token) {
  headerSearch();
  document.title = 'Paths · SupplyGraph';
  let from = search().get('from');
  let to = search().get('to');
  const section = makeSection({ key: 'paths', title: 'Shortest paths' });
  const body = h('div', {});
  const run = () => {
    const tk = ++generation;
    setReady(false);
    clearAlerts();
    if (!from) {
      clear(section.body).append(h('p', {}, 'Choose two entities.'));
      section.setQuery(QUERIES.paths, { from: '…', to: '…', asOf: currentAsOf() }, cypherFor.paths({ from: 'deepseek', asOf: currentAsOf() }));
      section.done();
      setReady(true);
      return;
    }
    clear(section.body).append(body);
    loadPaths(tk, section, body, from, to, currentAsOf()).then((answer) => {
      if (answer && tk === generation) { fromBox.input.value = answer.from.name; toBox.input.value = answer.to.name; }
    }).finally(() => { if (tk === generation) setReady(true); });
  };
  const fromBox = combobox({ label: 'From', testid: 'paths-from-input', value: from || '', onChoose: (e) => { from = e.id; setUrlParam('from', e.id); run(); } });
  const toBox = combobox({ label: 'To', testid: 'paths-to-input', value: to || '', onChoose: (e) => { to = e.id; setUrlParam('to', e.id); run(); } });
  append(clear(view()), [
    h('div', { class: 'entity-head' }, h('div', {}, h('h1', {}, 'Paths between two entities'),
      h('p', { class: 'subtitle' }, 'The shortest routes through the graph, in either direction, valid on the day.')), asOfControl(run)),
    h('div', { class: 'paths-form' }, fromBox.root, toBox.root),
    section.el,
  ]);
  run();
}

// ---------- Router ----------
function route() {
  const token = ++generation;
  setReady(false);
  clearAlerts();
  graphHandle?.destroy?.();
  graphHandle = null;
  graphObserver?.disconnect();
  graphObserver = null;
  sourcesPanel.hidden = true;
  for (const a of document.querySelectorAll('a[data-graphiql]')) a.href = apiOverride ? `${apiOverride}` : '/graphql';
  const path = location.pathname.replace(/\/+$/, '') || '/';
  const m = /^\/entity\/([^/]+)$/.exec(path);
  for (const a of document.querySelectorAll('.site-header nav a[data-link]')) {
    const target = new URL(a.getAttribute('href'), location.href).pathname;
    if (target === path) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  }
  // Browsing is the home page with ?kind= or ?category= (the service serves the dashboard at /, /entity/… and /paths).
  if (path === '/' && (search().get('kind') || search().get('category'))) browseView(token);
  else if (path === '/') homeView(token);
  else if (m) entityView(token, decodeURIComponent(m[1]));
  else if (path === '/paths') pathsView(token);
  else notFoundView(token);
}

function start() {
  // Keep ?api= on the header links during development.
  for (const a of document.querySelectorAll('.site-header a[data-link]')) a.setAttribute('href', href(new URL(a.href).pathname, { asOf: null }));
  route();
}
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();

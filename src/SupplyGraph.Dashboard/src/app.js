// SupplyGraph dashboard: client-side routes /, /entity/{id} and /paths over the public GraphQL API.
import './styles.css';
import { gql, apiOverride, endpoint } from './api.js';
import { QUERIES } from './queries.js';
import { cypherFor } from './cypher.js';
import { h, clear, append, nextId, today, humanize } from './dom.js';
import { combobox } from './combobox.js';
import { renderSupplyChain } from './chain.js';

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
  if (ready) { try { performance.mark('supplygraph-ready'); } catch { /* not supported */ } }
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
  const details = h('details', { class: 'query-details' },
    h('summary', {}, 'GraphQL query and Cypher'),
    h('p', { class: 'small' }, 'GraphQL, POSTed to ', h('code', {}, endpoint), ':'),
    queryPre,
    h('p', { class: 'small' }, 'The matching Cypher, with its parameters for Neo4j Browser:'),
    cypherPre);
  const el = h('section', { id: key, class: 'panel', 'aria-labelledby': headingId, 'data-testid': testid || null },
    h('div', { class: 'panel-head' }, h('h2', { id: headingId }, title), h('div', { class: 'panel-tools' }, copyStatus, copy)),
    intro ? h('p', { class: 'intro' }, intro) : null,
    note, body, details);
  return {
    el, body, note,
    setQuery(query, variables, cypherText) {
      queryPre.textContent = `${query}\n\n# variables\n${JSON.stringify(variables, null, 2)}`;
      cypher = cypherText;
      copy.dataset.cypher = cypherText;
      cypherPre.textContent = cypherText;
    },
    loading() { el.setAttribute('aria-busy', 'true'); clear(body).append(h('p', { class: 'loading' }, 'Loading…')); clear(note); },
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
    h('span', { 'aria-hidden': 'true' }, forward ? '— ' : '← '),
    h('span', { class: 'sr-only' }, `${rel.from.name} `),
    rel.type,
    h('span', { class: 'sr-only' }, ` ${rel.to.name}`),
    h('span', { 'aria-hidden': 'true' }, forward ? ' →' : ' —'),
    h('span', { class: 'step-status' }, ` ${rel.status.toLowerCase()}`),
    h('span', { class: 'sr-only' }, ': show sources'));
    parts.push(button);
  });
  return h('div', { class: 'chain', title: path.summary }, parts);
}

function renderPathList(paths, shown = 5, short = {}) {
  const item = (p) => h('li', { class: 'path-item' }, renderPath(p, short));
  const list = h('ol', { class: 'paths' }, paths.slice(0, shown).map(item));
  if (paths.length <= shown) return list;
  return h('div', {}, list, h('details', { class: 'more' },
    h('summary', {}, `${paths.length - shown} more route${paths.length - shown === 1 ? '' : 's'}`),
    h('ol', { class: 'paths', start: shown + 1 }, paths.slice(shown).map(item))));
}

/** A regulation's short label in chains: its citation when short, else its id. */
const shortName = (r) => (r.citation && r.citation.length <= 24 ? r.citation : r.id);

// ---------- As-of control ----------
function asOfControl(onChange) {
  const id = nextId('asof');
  const input = h('input', { id, type: 'date', value: currentAsOf(), 'data-testid': 'asof-input', required: true });
  input.addEventListener('change', () => {
    const v = validDay(input.value);
    if (!v) return;
    setUrlParam('asOf', v);
    onChange(v);
  });
  return h('div', { class: 'asof' }, h('label', { for: id }, 'As of'), input,
    h('button', { type: 'button', class: 'link-button', onclick: () => { input.value = today(); input.dispatchEvent(new Event('change')); } }, 'Today'));
}

// ---------- Views ----------
function homeView(token) {
  document.title = 'SupplyGraph';
  clear(document.getElementById('header-search'));
  const section = makeSection({ key: 'search-query', title: 'The search query' });
  const setSearchQuery = (query, variables) => section.setQuery(query, variables, cypherFor.search({ text: variables.text, kinds: variables.kinds }));
  setSearchQuery(QUERIES.search, { text: 'DeepSeek', first: 8 });
  clear(section.body).append(h('p', {}, 'As you type, the box above sends this query; the Cypher is what the service runs on Neo4j.'));
  section.done();
  const box = combobox({
    label: 'Search entities by name or alias',
    onChoose: (e) => navigate(entityHref(e.id)),
    onNoMatch: (t) => showErrors('Search', [{ message: `No entity matches “${t}”.`, code: 'NO_MATCH' }]),
    onQuery: setSearchQuery,
    className: 'combo-big',
  });
  const featured = [
    ['deepseek', 'DeepSeek'], ['nvidia-h800', 'NVIDIA H800'], ['tsmc', 'TSMC'], ['asml', 'ASML'], ['hugging-face', 'Hugging Face'],
    ['huawei-ascend-910c', 'Huawei Ascend 910C'], ['us-bis-2023-10-advanced-computing', 'BIS advanced computing rule (Oct 2023)'],
  ];
  append(clear(view()), [
    h('h1', { class: 'home-title' }, 'The AI supply chain, from raw silicon to deployment'),
    h('p', { class: 'lede' }, 'Find a lab, chip, model, company or export rule: see its supply chain in stages, the export controls that touch it, and the sources behind every link.'),
    box.root,
    h('nav', { 'aria-label': 'Featured entities', class: 'featured' }, h('p', {}, 'Try: '),
      h('ul', {}, featured.map(([id, name]) => h('li', {}, h('a', { href: entityHref(id), 'data-link': true }, name))))),
    section.el,
  ]);
  if (token === generation) setReady(true);
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

function factsList(e) {
  const rows = [];
  const add = (k, v) => { if (v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && !v.length)) rows.push([k, v]); };
  add('Kind', humanize(e.kind));
  add('Category', e.category && humanize(e.category));
  add('Country', e.country);
  add('Website', e.website && h('a', { href: /^https?:/.test(e.website) ? e.website : `https://${e.website}`, rel: 'noopener noreferrer', target: '_blank' }, e.website));
  add('Aliases', e.aliases?.join(', '));
  add('Tags', e.tags?.join(', '));
  add('Designer', e.designerId && entityLink({ id: e.designerId, name: e.designerId }));
  add('Foundries', e.foundryIds?.length && e.foundryIds.map((f, i) => [i ? ', ' : '', entityLink({ id: f, name: f })]));
  add('Process', e.process);
  add('Developer', e.developerId && entityLink({ id: e.developerId, name: e.developerId }));
  add('Released', e.releaseDate);
  add('Parameters', e.parameters && Number(e.parameters).toLocaleString('en'));
  add('Active parameters', e.activeParameters && Number(e.activeParameters).toLocaleString('en'));
  add('Issuer', e.issuerId && entityLink({ id: e.issuerId, name: e.issuerId }));
  add('Jurisdiction', e.jurisdiction);
  add('Citation', e.citation);
  add('Announced', e.announced);
  add('Effective', e.effective);
  add('Rescinded', e.rescinded);
  add('Id', h('code', {}, e.id));
  return h('dl', { class: 'facts' }, rows.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
}

function relationshipTable(focusId, rels, caption) {
  const sorted = [...rels].sort((a, b) => a.type.localeCompare(b.type) || (a.from.name + a.to.name).localeCompare(b.from.name + b.to.name));
  return h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption },
    h('table', { class: 'rels' },
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, ['Relationship', 'Status', 'Valid', 'Sources'].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, sorted.map((r) => h('tr', {},
        h('td', {}, r.from.id === focusId ? h('strong', {}, r.from.name) : entityLink(r.from), ` ${r.type} `,
          r.to.id === focusId ? h('strong', {}, r.to.name) : entityLink(r.to), r.note ? h('div', { class: 'small' }, r.note) : null),
        h('td', {}, statusBadge(r.status)),
        h('td', { class: 'nowrap' }, validity(r)),
        h('td', {}, sourceList(r.sources)))))));
}

function entityView(token, id) {
  headerSearch();
  document.title = `${id} · SupplyGraph`;
  const title = h('h1', { 'data-testid': 'entity-title' }, id);
  const subtitle = h('p', { class: 'subtitle' });
  const sections = {
    profile: makeSection({ key: 'profile', title: 'Profile and relationships' }),
    chain: makeSection({ key: 'supply-chain', title: 'Critical path — raw silicon to deployment', intro: 'Everything upstream and downstream, in stages from raw materials to deployment. Lines show the relationships; their style shows how well each claim is established.' }),
    controls: makeSection({ key: 'export-controls', title: 'Export controls touching it', testid: 'controls-section' }),
    exposure: makeSection({ key: 'exposure', title: 'Exposure to this regulation' }),
    paths: makeSection({ key: 'paths', title: 'Paths to another entity' }),
    relationships: makeSection({ key: 'relationships', title: 'Relationships and their sources' }),
    graph: makeSection({ key: 'graph', title: 'Graph of the neighbourhood' }),
  };
  sections.exposure.el.hidden = true;
  const toc = h('nav', { 'aria-label': 'On this page', class: 'toc' }, h('ul', {},
    [['profile', 'Profile'], ['supply-chain', 'Supply chain'], ['export-controls', 'Export controls'], ['exposure', 'Exposure'], ['paths', 'Paths'], ['relationships', 'Relationships'], ['graph', 'Graph']]
      .map(([k, t]) => h('li', { 'data-toc': k, hidden: k === 'exposure' }, h('a', { href: `#${k}` }, t)))));
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
    label: 'Find paths to', testid: 'paths-to-input', placeholder: 'e.g. ASML',
    onChoose: (e) => { pathsTo = e.id; setUrlParam('to', e.id); runPaths(generation); },
    onNoMatch: (t) => showErrors('Paths', [{ message: `No entity matches “${t}”.`, code: 'NO_MATCH' }]),
  });
  const runPaths = (tk) => loadPaths(tk, sections.paths, pathsBody, id, pathsTo, currentAsOf());

  async function load() {
    const tk = ++generation;
    setReady(false);
    clearAlerts();
    sourcesPanel.hidden = true;
    graphModule = graphModule || import('./graph.js'); // fetched while the questions are answered
    const asOf = currentAsOf();
    const vars = { entity: id, asOf };
    Object.values(sections).forEach((s) => s.loading());
    clear(sections.paths.body).append(pathsBox.root, pathsBody);
    const profileP = loadProfile(tk, sections.profile, sections.relationships, vars, { title, subtitle });
    const chainP = loadChain(tk, sections.chain, vars);
    const controlsP = loadControls(tk, sections.controls, vars);
    const pathsP = runPaths(tk);
    const exposureP = profileP.then((entity) => {
      const isReg = entity?.kind === 'REGULATION';
      sections.exposure.el.hidden = !isReg;
      toc.querySelector('[data-toc="exposure"]').hidden = !isReg;
      return isReg ? loadExposure(tk, sections.exposure, { regulation: entity.id, asOf }) : null;
    });
    const graphP = Promise.all([profileP.then(() => lastProfile), chainP]).then(([profile, chain]) => loadGraph(tk, sections.graph, id, profile, chain, asOf));
    await Promise.allSettled([profileP, chainP, controlsP, pathsP, exposureP, graphP]);
    if (tk === generation) setReady(true);
  }
  load();
}

let lastProfile = null;
let graphModule = null;
async function loadProfile(tk, section, relSection, vars, { title, subtitle }) {
  section.setQuery(QUERIES.profile, vars, cypherFor.profile({ id: vars.entity, asOf: vars.asOf }));
  relSection.setQuery(QUERIES.profile, vars, cypherFor.profile({ id: vars.entity, asOf: vars.asOf }));
  const { data, errors } = await gql(QUERIES.profile, vars);
  if (tk !== generation) return null;
  section.done();
  relSection.done();
  if (errors.length) showErrors('Profile', errors);
  const e = data?.entity;
  const profile = data?.profile;
  lastProfile = profile ? { entity: e, ...profile } : null;
  if (!e) {
    title.textContent = `“${vars.entity}” not found`;
    document.title = 'Not found · SupplyGraph';
    clear(section.body).append(h('p', {}, 'No entity with this id, name or alias.'));
    clear(relSection.body);
    return null;
  }
  title.textContent = e.name;
  document.title = `${e.name} · SupplyGraph`;
  clear(subtitle).append(h('span', { class: `kind kind-${e.kind}` }, humanize(e.kind)), e.category ? ` ${humanize(e.category)}` : '', e.country ? ` · ${e.country}` : '');
  const rels = profile?.relationships || [];
  clear(section.body).append(
    h('div', { class: 'profile-grid' },
      h('div', {}, e.description ? h('p', { class: 'description' }, e.description) : null, e.summary ? h('p', { class: 'description' }, e.summary) : null, factsList(e)),
      h('div', {}, h('p', { class: 'small strong' }, 'Sources of this entity'), sourceList(e.sources))),
    h('p', {}, h('a', { href: '#relationships' }, `${rels.length} relationship${rels.length === 1 ? '' : 's'} on ${vars.asOf}`), ', each with its sources, are listed below.'));
  clear(relSection.body).append(
    rels.length ? relationshipTable(e.id, rels, `${rels.length} relationship${rels.length === 1 ? '' : 's'} on ${profile.asOf}, with their sources`)
      : h('p', {}, `No relationships on ${vars.asOf}.`));
  return e;
}

let lastChain = null;
async function loadChain(tk, section, vars) {
  section.setQuery(QUERIES.supplyChain, vars, cypherFor.supplyChain({ id: vars.entity, asOf: vars.asOf }));
  const { data, errors } = await gql(QUERIES.supplyChain, vars);
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
  if (!answer.hits.length) {
    section.body.append(h('p', {}, `No regulation in force on ${answer.asOf} restricts ${answer.entity.name} or anything it depends on.`));
    return answer;
  }
  section.body.append(h('p', {}, `${answer.hits.length} regulation${answer.hits.length === 1 ? '' : 's'} in force on ${answer.asOf} touch ${answer.entity.name}. Select a step to see its sources.`));
  for (const hit of answer.hits) {
    const r = hit.regulation;
    section.body.append(h('article', { class: 'hit', 'data-testid': 'control-hit', 'data-regulation-id': r.id, 'aria-label': r.name },
      h('h3', {}, entityLink(r)),
      h('p', { class: 'hit-meta' }, h('span', {}, h('strong', {}, 'Citation: '), r.citation), ' ',
        h('span', {}, h('strong', {}, 'Effective: '), r.effective), r.rescinded ? h('span', {}, h('strong', {}, ' Rescinded: '), r.rescinded) : null),
      r.summary ? h('p', { class: 'small' }, r.summary) : null,
      h('p', { class: 'small' }, `${hit.paths.length} route${hit.paths.length === 1 ? '' : 's'}, shortest first:`),
      renderPathList(hit.paths, 5, { [r.id]: shortName(r) })));
  }
  return answer;
}

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
  if (!answer.inForce) section.body.append(h('p', { class: 'note' }, `${answer.regulation.name} is not in force on ${answer.asOf} (effective ${answer.regulation.effective}${answer.regulation.rescinded ? `, rescinded ${answer.regulation.rescinded}` : ''}).`));
  section.body.append(h('p', {}, `${answer.exposed.length} entit${answer.exposed.length === 1 ? 'y is' : 'ies are'} exposed on ${answer.asOf}.`));
  section.body.append(h('ul', { class: 'exposed' }, answer.exposed.map((x) => h('li', { class: 'exposed-item', 'data-entity-id': x.entity.id },
    h('p', { class: 'exposed-name' }, entityLink(x.entity), ' ', h('span', { class: `kind kind-${x.entity.kind}` }, humanize(x.entity.kind))),
    renderPathList(x.paths, 2, { [answer.regulation.id]: shortName(answer.regulation) })))));
  return answer;
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
    body.append(renderPathList(answer.paths, 10));
  }
  return answer;
}

async function loadGraph(tk, section, focusId, profile, chain, asOf) {
  section.setQuery(QUERIES.supplyChain, { entity: focusId, asOf }, cypherFor.supplyChain({ id: focusId, asOf }));
  graphHandle?.destroy?.();
  graphHandle = null;
  const nodes = new Map();
  const edges = new Map();
  const addNode = (e) => { if (e && !nodes.has(e.id)) nodes.set(e.id, { id: e.id, name: e.name || e.id, kind: e.kind }); };
  if (profile?.entity) addNode(profile.entity);
  for (const s of chain?.stages || []) for (const e of s.entities) addNode(e);
  for (const r of [...(chain?.relationships || []), ...(profile?.relationships || [])]) {
    addNode(r.from); addNode(r.to);
    edges.set(r.id, { id: r.id, source: r.from.id, target: r.to.id, type: r.type, status: r.status });
  }
  const container = h('div', { class: 'graph', 'data-testid': 'graph-view', role: 'img', 'aria-label': `Graph of ${nodes.size} entities and ${edges.size} relationships around ${profile?.entity?.name || focusId}; drag to pan, scroll to zoom, double-click an entity to open it.` });
  const fit = h('button', { type: 'button', class: 'link-button', onclick: () => graphHandle?.fit() }, 'Fit graph');
  clear(section.body).append(
    h('p', { class: 'small' }, 'Nodes are the entities of the supply chain and the profile, coloured by kind; edges are relationships, styled by claim status. Drag to pan, scroll to zoom, double-click an entity to open its page. ', fit),
    h('ul', { class: 'legend' }, ['ACTOR', 'CHIP', 'MODEL', 'REGULATION'].map((k) => h('li', {}, h('span', { class: `dot kind-bg-${k}`, 'aria-hidden': 'true' }), humanize(k)))),
    container);
  if (!nodes.size) { section.done(); return; }
  // Cytoscape comes from its own chunk and starts after the first paint of the other sections.
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  if (tk !== generation) return;
  const { renderGraph } = await (graphModule || import('./graph.js'));
  if (tk !== generation) return;
  graphHandle = renderGraph(container, [...nodes.values()], [...edges.values()], {
    focusId: profile?.entity?.id || focusId,
    open: (id) => navigate(entityHref(id)),
  });
  section.done();
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
  sourcesPanel.hidden = true;
  for (const a of document.querySelectorAll('a[data-graphiql]')) a.href = apiOverride ? `${apiOverride}` : '/graphql';
  const path = location.pathname.replace(/\/+$/, '') || '/';
  const m = /^\/entity\/([^/]+)$/.exec(path);
  for (const a of document.querySelectorAll('.site-header nav a[data-link]')) {
    const target = new URL(a.getAttribute('href'), location.href).pathname;
    if (target === path) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  }
  if (path === '/') homeView(token);
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

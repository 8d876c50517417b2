// The neighbourhood as a cytoscape graph, loaded after the first paint: entities in stage columns (labels abbreviated
// so they never overlap; the full name on hover and in the node list), filters by kind, stage and relationship type,
// a node expanded on click (its profile's neighbours added), an edge's sources on click, and a focus mode that shows
// one path from the focus.
import cytoscape from 'cytoscape';
import { gql } from './api.js';
import { QUERIES } from './queries.js';
import { h, append, clear, humanize, nextId } from './dom.js';

const KIND_COLOR = { ACTOR: '#1f5fa8', CHIP: '#8a4b00', MODEL: '#6a3d9a', REGULATION: '#b3261e' };
const STATUS_COLOR = { CONFIRMED: '#1a7f37', REPORTED: '#0b5cad', ALLEGED: '#a14a00', DISPUTED: '#c0262d' };
const STATUS_LINE = { CONFIRMED: 'solid', REPORTED: 'dashed', ALLEGED: 'dotted', DISPUTED: 'dashed' };
const KINDS = ['ACTOR', 'CHIP', 'MODEL', 'REGULATION'];
const OTHER = 'OTHER';
const COLUMN = 190; // model units between stage columns: wider than the longest abbreviated label
const ROW = 46;
const LABEL_CHARS = 18;

// Expected cases (overlapping nodes while laying out) are not worth a console message.
if (typeof cytoscape.warnings === 'function') cytoscape.warnings(false);

const abbreviate = (name) => (name.length > LABEL_CHARS ? `${name.slice(0, LABEL_CHARS - 1)}…` : name);

/**
 * nodes: [{id, name, kind, stage}], edges: [{id, source, target, type, status, rel}] (rel: the relationship with its
 * sources). stages: the stage order. open(id) opens an entity's page; asOf is the day expansions ask about.
 */
export function renderGraph(container, nodes, edges, { focusId, open, asOf, stages = [] }) {
  const columns = [...stages, OTHER];
  const host = container.parentElement;
  const ids = nextId('g');
  const known = new Map(nodes.map((n) => [n.id, n]));
  const rels = new Map(edges.map((e) => [e.id, e]));

  // ---- Controls: filters, focus mode, the node list (the keyboard's way to the nodes), the sources panel.
  const hidden = { kind: new Set(), stage: new Set(), type: new Set() };
  const filterGroup = (name, values, label) => h('fieldset', { class: 'gv-filter', 'data-testid': `graph-filter-${name}` },
    h('legend', {}, label),
    values.map((v) => {
      const id = `${ids}-${name}-${v}`;
      const box = h('input', { type: 'checkbox', id, checked: true, 'data-value': v });
      box.addEventListener('change', () => { if (box.checked) hidden[name].delete(v); else hidden[name].add(v); applyFilters(); });
      return h('label', { for: id, class: 'gv-check' }, box, ` ${humanize(v)}`);
    }));
  const typesPresent = () => [...new Set([...rels.values()].map((e) => e.type))].sort();
  const stagesPresent = () => columns.filter((c) => [...known.values()].some((n) => (n.stage || OTHER) === c));
  const filtersBox = h('div', { class: 'gv-filters' });
  const renderFilters = () => {
    append(clear(filtersBox), [
      filterGroup('kind', KINDS.filter((k) => [...known.values()].some((n) => n.kind === k)), 'Kind'),
      filterGroup('stage', stagesPresent(), 'Stage'),
      filterGroup('type', typesPresent(), 'Relationship'),
    ]);
    for (const [name, set] of Object.entries(hidden)) for (const box of filtersBox.querySelectorAll(`[data-testid="graph-filter-${name}"] input`)) box.checked = !set.has(box.dataset.value);
  };
  const status = h('p', { class: 'gv-status', role: 'status' });
  const nodeSelect = h('select', { id: `${ids}-node`, 'data-testid': 'graph-node-select' });
  const fillSelect = () => {
    const current = nodeSelect.value;
    clear(nodeSelect).append(...[...known.values()].sort((a, b) => a.name.localeCompare(b.name)).map((n) => h('option', { value: n.id }, `${n.name} (${humanize(n.kind)})`)));
    nodeSelect.value = known.has(current) ? current : focusId;
  };
  const expandButton = h('button', { type: 'button', class: 'gv-button', 'data-testid': 'graph-expand', onclick: () => expand(nodeSelect.value) }, 'Expand');
  const focusButton = h('button', { type: 'button', class: 'gv-button', 'data-testid': 'graph-focus', 'aria-pressed': 'false', onclick: () => focusPath(focusMode === nodeSelect.value ? null : nodeSelect.value) }, 'Focus: one path');
  const openButton = h('button', { type: 'button', class: 'gv-button', onclick: () => open(nodeSelect.value) }, 'Open its page');
  const fitButton = h('button', { type: 'button', class: 'gv-button', onclick: () => cy.fit(cy.elements(':visible'), 24) }, 'Fit');
  const sources = h('div', { class: 'gv-sources', 'data-testid': 'graph-sources', tabindex: '-1', hidden: true });
  const tip = h('div', { class: 'gv-tip', role: 'tooltip', hidden: true });
  const controls = h('div', { class: 'gv-controls' },
    h('div', { class: 'gv-node-tools' }, h('label', { for: nodeSelect.id }, 'Entity'), nodeSelect, expandButton, focusButton, openButton, fitButton),
    filtersBox, status);
  host.insertBefore(controls, container);
  container.after(sources);
  container.style.position = 'relative';
  container.append(tip);

  // ---- Layout: a column per stage (then everything outside the chain), rows in the column; a tall stage wraps into
  // several columns so the whole keeps the container's shape. Columns are wider than any abbreviated label, rows
  // taller than a label: labels never meet, at any zoom.
  const rowsPerColumn = Math.max(8, Math.ceil(Math.sqrt(2 * nodes.length)));
  const perStage = new Map(columns.map((c) => [c, nodes.filter((n) => (n.stage || OTHER) === c).length]));
  const firstColumn = new Map();
  let x = 0;
  for (const c of columns) { firstColumn.set(c, x); x += Math.ceil((perStage.get(c) || 0) / rowsPerColumn); }
  const placedInStage = new Map();
  const place = (n) => {
    const stage = n.stage || OTHER;
    const i = placedInStage.get(stage) || 0;
    placedInStage.set(stage, i + 1);
    return { x: (firstColumn.get(stage) + Math.floor(i / rowsPerColumn)) * COLUMN, y: (i % rowsPerColumn) * ROW };
  };
  const nodeData = (n) => ({ data: { id: n.id, label: abbreviate(n.name), name: n.name, kind: n.kind, stage: n.stage || OTHER }, position: place(n), classes: n.id === focusId ? 'focus' : '' });
  const edgeData = (e) => ({ data: { id: `e:${e.id}`, rel: e.id, source: e.source, target: e.target, label: e.type, type: e.type, status: e.status } });

  const cy = cytoscape({
    container,
    elements: [...nodes.map(nodeData), ...edges.map(edgeData)],
    style: [
      { selector: 'node', style: {
        'background-color': (n) => KIND_COLOR[n.data('kind')] || '#555', label: 'data(label)', 'font-size': 11, color: '#1b1f24',
        'text-valign': 'center', 'text-halign': 'right', 'text-margin-x': 4, width: 14, height: 14,
        'text-background-color': '#ffffff', 'text-background-opacity': 0.85, 'text-background-padding': 1, 'min-zoomed-font-size': 7,
      } },
      { selector: 'node.focus', style: { width: 22, height: 22, 'border-width': 3, 'border-color': '#111', 'font-weight': 'bold' } },
      { selector: 'node.expanded', style: { 'border-width': 2, 'border-color': '#f2b705' } },
      { selector: 'edge', style: {
        width: 1.3, 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'arrow-scale': 0.8,
        'line-color': (e) => STATUS_COLOR[e.data('status')] || '#777', 'target-arrow-color': (e) => STATUS_COLOR[e.data('status')] || '#777',
        'line-style': (e) => STATUS_LINE[e.data('status')] || 'solid', opacity: 0.6,
      } },
      { selector: 'edge.hl, edge:selected', style: { label: 'data(label)', 'font-size': 9, opacity: 1, width: 2.5, 'text-rotation': 'autorotate', 'text-background-color': '#fff', 'text-background-opacity': 1 } },
      { selector: '.filtered, .unfocused', style: { display: 'none' } },
      { selector: 'edge.on-path', style: { width: 3.5, opacity: 1, label: 'data(label)', 'font-size': 9, 'text-rotation': 'autorotate', 'text-background-color': '#fff', 'text-background-opacity': 1 } },
    ],
    layout: { name: 'preset', fit: true, padding: 24 },
    minZoom: 0.1,
    maxZoom: 4,
  });
  container.sgGraph = cy; // tests read edge positions from it

  // ---- Hover: the full name; node click: expand; double click: open; edge click: its sources.
  cy.on('mouseover', 'node', (ev) => {
    ev.target.connectedEdges().addClass('hl');
    const p = ev.target.renderedPosition();
    tip.textContent = `${ev.target.data('name')} · ${humanize(ev.target.data('kind'))}${ev.target.data('stage') !== OTHER ? ` · ${humanize(ev.target.data('stage'))}` : ''}`;
    tip.style.left = `${p.x + 12}px`;
    tip.style.top = `${p.y + 10}px`;
    tip.hidden = false;
  });
  cy.on('mouseout', 'node', (ev) => { ev.target.connectedEdges().removeClass('hl'); tip.hidden = true; });
  cy.on('tap', 'node', (ev) => { nodeSelect.value = ev.target.id(); expand(ev.target.id()); });
  cy.on('dbltap', 'node', (ev) => { if (ev.target.id() !== focusId) open(ev.target.id()); });
  cy.on('tap', 'edge', (ev) => showSources(ev.target.data('rel')));

  function showSources(relId) {
    const e = rels.get(relId);
    if (!e) return;
    const r = e.rel;
    const name = (id) => known.get(id)?.name || id;
    clear(sources).append(
      h('p', { class: 'gv-sources-title' }, h('strong', {}, `${name(e.source)} ${e.type} ${name(e.target)}`), ` — ${humanize(e.status)}`,
        r?.validFrom || r?.validTo ? `, ${r.validFrom || '…'} to ${r.validTo || 'open'}` : ''),
      r?.note ? h('p', { class: 'small' }, r.note) : h('span'),
      r?.sources?.length
        ? h('ul', { class: 'gv-source-list' }, r.sources.map((s) => h('li', {}, h('span', { class: 'gv-doc' }, s.document), s.locator ? h('q', {}, s.locator) : '',
          s.url ? h('a', { href: s.url, rel: 'noopener noreferrer', target: '_blank' }, s.url) : '')))
        : h('p', { class: 'small' }, 'No sources recorded.'),
      h('button', { type: 'button', class: 'gv-button', onclick: () => { sources.hidden = true; container.focus?.(); } }, 'Close sources'));
    sources.dataset.relationshipId = relId;
    sources.hidden = false;
    sources.focus({ preventScroll: true });
  }

  // ---- Expand: the entity's profile on the day; its neighbours and relationships join the graph.
  const expanded = new Set();
  async function expand(id) {
    if (!id || expanded.has(id)) { status.textContent = expanded.has(id) ? `${known.get(id)?.name} is expanded already.` : ''; return; }
    status.textContent = `Expanding ${known.get(id)?.name || id}…`;
    const { data, errors } = await gql(QUERIES.profile, { entity: id, asOf });
    if (cy.destroyed()) return;
    if (errors.length || !data?.profile) { status.textContent = `Could not expand: ${errors.map((e) => e.message).join('; ') || 'no answer'}.`; return; }
    expanded.add(id);
    cy.getElementById(id).addClass('expanded');
    const added = [];
    for (const r of data.profile.relationships) {
      for (const end of [r.from, r.to]) {
        if (known.has(end.id)) continue;
        const n = { id: end.id, name: end.name, kind: end.kind, stage: null };
        known.set(n.id, n);
        added.push(nodeData(n));
      }
      if (!rels.has(r.id)) {
        const e = { id: r.id, source: r.from.id, target: r.to.id, type: r.type, status: r.status, rel: r };
        rels.set(r.id, e);
        added.push(edgeData(e));
      }
    }
    cy.add(added);
    renderFilters();
    fillSelect();
    applyFilters();
    status.textContent = `${known.get(id)?.name || id}: ${added.filter((x) => !x.data.source).length} entities and ${added.filter((x) => x.data.source).length} relationships added.`;
  }

  function applyFilters() {
    cy.batch(() => {
      cy.nodes().forEach((n) => n.toggleClass('filtered', hidden.kind.has(n.data('kind')) || hidden.stage.has(n.data('stage'))));
      cy.edges().forEach((e) => e.toggleClass('filtered', hidden.type.has(e.data('type'))));
    });
  }

  // ---- Focus mode: only the shortest path (either direction) from the focus to the chosen entity.
  let focusMode = null;
  function focusPath(target) {
    cy.elements().removeClass('unfocused on-path');
    focusMode = null;
    focusButton.setAttribute('aria-pressed', 'false');
    if (!target || target === focusId) { status.textContent = target === focusId ? 'Choose another entity than the focus to see one path.' : 'Every entity shown.'; return; }
    const result = cy.elements(':visible').dijkstra({ root: cy.getElementById(focusId), directed: false });
    const path = result.pathTo(cy.getElementById(target));
    if (!path.length || result.distanceTo(cy.getElementById(target)) === Infinity) { status.textContent = `No path to ${known.get(target)?.name} among the entities shown.`; return; }
    focusMode = target;
    focusButton.setAttribute('aria-pressed', 'true');
    cy.elements().not(path).addClass('unfocused');
    path.edges().addClass('on-path');
    cy.fit(path, 40);
    status.textContent = `One path: ${path.nodes().map((n) => n.data('name')).join(' → ')}.`;
  }

  renderFilters();
  fillSelect();
  return {
    destroy: () => { cy.destroy(); controls.remove(); sources.remove(); },
    fit: () => cy.fit(undefined, 24),
    cy,
  };
}

// The critical path: the supply chain in stage columns from raw materials (left) to deployment (right). Every arrow is
// drawn from the upstream card to the downstream one, whatever the relationship's stored direction; the route of
// strongest claims from raw materials through the focus to deployment is highlighted; entities a rule in force
// restricts carry a mark; the chain downloads as SVG or PNG, drawn here (no external service).
import './chain.css';
// graph.js is a lazy chunk: CSS it imported would be emitted beside it and never linked, so its styles ride here.
import './graph.css';
import { h, append, clear, humanize, nextId } from './dom.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
const svg = (tag, attrs = {}) => {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
};

export const STATUS_STYLE = {
  CONFIRMED: { color: '#1a7f37', dash: '' },
  REPORTED: { color: '#0b5cad', dash: '7 4' },
  ALLEGED: { color: '#a14a00', dash: '2 4' },
  DISPUTED: { color: '#c0262d', dash: '10 4 2 4' },
};
/** Strongest first: the route prefers fewer disputed, then alleged, then reported claims, then fewer steps. */
const STATUS_ORDER = ['CONFIRMED', 'REPORTED', 'ALLEGED', 'DISPUTED'];
const stepCost = (status) => [status === 'DISPUTED' ? 1 : 0, status === 'ALLEGED' ? 1 : 0, status === 'REPORTED' ? 1 : 0, 1];
const addCost = (a, b) => a.map((x, i) => x + b[i]);
const cheaper = (a, b) => { for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i]; return false; };
const stronger = (a, b) => STATUS_ORDER.indexOf(a.status) < STATUS_ORDER.indexOf(b.status);

/** How an arrow drawn against the stored direction reads (the card on the left feeds the one on the right). */
const REVERSED_READING = { TRAINED_ON: 'trains', OPERATES: 'operated by', AVAILABLE_ON: 'serves', HOSTS: 'hosted by', SUPPLIES: 'supplied by', DEVELOPS: 'developed by', DESIGNS: 'designed by', FABRICATES: 'fabricated by' };
const arrowLabel = (rel, forward) => (forward ? rel.type : `${REVERSED_READING[rel.type] || 'reverse of'} (${rel.type})`);

/** Stages of more cards than this start collapsed to the first few. */
const COLLAPSE_OVER = 6;
const COLLAPSED_SHOWS = 4;

// Export-controls answers arrive independently of the chain; whichever comes second is applied to the first.
let current = null;
let pendingControls = null;

// The export-controls section sends its answer (sg-export-controls) and rule selections (sg-select-rule) as events, so
// the two sections load independently: whichever arrives second is applied to the first.
window.addEventListener('sg-export-controls', (ev) => { pendingControls = ev.detail; current?.applyControls(ev.detail); });
window.addEventListener('sg-select-rule', (ev) => current?.selectRule(ev.detail));

/**
 * Renders the chain into host and returns {route, selectRule, exportSvg}. stages/relationships are those of a
 * supplyChain answer; STAGES is the stage order.
 */
export function renderSupplyChain(host, chain, { STAGES, STATUSES, entityHref, statusBadge }) {
  const focusId = chain.focus.id;
  const idPrefix = nextId('sc');

  // ---- Placement: each entity in one stage, its first; the stages it also holds are stated on its card.
  const placed = new Map(); // id -> {entity, col, roles: [stage]}
  const answered = [...chain.stages].sort((a, b) => STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage));
  for (const s of answered) {
    for (const e of s.entities) {
      const known = placed.get(e.id);
      if (known) known.roles.push(s.stage);
      else placed.set(e.id, { entity: e, col: STAGES.indexOf(s.stage), roles: [s.stage] });
    }
  }
  const columns = STAGES.map((stage, col) => ({ stage, col, ids: [...placed.values()].filter((p) => p.col === col).map((p) => p.entity.id) }))
    .filter((c) => c.ids.length);
  const nameOf = (id) => placed.get(id)?.entity.name || id;

  // ---- Links: one arrow per pair of cards, upstream (left) to downstream (right); several claims between the same two
  // cards share it and it takes the strongest claim's style.
  const links = new Map(); // "up>down" -> {up, down, rels: [{rel, forward}], best}
  const sameStage = [];
  for (const rel of chain.relationships) {
    const a = placed.get(rel.from.id);
    const b = placed.get(rel.to.id);
    if (!a || !b) continue;
    if (a.col === b.col) { sameStage.push(rel); continue; }
    const forward = a.col < b.col;
    const up = forward ? rel.from.id : rel.to.id;
    const down = forward ? rel.to.id : rel.from.id;
    const key = `${up}>${down}`;
    const link = links.get(key) || { key, up, down, rels: [], best: null };
    link.rels.push({ rel, forward });
    if (!link.best || stronger(rel, link.best.rel)) link.best = { rel, forward };
    links.set(key, link);
  }
  const outgoing = new Map();
  for (const link of links.values()) {
    if (!outgoing.has(link.up)) outgoing.set(link.up, []);
    outgoing.get(link.up).push(link);
  }
  const order = [...placed.keys()].sort((x, y) => placed.get(x).col - placed.get(y).col);

  // ---- The route: the strongest chain of claims, raw materials → waypoints → deployment (a DAG: columns only grow).
  function walkFrom(starts) {
    const dist = new Map(starts.map((s) => [s, [0, 0, 0, 0]]));
    const via = new Map();
    for (const id of order) {
      const d = dist.get(id);
      if (!d) continue;
      for (const link of outgoing.get(id) || []) {
        const next = addCost(d, stepCost(link.best.rel.status));
        const known = dist.get(link.down);
        if (!known || cheaper(next, known)) { dist.set(link.down, next); via.set(link.down, link); }
      }
    }
    return { dist, via };
  }
  const back = (via, starts, end) => {
    const steps = [];
    for (let at = end; !starts.includes(at);) { const link = via.get(at); steps.unshift(link); at = link.up; }
    return steps;
  };
  const stageIds = (stage) => columns.find((c) => c.stage === stage)?.ids || [];

  function computeRoute(through) {
    const problems = [];
    let waypoints = [focusId];
    if (through && through !== focusId && placed.has(through)) {
      if (placed.get(through).col === placed.get(focusId)?.col) {
        waypoints = [through];
        problems.push(`${nameOf(through)} is in the same stage as ${nameOf(focusId)}: the route goes through ${nameOf(through)} alone.`);
      } else waypoints = [focusId, through].sort((x, y) => placed.get(x).col - placed.get(y).col);
    }
    if (!placed.has(waypoints[0])) return { steps: [], ids: [], problems: ['The focus has no stage in the chain.'], through };
    const steps = [];
    const raw = stageIds('RAW_MATERIALS');
    const first = walkFrom(raw);
    if (raw.includes(waypoints[0])) { /* starts at raw materials */ } else if (first.dist.has(waypoints[0])) steps.push(...back(first.via, raw, waypoints[0]));
    else problems.push(`No chain of claims from raw materials to ${nameOf(waypoints[0])} on this day.`);
    for (let i = 0; i + 1 < waypoints.length; i++) {
      const leg = walkFrom([waypoints[i]]);
      if (leg.dist.has(waypoints[i + 1])) steps.push(...back(leg.via, [waypoints[i]], waypoints[i + 1]));
      else problems.push(`No chain of claims from ${nameOf(waypoints[i])} to ${nameOf(waypoints[i + 1])} on this day.`);
    }
    const last = waypoints[waypoints.length - 1];
    const deployment = stageIds('DEPLOYMENT');
    if (!deployment.includes(last)) {
      const leg = walkFrom([last]);
      const end = deployment.filter((id) => leg.dist.has(id)).sort((x, y) => (cheaper(leg.dist.get(x), leg.dist.get(y)) ? -1 : cheaper(leg.dist.get(y), leg.dist.get(x)) ? 1 : 0))[0];
      if (end) steps.push(...back(leg.via, [last], end));
      else problems.push(`No chain of claims from ${nameOf(last)} to deployment on this day.`);
    }
    const ids = [];
    for (const s of steps) { if (!ids.includes(s.up)) ids.push(s.up); if (!ids.includes(s.down)) ids.push(s.down); }
    if (!steps.length) ids.push(...waypoints);
    return { steps, ids, problems, through };
  }

  // ---- State
  let route = computeRoute(null);
  let controls = null;
  let restricted = new Map(); // entity id -> [regulation]
  let rule = null; // {id, relIds:Set, entityIds:Set}
  const expanded = new Set();

  // ---- DOM
  // Cards are made when first shown: a hub's stages hold hundreds of entities, a collapsed stage shows a few.
  const cards = new Map(); // id -> {el, li, main, tools}
  const routeBox = h('div', { class: 'sc-route-box', 'aria-live': 'polite' });
  const rulesBox = h('div', { class: 'sc-rules', hidden: true });
  const routeOnly = h('input', { type: 'checkbox', id: `${idPrefix}-route-only`, 'data-testid': 'chain-route-only' });
  const resetRoute = h('button', { type: 'button', class: 'sc-button', 'data-testid': 'chain-reset-route', disabled: true, onclick: () => reroute(null) }, 'Reset the route');
  const exportSvgButton = h('button', { type: 'button', class: 'sc-button', 'data-testid': 'chain-export-svg', onclick: () => download(exportSvg(), 'image/svg+xml', 'svg') }, 'Download SVG');
  const exportPngButton = h('button', { type: 'button', class: 'sc-button', 'data-testid': 'chain-export-png', onclick: () => exportPng() }, 'Download PNG');
  const exportStatus = h('span', { class: 'sc-status', role: 'status' });
  const toolbar = h('div', { class: 'sc-toolbar' },
    h('label', { class: 'sc-check', for: routeOnly.id }, routeOnly, ' Only the route'),
    resetRoute, exportSvgButton, exportPngButton, exportStatus);
  routeOnly.addEventListener('change', () => lines.classList.toggle('sc-route-only', routeOnly.checked));

  const stageEls = columns.map((c) => {
    const headingId = `${idPrefix}-${c.stage}`;
    const list = h('ul', { class: 'sc-cards' });
    const more = c.ids.length > COLLAPSE_OVER
      ? h('button', { type: 'button', class: 'sc-more', 'aria-expanded': 'false', 'data-testid': 'stage-toggle', onclick: () => { if (expanded.has(c.stage)) expanded.delete(c.stage); else expanded.add(c.stage); layout(); } })
      : null;
    return { c, more, list, el: h('div', { class: 'sc-stage', 'data-testid': `stage-${c.stage}`, 'data-stage': c.stage, role: 'group', 'aria-labelledby': headingId },
      h('h3', { id: headingId, class: 'sc-stage-title' }, humanize(c.stage), ' ', h('span', { class: 'sc-count', 'data-testid': 'stage-count' }, String(c.ids.length))),
      list, more) };
  });
  const grid = h('div', { class: 'sc-stages', style: `grid-template-columns: repeat(${Math.max(columns.length, 1)}, minmax(5.75rem, 1fr))` }, stageEls.map((s) => s.el));
  const lines = svg('svg', { class: 'sc-lines', 'aria-hidden': 'true', focusable: 'false' });
  const overlay = svg('svg', { class: 'sc-overlay', 'aria-hidden': 'true', focusable: 'false' });
  const canvas = h('div', { class: 'sc-canvas' }, lines, grid, overlay);
  const scroller = h('div', { class: 'sc-scroll', 'data-testid': 'chain-scroll', tabindex: '0', role: 'region', 'aria-label': 'Supply chain stages, raw materials to deployment' }, canvas);

  function card(p) {
    const e = p.entity;
    const isFocus = e.id === focusId;
    const also = p.roles.slice(1).map(humanize);
    const meta = `${e.category ? humanize(e.category) : humanize(e.kind)}${e.country ? ` · ${e.country}` : ''}`;
    const main = h('button', { type: 'button', class: 'sc-card-main', 'aria-pressed': 'false', onclick: () => reroute(isFocus ? null : e.id) },
      h('span', { class: 'sc-name' }, e.name),
      h('span', { class: 'sc-meta' }, meta),
      also.length ? h('span', { class: 'sc-roles', 'data-testid': 'card-roles' }, `${humanize(p.roles[0])} and ${also.join(', ').toLowerCase()}`) : null,
      h('span', { class: 'sr-only' }, isFocus ? ', the focus: route through it alone' : ', route through it'));
    const open = isFocus ? null : h('a', { href: entityHref(e.id), 'data-link': true, class: 'sc-open', 'aria-label': `Open ${e.name}` }, 'Open');
    const el = h('div', {
      class: `sc-card kind-${e.kind}${isFocus ? ' sc-focus' : ''}`, 'data-testid': 'entity-card', 'data-entity-id': e.id,
      'data-roles': p.roles.join(' '), 'aria-current': isFocus ? 'page' : null,
    }, main, h('span', { class: 'sc-card-tools' }, open));
    const li = h('li', {}, el);
    const made = { el, li, main, tools: el.lastChild };
    cards.set(e.id, made);
    markRestricted(e.id, made);
    return li;
  }

  // The list is written when first opened: a hub's chain holds thousands of relationships.
  const relItems = h('ul', {});
  const relList = h('details', { class: 'sc-rel-list' },
    h('summary', {}, `The ${chain.relationships.length} relationships of this chain, as text`), relItems);
  relList.addEventListener('toggle', () => {
    if (!relList.open || relItems.firstChild) return;
    append(relItems, chain.relationships.map((r) => h('li', {}, `${r.from.name} ${r.type} ${r.to.name} — `, statusBadge(r.status),
      r.validFrom || r.validTo ? ` (${r.validFrom || '…'} to ${r.validTo || 'open'})` : '')));
  });
  const entityCount = placed.size;
  append(clear(host), [
    h('p', { class: 'small' }, `${entityCount} entities in ${columns.length} stages on ${chain.asOf}; ${chain.relationships.length} relationships`,
      sameStage.length ? ` (${sameStage.length} within one stage, listed below, not drawn)` : '',
      '. Arrows run from the upstream card to the downstream one. Select a card to route through it; hover or focus it to see its links.'),
    legend(STATUSES), toolbar, routeBox, rulesBox, scroller, relList]);

  // ---- Which cards show: the route, the focus, the selected rule's entities and restricted ones first.
  function layout() {
    const priority = new Set([focusId, ...route.ids, ...(rule ? rule.entityIds : []), ...restricted.keys()]);
    for (const s of stageEls) {
      const all = s.c.ids;
      const open = expanded.has(s.c.stage) || all.length <= COLLAPSE_OVER;
      let shown = 0;
      const visible = new Set(all.filter((id) => priority.has(id)));
      for (const id of all) { if (visible.size >= COLLAPSED_SHOWS && !open) break; visible.add(id); }
      let made = false;
      for (const id of all) {
        const show = open || visible.has(id);
        if (show && !cards.has(id)) { card(placed.get(id)); made = true; }
        const c = cards.get(id);
        if (c) c.li.hidden = !show;
        if (show) shown++;
      }
      // New cards join in the stage's order.
      if (made) s.list.append(...all.filter((id) => cards.has(id)).map((id) => cards.get(id).li));
      if (s.more) {
        s.more.setAttribute('aria-expanded', String(open));
        s.more.textContent = open ? `Show fewer ${humanize(s.c.stage).toLowerCase()}` : `Show all ${all.length} (${all.length - shown} more)`;
      }
    }
    paint();
    scheduleDraw();
  }

  /** Classes and text that follow the state (route, rule, restrictions); draw() follows geometry. */
  function paint() {
    const onRoute = new Set(route.ids);
    for (const [id, c] of cards) {
      c.el.classList.toggle('sc-on-route', onRoute.has(id));
      c.el.classList.toggle('sc-rule-hl', !!rule && rule.entityIds.has(id));
      c.main.setAttribute('aria-pressed', String(id === (route.through || null)));
    }
    resetRoute.disabled = !route.through;
    append(clear(routeBox), [
      h('p', { class: 'sc-route-title' }, h('strong', {}, route.through ? `Route through ${nameOf(route.through)}` : 'Route of strongest claims'),
        route.steps.length ? ` — ${route.steps.length} steps: ${summarize(route.steps)}.` : ''),
      route.steps.length ? h('ol', { class: 'sc-route', 'data-testid': 'chain-route' },
        h('li', { class: 'sc-route-entity', 'data-testid': 'route-entity', 'data-entity-id': route.steps[0].up }, nameOf(route.steps[0].up)),
        route.steps.map((s) => [
          h('li', { class: `sc-route-step status-${s.best.rel.status}`, 'data-testid': 'route-step', 'data-relationship-id': s.best.rel.id, 'data-from': s.up, 'data-to': s.down },
            h('span', { 'aria-hidden': 'true' }, '→ '), arrowLabel(s.best.rel, s.best.forward), ` (${s.best.rel.status.toLowerCase()})`),
          h('li', { class: 'sc-route-entity', 'data-testid': 'route-entity', 'data-entity-id': s.down }, nameOf(s.down))])) : null,
      route.problems.map((p) => h('p', { class: 'sc-note' }, p))]);
    for (const b of document.querySelectorAll('[data-rule-toggle]')) b.setAttribute('aria-pressed', String(!!rule && b.dataset.ruleToggle === rule.id));
  }
  const summarize = (steps) => {
    const counts = STATUS_ORDER.map((s) => [s, steps.filter((x) => x.best.rel.status === s).length]).filter(([, n]) => n);
    return counts.map(([s, n]) => `${n} ${s.toLowerCase()}`).join(', ');
  };

  // Drawn at most once a frame, whatever asked for it (layout, the controls' answer, a resize).
  let drawQueued = false;
  let centred = false;
  const scheduleDraw = () => {
    if (drawQueued) return;
    drawQueued = true;
    requestAnimationFrame(() => { drawQueued = false; draw(); });
  };

  function draw() {
    if (!canvas.isConnected) return;
    // Every position is read before anything is written: one layout of the page, not one per arrow.
    const box = canvas.getBoundingClientRect();
    const width = canvas.scrollWidth;
    const height = canvas.scrollHeight;
    const positions = new Map();
    const pos = (id) => {
      let p = positions.get(id);
      if (!p) {
        const r = cards.get(id).el.getBoundingClientRect();
        p = { l: r.left - box.left, r: r.right - box.left, y: r.top - box.top + r.height / 2 };
        positions.set(id, p);
      }
      return p;
    };
    // The first drawing also brings the focus into view: the stages scroll so its card is centred.
    let centre = 0;
    if (!centred && cards.has(focusId)) {
      const s = scroller.getBoundingClientRect();
      const r = cards.get(focusId).el.getBoundingClientRect();
      centre = (r.left + r.width / 2) - (s.left + s.width / 2);
    }
    const shown = [];
    for (const link of links.values()) {
      if (!cards.get(link.up) || !cards.get(link.down) || cards.get(link.up).li.hidden || cards.get(link.down).li.hidden) continue;
      shown.push([link, pos(link.up), pos(link.down)]);
    }
    clear(lines);
    clear(overlay);
    for (const layer of [lines, overlay]) { layer.setAttribute('width', width); layer.setAttribute('height', height); }
    const defs = svg('defs');
    for (const s of STATUS_ORDER) {
      const m = svg('marker', { id: `${idPrefix}-arrow-${s}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: 'userSpaceOnUse', orient: 'auto' });
      m.append(svg('path', { d: 'M0,0 L10,5 L0,10 z', fill: STATUS_STYLE[s].color }));
      defs.append(m);
    }
    const paths = document.createDocumentFragment();
    paths.append(defs);
    const routeLinks = new Set(route.steps.map((s) => s.key));
    const labels = svg('g', { class: 'sc-labels' });
    for (const [link, A, B] of shown) {
      const dx = Math.max(24, (B.l - A.r) / 2);
      const d = `M${A.r},${A.y} C${A.r + dx},${A.y} ${B.l - dx},${B.y} ${B.l - 1},${B.y}`;
      const st = STATUS_STYLE[link.best.rel.status] || STATUS_STYLE.CONFIRMED;
      const ids = link.rels.map((x) => x.rel.id);
      const ruleIds = rule ? ids.filter((id) => rule.relIds.has(id)) : [];
      const cls = ['sc-rel', `rel-${link.best.rel.status}`, routeLinks.has(link.key) ? 'sc-on-route' : '', ruleIds.length ? 'sc-rule-hl' : ''].filter(Boolean).join(' ');
      const path = svg('path', {
        d, class: cls, 'data-from': link.up, 'data-to': link.down, 'data-relationship-ids': ids.join(' '), 'data-rule-relationship-ids': ruleIds.join(' '),
        'data-testid': 'chain-arrow', fill: 'none', stroke: st.color, 'stroke-dasharray': st.dash, 'marker-end': `url(#${idPrefix}-arrow-${link.best.rel.status})`,
      });
      const title = svg('title');
      title.textContent = link.rels.map(({ rel }) => `${rel.from.name} ${rel.type} ${rel.to.name} (${rel.status.toLowerCase()})`).join('; ');
      path.append(title);
      paths.append(path);
      const text = svg('text', { x: (A.r + B.l) / 2, y: (A.y + B.y) / 2 - 4, class: `sc-label${routeLinks.has(link.key) ? ' sc-on-route' : ''}${ruleIds.length ? ' sc-rule-hl' : ''}`, 'data-from': link.up, 'data-to': link.down, 'text-anchor': 'middle' });
      text.textContent = [...new Set(link.rels.map((x) => arrowLabel(x.rel, x.forward)))].join(', ');
      labels.append(text);
    }
    lines.append(paths);
    overlay.append(labels);
    if (!centred) { centred = true; scroller.scrollLeft += centre; }
  }

  const highlight = (id) => {
    lines.classList.toggle('sc-dim', !!id);
    overlay.classList.toggle('sc-dim', !!id);
    for (const p of canvas.querySelectorAll('.sc-rel, .sc-label')) p.classList.toggle('sc-hl', !!id && (p.dataset.from === id || p.dataset.to === id));
  };
  grid.addEventListener('mouseover', (ev) => { const c = ev.target.closest('.sc-card'); highlight(c ? c.dataset.entityId : null); });
  grid.addEventListener('mouseleave', () => highlight(null));
  grid.addEventListener('focusin', (ev) => { const c = ev.target.closest('.sc-card'); if (c) highlight(c.dataset.entityId); });
  grid.addEventListener('focusout', () => highlight(null));

  function reroute(through) {
    route = computeRoute(through);
    layout();
  }

  // ---- Restrictions
  function applyControls(answer) {
    if (!answer || answer.entity?.id !== focusId || answer.asOf !== chain.asOf) return;
    controls = answer;
    restricted = new Map();
    for (const hit of answer.hits) {
      for (const path of hit.paths) {
        for (const rel of path.relationships) {
          if (rel.type !== 'RESTRICTED_BY') continue;
          const list = restricted.get(rel.from.id) || [];
          if (!list.some((r) => r.id === hit.regulation.id)) list.push(hit.regulation);
          restricted.set(rel.from.id, list);
        }
      }
    }
    for (const [id, c] of cards) markRestricted(id, c);
    const off = [...restricted.keys()].filter((id) => !placed.has(id));
    clear(rulesBox);
    rulesBox.hidden = !answer.hits.length;
    if (answer.hits.length) {
      append(rulesBox, [h('p', { class: 'sc-rules-title' }, h('strong', {}, `${answer.hits.length} rule${answer.hits.length === 1 ? '' : 's'} in force`), ' — select one to see its paths on the chain:'),
        h('ul', { class: 'sc-rule-list' }, answer.hits.map((hit) => h('li', {}, ruleToggle(hit.regulation)))),
        off.length ? h('p', { class: 'small' }, `Also restricted, off this chain: ${off.join(', ')}.`) : null]);
    }
    layout();
  }

  /** A card's restriction mark, as the export controls' answer has it (none before the answer). */
  function markRestricted(id, c) {
    c.tools.querySelector('.sc-mark-wrap')?.remove();
    const rules = restricted.get(id);
    c.el.toggleAttribute('data-restricted-by', !!rules);
    if (!rules) return;
    c.el.dataset.restrictedBy = rules.map((r) => r.id).join(' ');
    const tipId = `${idPrefix}-tip-${nextId('m')}`;
    const names = rules.map((r) => `${r.citation} (${r.name})`);
    let next = 0;
    const mark = h('button', {
      type: 'button', class: 'sc-mark', 'data-testid': 'restricted-mark', 'aria-describedby': tipId,
      onclick: () => { selectRuleInternal(rules[next % rules.length].id); next++; },
    }, h('span', { 'aria-hidden': 'true' }, `⚠${rules.length > 1 ? ` ${rules.length}` : ''}`),
    h('span', { class: 'sr-only' }, `${placed.get(id).entity.name} is restricted by ${rules.length} rule${rules.length === 1 ? '' : 's'} in force; show on the chain`));
    const tip = h('span', { role: 'tooltip', id: tipId, class: 'sc-tip', 'data-testid': 'restricted-tip' }, `Restricted by: ${names.join('; ')}`);
    c.tools.prepend(h('span', { class: 'sc-mark-wrap' }, mark, tip));
  }

  function selectRuleInternal(id) {
    const hit = id && controls?.hits.find((x) => x.regulation.id === id);
    if (!hit || rule?.id === id) rule = null;
    else {
      const relIds = new Set();
      const entityIds = new Set();
      for (const path of hit.paths) {
        for (const rel of path.relationships) relIds.add(rel.id);
        for (const e of path.entities) if (placed.has(e.id)) entityIds.add(e.id);
      }
      rule = { id, relIds, entityIds };
    }
    layout();
  }

  layout();
  if ('ResizeObserver' in window) {
    const ro = new ResizeObserver(() => {
      if (!canvas.isConnected) { ro.disconnect(); return; }
      scheduleDraw();
    });
    ro.observe(grid);
  }

  // ---- Export: the chain as drawn now, as a self-contained SVG (and a PNG made from it).
  function exportSvg() {
    const box = canvas.getBoundingClientRect();
    const top = 56;
    const width = Math.ceil(canvas.scrollWidth);
    const height = Math.ceil(canvas.scrollHeight) + top;
    const out = svg('svg', { xmlns: SVG_NS, width, height, viewBox: `0 0 ${width} ${height}`, 'font-family': 'system-ui, sans-serif' });
    out.append(svg('rect', { x: 0, y: 0, width, height, fill: '#ffffff' }));
    const title = svg('text', { x: 8, y: 22, 'font-size': 16, 'font-weight': 700, fill: '#1b1f24' });
    title.textContent = `${chain.focus.name}: supply chain on ${chain.asOf}`;
    const sub = svg('text', { x: 8, y: 42, 'font-size': 12, fill: '#4a5360' });
    sub.textContent = route.steps.length ? `Highlighted: ${route.ids.map(nameOf).join(' → ')}` : 'No route highlighted';
    out.append(title, sub);
    const g = svg('g', { transform: `translate(0 ${top})` });
    const defs = lines.querySelector('defs')?.cloneNode(true);
    if (defs) g.append(defs);
    for (const p of lines.querySelectorAll('path.sc-rel')) {
      const cs = getComputedStyle(p);
      const copy = svg('path', { d: p.getAttribute('d'), fill: 'none', stroke: p.getAttribute('stroke'), 'stroke-dasharray': p.getAttribute('stroke-dasharray') || '', 'marker-end': p.getAttribute('marker-end'), 'stroke-width': cs.strokeWidth, opacity: cs.opacity });
      g.append(copy);
    }
    for (const t of overlay.querySelectorAll('text.sc-label')) {
      if (getComputedStyle(t).display === 'none') continue;
      const copy = svg('text', { x: t.getAttribute('x'), y: t.getAttribute('y'), 'text-anchor': 'middle', 'font-size': 10, fill: '#1b1f24' });
      copy.textContent = t.textContent;
      g.append(copy);
    }
    const rel = (el) => { const r = el.getBoundingClientRect(); return { x: r.left - box.left, y: r.top - box.top, w: r.width, h: r.height }; };
    for (const s of stageEls) {
      const r = rel(s.el.querySelector('.sc-stage-title'));
      const t = svg('text', { x: r.x, y: r.y + r.h - 6, 'font-size': 11, 'font-weight': 700, fill: '#4a5360' });
      t.textContent = `${humanize(s.c.stage).toUpperCase()} (${s.c.ids.length})`;
      g.append(t);
    }
    for (const [id, c] of cards) {
      if (c.li.hidden) continue;
      const r = rel(c.el);
      const isFocus = id === focusId;
      const onRoute = route.ids.includes(id);
      g.append(svg('rect', { x: r.x, y: r.y, width: r.w, height: r.h, rx: 5, fill: isFocus ? '#14213d' : '#ffffff', stroke: onRoute ? '#b8860b' : '#8c959f', 'stroke-width': onRoute ? 3 : 1 }));
      const maxChars = Math.max(4, Math.floor((r.w - 12) / 6.2));
      const name = nameOf(id);
      const t = svg('text', { x: r.x + 6, y: r.y + 16, 'font-size': 11, 'font-weight': 600, fill: isFocus ? '#ffffff' : '#1b1f24' });
      t.textContent = name.length > maxChars ? `${name.slice(0, maxChars - 1)}…` : name;
      g.append(t);
      if (restricted.has(id)) {
        const m = svg('text', { x: r.x + r.w - 14, y: r.y + r.h - 6, 'font-size': 11, fill: '#b3261e' });
        m.textContent = '⚠';
        const tt = svg('title');
        tt.textContent = `Restricted by ${restricted.get(id).map((x) => x.citation).join('; ')}`;
        m.append(tt);
        g.append(m);
      }
    }
    out.append(g);
    return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(out)}`;
  }

  async function exportPng() {
    exportStatus.textContent = 'Drawing the PNG…';
    try {
      const text = exportSvg();
      const img = new Image();
      img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
      await img.decode();
      const scale = 2;
      const c = document.createElement('canvas');
      c.width = img.naturalWidth * scale;
      c.height = img.naturalHeight * scale;
      const ctx = c.getContext('2d');
      ctx.scale(scale, scale);
      ctx.drawImage(img, 0, 0);
      const blob = await new Promise((done) => c.toBlob(done, 'image/png'));
      if (!blob) throw new Error('the canvas made no PNG');
      download(blob, 'image/png', 'png');
      exportStatus.textContent = 'PNG downloaded.';
    } catch (error) {
      exportStatus.textContent = `The PNG could not be drawn (${error.message}); download the SVG instead.`;
    }
  }

  function download(content, type, ext) {
    const blob = content instanceof Blob ? content : new Blob([content], { type });
    const url = URL.createObjectURL(blob);
    const a = h('a', { href: url, download: `supply-chain-${focusId}-${chain.asOf}.${ext}`, class: 'sr-only', tabindex: '-1' });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    if (ext === 'svg') exportStatus.textContent = 'SVG downloaded.';
  }

  function ruleToggle(r) {
    return h('button', { type: 'button', class: 'sc-rule', 'data-rule-toggle': r.id, 'aria-pressed': String(rule?.id === r.id), title: `${r.citation} — ${r.name}`, onclick: () => selectRuleInternal(r.id) },
      r.citation.length > 30 ? `${r.citation.slice(0, 29)}…` : r.citation);
  }

  const handle = {
    focusId, asOf: chain.asOf,
    applyControls, selectRule: selectRuleInternal, exportSvg,
    get route() { return route; },
  };
  current = handle;
  if (pendingControls) applyControls(pendingControls);
  return handle;
}

function legend(STATUSES) {
  return h('ul', { class: 'sc-legend', 'aria-label': 'Claim status of the arrows' }, STATUSES.map((s) => {
    const sw = svg('svg', { width: 36, height: 10, 'aria-hidden': 'true', focusable: 'false' });
    sw.append(svg('line', { x1: 1, y1: 5, x2: 35, y2: 5, stroke: STATUS_STYLE[s].color, 'stroke-width': 2.5, 'stroke-dasharray': STATUS_STYLE[s].dash }));
    return h('li', {}, sw, humanize(s));
  }), h('li', {}, h('span', { class: 'sc-swatch-route', 'aria-hidden': 'true' }), 'The route'), h('li', {}, h('span', { 'aria-hidden': 'true', class: 'sc-swatch-mark' }, '⚠'), 'Restricted by a rule in force'));
}

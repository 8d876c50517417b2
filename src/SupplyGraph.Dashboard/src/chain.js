// The supply chain as columns of stages with the relationships drawn between the cards (SVG).
import { h, clear, humanize } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';
const svg = (tag, attrs = {}) => {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
};

export const STATUS_STYLE = {
  CONFIRMED: { color: '#1a7f37', dash: '' },
  REPORTED: { color: '#0b5cad', dash: '7 4' },
  ALLEGED: { color: '#a14a00', dash: '2 4' },
  DISPUTED: { color: '#c0262d', dash: '10 4 2 4' },
};

function legend(STATUSES) {
  return h('ul', { class: 'legend', 'aria-label': 'Claim status of the lines' }, STATUSES.map((s) => {
    const sw = svg('svg', { width: 36, height: 10, 'aria-hidden': 'true', focusable: 'false' });
    sw.append(svg('line', { x1: 1, y1: 5, x2: 35, y2: 5, stroke: STATUS_STYLE[s].color, 'stroke-width': 2.5, 'stroke-dasharray': STATUS_STYLE[s].dash }));
    return h('li', {}, sw, humanize(s));
  }));
}

export function renderSupplyChain(host, chain, { STAGES, STATUSES, entityHref, statusBadge }) {
  const stages = chain.stages.filter((s) => s.entities.length)
    .sort((a, b) => STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage));
  const focusId = chain.focus.id;
  const cards = new Map(); // id -> [{el, col}]
  const columns = stages.map((s, col) => h('div', { class: 'stage', 'data-testid': `stage-${s.stage}`, role: 'group', 'aria-labelledby': `stage-h-${s.stage}` },
    h('h3', { id: `stage-h-${s.stage}`, class: 'stage-title' }, humanize(s.stage)),
    h('ul', { class: 'cards' }, s.entities.map((e) => {
      const card = h('a', {
        href: entityHref(e.id), 'data-link': true, class: `card kind-${e.kind}${e.id === focusId ? ' focus' : ''}`,
        'data-testid': 'entity-card', 'data-entity-id': e.id, 'aria-current': e.id === focusId ? 'page' : null,
      },
      h('span', { class: 'card-name' }, e.name),
      h('span', { class: 'card-meta' }, e.category ? humanize(e.category) : humanize(e.kind), e.country ? ` · ${e.country}` : ''));
      if (!cards.has(e.id)) cards.set(e.id, []);
      cards.get(e.id).push({ el: card, col });
      return h('li', {}, card);
    }))));
  const grid = h('div', { class: 'stages', style: `grid-template-columns: repeat(${Math.max(stages.length, 1)}, minmax(6.5rem, 1fr))` }, columns);
  const lines = svg('svg', { class: 'chain-lines', 'aria-hidden': 'true', focusable: 'false' });
  const wrap = h('div', { class: 'chain-wrap', tabindex: '0', role: 'region', 'aria-label': 'Supply chain stages (scrolls sideways)' }, lines, grid);

  const rels = chain.relationships.filter((r) => cards.has(r.from.id) && cards.has(r.to.id));
  const relList = h('details', { class: 'rel-list' },
    h('summary', {}, `The ${chain.relationships.length} relationships of this chain, as text`),
    h('ul', {}, chain.relationships.map((r) => h('li', {}, `${r.from.name} ${r.type} ${r.to.name} — `, statusBadge(r.status),
      r.validFrom || r.validTo ? ` (${r.validFrom || '…'} to ${r.validTo || 'open'})` : ''))));
  clear(host).append(
    h('p', { class: 'small' }, `${stages.reduce((n, s) => n + s.entities.length, 0)} entities in ${stages.length} stages on ${chain.asOf}; ${chain.relationships.length} relationships. Hover or focus a card to highlight its links.`),
    legend(STATUSES), wrap, relList);

  function draw() {
    if (!wrap.isConnected) return;
    while (lines.firstChild) lines.removeChild(lines.firstChild);
    const box = wrap.getBoundingClientRect();
    lines.setAttribute('width', wrap.scrollWidth);
    lines.setAttribute('height', wrap.scrollHeight);
    const defs = svg('defs');
    for (const s of STATUSES) {
      const m = svg('marker', { id: `arrow-${s}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' });
      m.append(svg('path', { d: 'M0,0 L10,5 L0,10 z', fill: STATUS_STYLE[s].color }));
      defs.append(m);
    }
    lines.append(defs);
    const pos = (el) => {
      const r = el.getBoundingClientRect();
      return { l: r.left - box.left + wrap.scrollLeft, r: r.right - box.left + wrap.scrollLeft, y: r.top - box.top + wrap.scrollTop + r.height / 2 };
    };
    for (const rel of rels) {
      let best = null;
      for (const a of cards.get(rel.from.id)) for (const b of cards.get(rel.to.id)) {
        const d = Math.abs(a.col - b.col) === 0 ? 100 : Math.abs(a.col - b.col);
        if (!best || d < best.d) best = { a, b, d };
      }
      const A = pos(best.a.el);
      const B = pos(best.b.el);
      let d;
      if (best.a.col < best.b.col) {
        const dx = Math.max(30, (B.l - A.r) / 2);
        d = `M${A.r},${A.y} C${A.r + dx},${A.y} ${B.l - dx},${B.y} ${B.l - 2},${B.y}`;
      } else if (best.a.col > best.b.col) {
        const dx = Math.max(30, (A.l - B.r) / 2);
        d = `M${A.l},${A.y} C${A.l - dx},${A.y} ${B.r + dx},${B.y} ${B.r + 2},${B.y}`;
      } else {
        d = `M${A.r},${A.y} C${A.r + 34},${A.y} ${B.r + 34},${B.y} ${B.r + 2},${B.y}`;
      }
      const st = STATUS_STYLE[rel.status] || STATUS_STYLE.CONFIRMED;
      lines.append(svg('path', {
        d, class: `rel rel-${rel.status}`, 'data-from': rel.from.id, 'data-to': rel.to.id, fill: 'none', stroke: st.color,
        'stroke-width': 1.6, 'stroke-dasharray': st.dash, 'marker-end': `url(#arrow-${rel.status})`,
      }));
    }
  }

  const highlight = (id) => {
    lines.classList.toggle('dim', !!id);
    for (const p of lines.querySelectorAll('path.rel')) p.classList.toggle('hl', !!id && (p.dataset.from === id || p.dataset.to === id));
  };
  grid.addEventListener('mouseover', (ev) => { const c = ev.target.closest('.card'); if (c) highlight(c.dataset.entityId); });
  grid.addEventListener('mouseleave', () => highlight(null));
  grid.addEventListener('focusin', (ev) => { const c = ev.target.closest('.card'); if (c) highlight(c.dataset.entityId); });
  grid.addEventListener('focusout', () => highlight(null));

  requestAnimationFrame(draw);
  if ('ResizeObserver' in window) {
    let pending = false;
    const ro = new ResizeObserver(() => {
      if (!wrap.isConnected) { ro.disconnect(); return; }
      if (pending) return;
      pending = true;
      requestAnimationFrame(() => { pending = false; draw(); });
    });
    ro.observe(grid);
  }
}

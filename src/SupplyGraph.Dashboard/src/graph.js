// The neighbourhood as a cytoscape graph with pan and zoom; loaded after the first paint.
import cytoscape from 'cytoscape';

const KIND_COLOR = { ACTOR: '#1f5fa8', CHIP: '#8a4b00', MODEL: '#6a3d9a', REGULATION: '#b3261e' };
const STATUS_COLOR = { CONFIRMED: '#1a7f37', REPORTED: '#0b5cad', ALLEGED: '#a14a00', DISPUTED: '#c0262d' };
const STATUS_LINE = { CONFIRMED: 'solid', REPORTED: 'dashed', ALLEGED: 'dotted', DISPUTED: 'dashed' };

// Expected cases (overlapping nodes while laying out) are not worth a console message.
if (typeof cytoscape.warnings === 'function') cytoscape.warnings(false);

export function renderGraph(container, nodes, edges, { focusId, open }) {
  const start = (i) => ({ x: 300 * Math.cos((2 * Math.PI * i) / nodes.length), y: 300 * Math.sin((2 * Math.PI * i) / nodes.length) });
  // Hops from the focus, either direction.
  const adjacent = new Map(nodes.map((n) => [n.id, []]));
  for (const e of edges) { adjacent.get(e.source)?.push(e.target); adjacent.get(e.target)?.push(e.source); }
  const level = new Map([[focusId, 0]]);
  for (let queue = [focusId]; queue.length;) {
    const next = [];
    for (const id of queue) for (const m of adjacent.get(id) || []) if (!level.has(m)) { level.set(m, level.get(id) + 1); next.push(m); }
    queue = next;
  }
  const cy = cytoscape({
    container,
    elements: [
      ...nodes.map((n, i) => ({ data: { id: n.id, label: n.name, kind: n.kind }, position: start(i), classes: n.id === focusId ? 'focus' : '' })),
      ...edges.map((e) => ({ data: { id: `e:${e.id}`, source: e.source, target: e.target, label: e.type, status: e.status } })),
    ],
    style: [
      { selector: 'node', style: {
        'background-color': (n) => KIND_COLOR[n.data('kind')] || '#555', label: 'data(label)', 'font-size': 10, color: '#1b1f24',
        'text-valign': 'bottom', 'text-margin-y': 3, width: 16, height: 16, 'text-background-color': '#ffffff', 'text-background-opacity': 0.8, 'text-background-padding': 1,
      } },
      { selector: 'node.focus', style: { width: 28, height: 28, 'border-width': 3, 'border-color': '#111', 'font-weight': 'bold', 'font-size': 12 } },
      { selector: 'edge', style: {
        width: 1.4, 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'arrow-scale': 0.8,
        'line-color': (e) => STATUS_COLOR[e.data('status')] || '#777', 'target-arrow-color': (e) => STATUS_COLOR[e.data('status')] || '#777',
        'line-style': (e) => STATUS_LINE[e.data('status')] || 'solid', opacity: 0.75,
      } },
      { selector: 'edge:selected, edge.hl', style: { label: 'data(label)', 'font-size': 8, opacity: 1, width: 2.5, 'text-rotation': 'autorotate', 'text-background-color': '#fff', 'text-background-opacity': 1 } },
    ],
    // Rings by distance from the focus: fast and deterministic (a force layout costs ~10x more on this size).
    layout: { name: 'concentric', animate: false, fit: true, padding: 24, minNodeSpacing: 34, spacingFactor: 1.1, startAngle: -Math.PI / 2,
      concentric: (n) => 100 - (level.get(n.id()) ?? 99), levelWidth: () => 1 },
    minZoom: 0.2,
    maxZoom: 4,
  });
  cy.on('mouseover', 'node', (ev) => ev.target.connectedEdges().addClass('hl'));
  cy.on('mouseout', 'node', (ev) => ev.target.connectedEdges().removeClass('hl'));
  cy.on('dbltap', 'node', (ev) => { if (ev.target.id() !== focusId) open(ev.target.id()); });
  return { destroy: () => cy.destroy(), fit: () => cy.fit(undefined, 20), cy };
}

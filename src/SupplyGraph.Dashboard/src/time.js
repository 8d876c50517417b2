// Time on an entity page: a timeline of the lab's dated facts, and compare mode "as of A vs as of B".
//
// Exports (the entity page wires them in; nothing here reads the URL or the page around it):
// - renderTimeline(container, { profile, controls, asOf }) draws the timeline into `container` (emptied first) and
//   returns the events drawn. `profile` is the data of QUERIES.profile ({ entity, profile: { asOf, relationships } });
//   `controls` the data of QUERIES.exportControls ({ exportControls: { hits } }) or null; `asOf` the page's day
//   (YYYY-MM-DD), marked on the timeline. Events: each relationship's start (validFrom) and end (validTo), each rule's
//   announced, effective and rescinded dates, the entity's own dates (release, announced, effective, rescinded).
//   Relationships without dates are counted, not placed.
// - renderCompare(container, { entity, from, to, ask, link, onChange }) draws compare mode: two day inputs and what
//   QUERIES.changes answers for them, what entered and what left the supply chain (each member with its stage), the
//   rules and the relationships. Resolves to { data, errors } once drawn; the container then carries
//   data-ready="true". `ask(query, variables)` defaults to api.js's gql; `link(entity)` makes an entity's link (default:
//   its name as text); `onChange({ from, to })` is told when the reader compares two other days.
// - timelineEvents(profile, controls) and changeRows(changes) are the pure parts (no DOM), for tests and other views.
//
// Every element a test reads has a data-testid: timeline, timeline-event (data-date, data-kind), timeline-as-of,
// compare, compare-from, compare-to, compare-submit, change-row (data-change, data-what, data-id, data-stage),
// compare-empty, compare-error.
import './time.css';
import { QUERIES } from './queries.js';
import { h, clear, append, nextId, humanize } from './dom.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The dated facts of a profile and of the rules that touch the entity, oldest first (ties: kind, then label). */
export function timelineEvents(profile, controls) {
  const events = [];
  const entity = profile?.entity;
  const add = (date, kind, label, extra = {}) => { if (date && DAY.test(date)) events.push({ date, kind, label, ...extra }); };
  if (entity) {
    add(entity.releaseDate, 'released', `${entity.name} released`, { id: entity.id });
    add(entity.announced, 'announced', `${entity.name} announced`, { id: entity.id });
    add(entity.effective, 'effective', `${entity.name} takes effect`, { id: entity.id });
    add(entity.rescinded, 'rescinded', `${entity.name} rescinded`, { id: entity.id });
  }
  let undated = 0;
  for (const relationship of profile?.profile?.relationships || []) {
    const label = `${relationship.from?.name ?? relationship.from?.id} ${humanize(relationship.type).toLowerCase()} ${relationship.to?.name ?? relationship.to?.id}`;
    if (!relationship.validFrom && !relationship.validTo) undated++;
    add(relationship.validFrom, 'start', `${label} starts`, { id: relationship.id, status: relationship.status });
    add(relationship.validTo, 'end', `${label} ends`, { id: relationship.id, status: relationship.status });
  }
  const rules = new Map();
  for (const hit of controls?.exportControls?.hits || []) rules.set(hit.regulation.id, hit.regulation);
  for (const rule of rules.values()) {
    const name = rule.citation ? `${rule.name} (${rule.citation})` : rule.name;
    add(rule.announced, 'rule-announced', `${name} announced`, { id: rule.id });
    add(rule.effective, 'rule-effective', `${name} takes effect`, { id: rule.id });
    add(rule.rescinded, 'rule-rescinded', `${name} rescinded`, { id: rule.id });
  }
  events.sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind) || a.label.localeCompare(b.label));
  events.undated = undated;
  return events;
}

/** The rows of a changes answer ({ entered, left }): entered first, then left; members, rules, relationships, each in the answer's order. */
export function changeRows(changes) {
  const rows = [];
  for (const change of ['entered', 'left']) {
    const side = changes?.[change];
    if (!side) continue;
    for (const member of side.entities) rows.push({ change, what: 'entity', id: member.entity.id, stage: member.stage, entity: member.entity });
    for (const rule of side.regulations) rows.push({ change, what: 'regulation', id: rule.id, regulation: rule });
    for (const relationship of side.relationships) rows.push({ change, what: 'relationship', id: relationship.id, relationship });
  }
  return rows;
}

const KIND_TEXT = {
  released: 'Released', announced: 'Announced', effective: 'Takes effect', rescinded: 'Rescinded',
  start: 'Starts', end: 'Ends', 'rule-announced': 'Rule announced', 'rule-effective': 'Rule takes effect', 'rule-rescinded': 'Rule rescinded',
};

export function renderTimeline(container, { profile, controls, asOf } = {}) {
  clear(container);
  const events = timelineEvents(profile, controls);
  const headingId = nextId('timeline-heading');
  const section = h('section', { class: 'sg-timeline', 'data-testid': 'timeline', 'aria-labelledby': headingId },
    h('h3', { id: headingId }, 'Timeline'),
    h('p', { class: 'small' }, events.length
      ? `${events.length} dated fact${events.length === 1 ? '' : 's'} of the relationships shown as of ${asOf || 'today'} and the rules that touch them.`
      : `No dated facts among the relationships shown as of ${asOf || 'today'}.`,
    events.undated ? ` ${events.undated} relationship${events.undated === 1 ? ' has' : 's have'} no dates.` : ''));
  if (events.length) {
    section.append(axis(events, asOf));
    // It scrolls when long: focusable, so a keyboard can scroll it too.
    const list = h('ol', { class: 'sg-timeline-list', tabindex: '0', 'aria-labelledby': headingId });
    let asOfShown = !asOf;
    for (const event of events) {
      if (!asOfShown && event.date > asOf) { list.append(asOfItem(asOf)); asOfShown = true; }
      list.append(h('li', { class: `sg-event sg-event-${event.kind}`, 'data-testid': 'timeline-event', 'data-date': event.date, 'data-kind': event.kind },
        h('time', { datetime: event.date }, event.date), ' ',
        h('span', { class: 'sg-event-kind' }, KIND_TEXT[event.kind] || event.kind), ': ',
        event.label,
        event.status && event.status !== 'CONFIRMED' ? h('span', { class: 'small' }, ` (${humanize(event.status).toLowerCase()})`) : null));
    }
    if (!asOfShown) list.append(asOfItem(asOf));
    section.append(list);
  }
  container.append(section);
  return events;
}

const asOfItem = (asOf) => h('li', { class: 'sg-event sg-event-as-of', 'data-testid': 'timeline-as-of', 'data-date': asOf },
  h('time', { datetime: asOf }, asOf), ' ', h('strong', {}, 'The page is as of this day'));

/** The events on one line from the first to the last year (decorative: the list says the same to every reader). */
function axis(events, asOf) {
  const first = Number(events[0].date.slice(0, 4));
  const last = Math.max(Number(events[events.length - 1].date.slice(0, 4)), asOf ? Number(asOf.slice(0, 4)) : 0) + 1;
  const at = (date) => {
    const [year, month, day] = date.split('-').map(Number);
    return `${(((year - first) + ((month - 1) * 31 + day - 1) / 372) / (last - first)) * 100}%`;
  };
  const line = h('div', { class: 'sg-axis', 'aria-hidden': 'true' });
  for (let year = first; year <= last; year++) line.append(h('span', { class: 'sg-axis-year', style: `left:${at(`${year}-01-01`)}` }, String(year)));
  for (const event of events) line.append(h('span', { class: `sg-axis-dot sg-event-${event.kind}`, style: `left:${at(event.date)}`, title: `${event.date}: ${event.label}` }));
  if (asOf && DAY.test(asOf)) line.append(h('span', { class: 'sg-axis-as-of', style: `left:${at(asOf)}`, title: `as of ${asOf}` }));
  return line;
}

const defaultAsk = async (query, variables) => (await import('./api.js')).gql(query, variables);
const nameOf = (entity) => entity.name || entity.id;

export async function renderCompare(container, { entity, from, to, ask = defaultAsk, link = nameOf, onChange = null } = {}) {
  clear(container);
  container.dataset.ready = 'false';
  const headingId = nextId('compare-heading');
  // Text in ISO form, as every date on the page is written: a date input would show the browser's locale (02/01/2026).
  const dayInput = (name, value) => h('input', {
    type: 'text', id: nextId(`compare-${name}`), value: value || '', required: true, pattern: '\\d{4}-\\d{2}-\\d{2}',
    placeholder: 'YYYY-MM-DD', inputmode: 'numeric', size: 10, autocomplete: 'off', 'data-testid': `compare-${name}`,
  });
  const fromInput = dayInput('from', from);
  const toInput = dayInput('to', to);
  const results = h('div', { class: 'sg-compare-results', 'aria-live': 'polite' });
  const form = h('form', { class: 'sg-compare-form' },
    h('label', { for: fromInput.id }, 'As of A (YYYY-MM-DD)'), fromInput,
    h('label', { for: toInput.id }, 'vs as of B'), toInput,
    h('button', { type: 'submit', 'data-testid': 'compare-submit' }, 'Compare'));
  container.append(h('section', { class: 'sg-compare', 'data-testid': 'compare', 'aria-labelledby': headingId },
    h('h3', { id: headingId }, 'What changed'), form, results));

  const show = async (a, b) => {
    container.dataset.ready = 'false';
    if (!DAY.test(a) || !DAY.test(b)) {
      clear(results).append(h('p', { class: 'sg-compare-error', role: 'alert', 'data-testid': 'compare-error' }, 'Write both days as YYYY-MM-DD, e.g. 2025-01-27.'));
      container.dataset.ready = 'true';
      return { data: null, errors: [{ message: 'Both days must be written as YYYY-MM-DD.', code: 'INVALID_ARGUMENT' }] };
    }
    clear(results).append(h('p', { class: 'small' }, 'Comparing…'));
    const answer = await ask(QUERIES.changes, { entity, from: a, to: b });
    clear(results);
    if (answer.errors?.length || !answer.data?.changes) {
      results.append(h('p', { class: 'sg-compare-error', role: 'alert', 'data-testid': 'compare-error' },
        (answer.errors || []).map((e) => e.message).join(' ') || 'No answer.'));
    } else {
      results.append(...drawChanges(answer.data.changes, link));
    }
    container.dataset.ready = 'true';
    return answer;
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    onChange?.({ from: fromInput.value, to: toInput.value });
    show(fromInput.value, toInput.value);
  });
  if (!from || !to) {
    container.dataset.ready = 'true';
    return { data: null, errors: [] };
  }
  return show(from, to);
}

function drawChanges(changes, link) {
  const rows = changeRows(changes);
  const out = [h('p', {}, `As of ${changes.from} vs as of ${changes.to}: `,
    `${count(rows, 'entered')} entered, ${count(rows, 'left')} left.`,
    changes.partial ? h('strong', {}, ' Partial: a limit cut one of the answers compared.') : null)];
  if (!rows.length) {
    out.push(h('p', { 'data-testid': 'compare-empty' }, 'Nothing entered or left the supply chain or the rules between these days.'));
    return out;
  }
  const columns = h('div', { class: 'sg-compare-columns' });
  for (const [change, title] of [['entered', `Entered (in the answer as of ${changes.to}, not as of ${changes.from})`], ['left', `Left (in the answer as of ${changes.from}, not as of ${changes.to})`]]) {
    const mine = rows.filter((row) => row.change === change);
    const headingId = nextId(`compare-${change}`);
    const column = h('section', { class: `sg-compare-side sg-${change}`, 'aria-labelledby': headingId }, h('h4', { id: headingId }, title));
    if (!mine.length) column.append(h('p', { class: 'small' }, 'Nothing.'));
    for (const [what, caption] of [['entity', 'Supply chain'], ['regulation', 'Export rules'], ['relationship', 'Relationships']]) {
      const items = mine.filter((row) => row.what === what);
      if (!items.length) continue;
      column.append(h('h5', {}, `${caption} (${items.length})`));
      column.append(append(h('ul', { class: 'sg-change-list' }), items.map((row) => h('li', {
        'data-testid': 'change-row', 'data-change': row.change, 'data-what': row.what, 'data-id': row.id, 'data-stage': row.stage || null,
      }, describe(row, link)))));
    }
    columns.append(column);
  }
  out.push(columns);
  return out;
}

const count = (rows, change) => rows.filter((row) => row.change === change).length;

function describe(row, link) {
  if (row.what === 'entity') return [h('span', { class: 'sg-stage' }, humanize(row.stage)), ' ', link(row.entity)];
  if (row.what === 'regulation') {
    const rule = row.regulation;
    return [link({ ...rule, kind: 'REGULATION' }), rule.citation ? ` (${rule.citation})` : '', rule.effective ? [', effective ', h('time', { datetime: rule.effective }, rule.effective)] : ''];
  }
  const r = row.relationship;
  const notes = [
    r.validFrom ? ['from ', h('time', { datetime: r.validFrom }, r.validFrom)] : null,
    r.validTo ? ['to ', h('time', { datetime: r.validTo }, r.validTo)] : null,
    r.status && r.status !== 'CONFIRMED' ? humanize(r.status).toLowerCase() : null,
  ].filter(Boolean);
  return [link(r.from), ` ${humanize(r.type).toLowerCase()} `, link(r.to), notes.length ? [' (', notes.map((note, i) => [i ? ', ' : '', note]), ')'] : ''];
}

// Tiny DOM helpers.
export function h(tag, attrs = {}, ...children) {
  const el = document.createElementNS(
    tag === 'svg' || tag === 'path' || tag === 'marker' || tag === 'line' || tag === 'defs' ? 'http://www.w3.org/2000/svg' : 'http://www.w3.org/1999/xhtml',
    tag,
  );
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.setAttribute('class', v);
    else if (k === 'text') el.textContent = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

let uid = 0;
export const nextId = (prefix) => `${prefix}-${++uid}`;

/** Local calendar day YYYY-MM-DD. */
export function today() {
  const d = new Date();
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/**
 * A whole number with comma thousands separators (1,234,567), as toLocaleString('en') writes it, without its cost: the
 * first toLocaleString call loads the locale's data, a hundred milliseconds and more on a slow machine.
 */
export const grouped = (n) => {
  const text = String(n);
  return /^-?\d+$/.test(text) ? text.replace(/\B(?=(\d{3})+$)/g, ',') : text;
};

export const humanize = (s) => String(s || '').toLowerCase().replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase()).replace(/\bai\b/gi, 'AI');

// ---------- Export: every table and answer as CSV and JSON ----------
const csvCell = (v) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
/** RFC 4180 CSV: a header line, then one line per row (CRLF, as spreadsheets expect). */
export const toCsv = (columns, rows) => [columns.map((c) => csvCell(c.label)), ...rows.map((r) => columns.map((c) => csvCell(r[c.key])))]
  .map((line) => line.join(',')).join('\r\n') + '\r\n';

/** A file name from a title: lower case, dashes. */
export const fileSlug = (s) => String(s).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80) || 'supplygraph';

function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: name, class: 'offscreen', tabindex: '-1', 'aria-hidden': 'true' });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * "CSV" and "JSON" download buttons. csv() returns {columns, rows} (the rows exactly as a table shows them);
 * json() the answer as the API gave it (or the same rows when there is nothing richer).
 */
export function exportButtons(what, { csv, json }) {
  const slug = fileSlug(what);
  return h('span', { class: 'export', role: 'group', 'aria-label': `Export ${what}` },
    csv ? h('button', { type: 'button', class: 'export-button', 'data-testid': 'export-csv', 'aria-label': `Download ${what} as CSV`,
      onclick: () => { const { columns, rows } = csv(); download(`${slug}.csv`, 'text/csv;charset=utf-8', toCsv(columns, rows)); } }, 'CSV') : null,
    h('button', { type: 'button', class: 'export-button', 'data-testid': 'export-json', 'aria-label': `Download ${what} as JSON`,
      onclick: () => download(`${slug}.json`, 'application/json', `${JSON.stringify(json(), null, 2)}\n`) }, 'JSON'));
}

/**
 * A table of plain rows with its export buttons: columns [{key, label, cell?(row) → Node|string}], rows [{key: text}].
 * The CSV holds each column's text value (row[key]); cell() only decorates it (a link), so the file equals the table.
 */
export function dataTable({ caption, columns, rows, json, testid = 'data-table', className = '' }) {
  const table = h('table', { class: `rels data ${className}`, 'data-testid': testid },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col', class: c.numeric ? 'num' : null }, c.label)))),
    h('tbody', {}, rows.map((r) => h('tr', {}, columns.map((c) => h('td', { class: c.numeric ? 'num' : null, 'data-col': c.key },
      c.cell ? c.cell(r) : (r[c.key] ?? '')))))));
  return h('div', { class: 'table-block' },
    h('div', { class: 'table-tools' }, exportButtons(caption, { csv: () => ({ columns, rows }), json: json || (() => rows) })),
    h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption }, table));
}

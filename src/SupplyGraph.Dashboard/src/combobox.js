// An accessible search combobox (ARIA 1.2 list autocomplete): GraphQL search as the user types, debounced.
import { gql } from './api.js';
import { QUERIES } from './queries.js';
import { h, clear, nextId, humanize } from './dom.js';

/**
 * @param {object} o
 * @param {string} o.label visible label
 * @param {string} [o.testid] data-testid of the input
 * @param {(entity) => void} o.onChoose
 * @param {(text: string) => void} [o.onNoMatch]
 * @param {(query, variables) => void} [o.onQuery] called with each search sent
 * @param {string[]} [o.kinds]
 */
export function combobox({ label, testid = 'search-input', onChoose, onNoMatch, onQuery, kinds = null, placeholder = 'DeepSeek, H800, TSMC, BIS…', value = '', className = '' }) {
  const id = nextId('combo');
  const listId = `${id}-list`;
  const input = h('input', {
    id, type: 'text', role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': listId,
    autocomplete: 'off', spellcheck: 'false', 'data-testid': testid, placeholder, value,
  });
  const list = h('ul', { id: listId, role: 'listbox', 'aria-label': `${label}: suggestions`, class: 'combo-list', hidden: true });
  const status = h('p', { class: 'sr-only', 'aria-live': 'polite' });
  const root = h('div', { class: `combo ${className}` },
    h('label', { for: id, class: 'combo-label' }, label),
    h('div', { class: 'combo-box' }, input, list),
    status);

  let results = [];
  let active = -1;
  let seq = 0;
  let shownSeq = 0;
  let timer = null;
  let pending = null;
  let suppressOpen = false;

  const options = () => [...list.querySelectorAll('[role="option"]')];

  function open() {
    if (!results.length) return close();
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  }
  function close() {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
    for (const o of options()) o.setAttribute('aria-selected', 'false');
  }
  function setActive(i, focusOption = false) {
    const opts = options();
    if (!opts.length) return;
    active = (i + opts.length) % opts.length;
    opts.forEach((o, j) => o.setAttribute('aria-selected', j === active ? 'true' : 'false'));
    input.setAttribute('aria-activedescendant', opts[active].id);
    opts[active].scrollIntoView({ block: 'nearest' });
    if (focusOption) opts[active].focus();
  }

  function aliasHit(entity, text) {
    const t = text.trim().toLowerCase();
    if (!t || entity.name.toLowerCase().includes(t)) return null;
    return entity.aliases.find((a) => a.toLowerCase().includes(t)) || null;
  }

  function render(text) {
    clear(list);
    results.forEach((e, i) => {
      const alias = aliasHit(e, text);
      const opt = h('li', {
        id: `${id}-opt-${i}`, role: 'option', 'aria-selected': 'false', tabindex: '-1', 'data-testid': 'search-option',
        'data-entity-id': e.id, class: 'combo-option',
        onmousedown: (ev) => ev.preventDefault(),
        onclick: () => choose(e),
        onkeydown: (ev) => optionKey(ev, i),
      },
      h('span', { class: 'opt-name' }, e.name),
      h('span', { class: `kind kind-${e.kind}` }, humanize(e.kind)),
      alias ? h('span', { class: 'opt-alias' }, `also “${alias}”`) : null,
      e.country ? h('span', { class: 'opt-country' }, e.country) : null);
      list.append(opt);
    });
    // Options are reachable with Tab from the input as well as with the arrows.
    options().forEach((o) => o.setAttribute('tabindex', '0'));
    status.textContent = text.trim() ? `${results.length} suggestion${results.length === 1 ? '' : 's'}` : '';
  }

  async function search(text) {
    const my = ++seq;
    const variables = { text: text.trim(), first: 8 };
    if (kinds) variables.kinds = kinds;
    onQuery?.(QUERIES.search, variables);
    const { data, errors } = await gql(QUERIES.search, variables);
    if (my < shownSeq) return results;
    shownSeq = my;
    if (errors.length) {
      window.dispatchEvent(new CustomEvent('sg-errors', { detail: { section: 'Search', errors } }));
    }
    results = data?.search || [];
    if (input.value.trim() === text.trim()) {
      render(text);
      if (document.activeElement === input || root.contains(document.activeElement)) open();
    }
    return results;
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const text = input.value;
    if (!text.trim()) { results = []; clear(list); close(); pending = null; return; }
    pending = new Promise((resolve) => { timer = setTimeout(() => resolve(search(text)), 150); });
  });

  async function best() {
    const text = input.value.trim();
    if (!text) return;
    clearTimeout(timer);
    const found = results.length && list.firstChild ? results : await search(text);
    if (found.length) choose(found[0]);
    else onNoMatch?.(text);
  }

  function choose(entity) {
    input.value = entity.name;
    close();
    onChoose(entity);
  }

  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown') {
      ev.preventDefault();
      if (list.hidden) open();
      setActive(active + 1);
    } else if (ev.key === 'ArrowUp') {
      ev.preventDefault();
      if (list.hidden) open();
      setActive(active - 1);
    } else if (ev.key === 'Enter') {
      ev.preventDefault();
      if (!list.hidden && active >= 0 && results[active]) choose(results[active]);
      else best();
    } else if (ev.key === 'Escape') {
      if (!list.hidden) { ev.preventDefault(); close(); } else if (input.value) { input.value = ''; results = []; clear(list); }
    }
  });
  input.addEventListener('focus', () => {
    if (suppressOpen) { suppressOpen = false; return; }
    if (results.length && input.value.trim()) open();
  });

  function optionKey(ev, i) {
    if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); choose(results[i]); }
    else if (ev.key === 'ArrowDown') { ev.preventDefault(); setActive(i + 1, true); }
    else if (ev.key === 'ArrowUp') {
      ev.preventDefault();
      if (i === 0) { suppressOpen = true; input.focus(); active = -1; input.removeAttribute('aria-activedescendant'); options().forEach((o) => o.setAttribute('aria-selected', 'false')); }
      else setActive(i - 1, true);
    } else if (ev.key === 'Escape') { ev.preventDefault(); close(); suppressOpen = true; input.focus(); }
  }

  root.addEventListener('focusout', () => {
    setTimeout(() => { if (!root.contains(document.activeElement)) close(); }, 0);
  });

  return { root, input, close };
}

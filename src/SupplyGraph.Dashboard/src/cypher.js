// "Copy as Cypher": the query files of cypher/queries with their :param example lines filled in for this page.
import supplyChain from '../../../cypher/queries/supply-chain.cypher';
import exportControls from '../../../cypher/queries/export-controls.cypher';
import exposure from '../../../cypher/queries/exposure.cypher';
import paths from '../../../cypher/queries/paths.cypher';
import entityProfile from '../../../cypher/queries/entity-profile.cypher';
import search from '../../../cypher/queries/search.cypher';

export const FILES = {
  'supply-chain.cypher': supplyChain,
  'export-controls.cypher': exportControls,
  'exposure.cypher': exposure,
  'paths.cypher': paths,
  'entity-profile.cypher': entityProfile,
  'search.cypher': search,
};

/** A Cypher string literal. */
export const str = (s) => `'${String(s).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
/** A Cypher date. */
export const date = (d) => `date(${str(d)})`;
/** A Cypher list of literals already written as Cypher. */
export const list = (items) => `[${items.join(', ')}]`;
/** A Cypher integer. */
export const int = (n) => String(Math.trunc(Number(n)));

// The hop limit the service walks with when a question names none (QueryLimits.DefaultMaxHops); the dashboard's
// questions name none, so the copied Cypher walks as far as the answer on the page.
export const DEFAULT_MAX_HOPS = 8;

// A Federal Register citation however written ("88fr73458", "88 F.R. 73458"), as ReferenceKeys reads it in the service.
const FEDERAL_REGISTER = /^([0-9]{1,3})[ \t]*(?:F\.?[ \t]*R\.?|Fed\.?[ \t]*Reg\.?)[ \t]*([0-9]{1,6})$/i;

/** A search text's keys as the service makes them: upper-cased, and a Federal Register citation also as '88 FR 73458'. */
export function searchKeys(text) {
  const trimmed = String(text).trim();
  const key = trimmed.toUpperCase();
  const m = FEDERAL_REGISTER.exec(trimmed);
  const normal = m ? `${Number(m[1])} FR ${Number(m[2])}` : null;
  return normal && normal !== key ? [key, normal] : [key];
}

// Labels as stored in the graph (the search file filters on entity.kind with these names).
const KIND_LABEL = { ACTOR: 'Actor', CHIP: 'Chip', MODEL: 'Model', REGULATION: 'Regulation' };

/**
 * Fills a query file: every `// :param name => example` line is replaced by the value given for name (written as
 * Cypher) and emitted uncommented before the query, ready for Neo4j Browser. Parameters not given keep the file's
 * example value. Returns the text.
 */
export function fill(file, values) {
  const text = FILES[file];
  if (!text) throw new Error(`No Cypher file ${file}`);
  const header = [];
  const params = [];
  const body = [];
  let inBody = false;
  for (const line of text.replace(/\r\n/g, '\n').split('\n')) {
    const m = /^\/\/\s*:param\s+(\w+)\s*=>\s*(.*)$/.exec(line);
    if (m) {
      const [, name, example] = m;
      // Drop a trailing explanation such as "   (the text trimmed and upper-cased, as the service does)".
      const fallback = example.replace(/\s{2,}\(.*\)\s*$/, '').trim();
      params.push(`:param ${name} => ${name in values ? values[name] : fallback};`);
      continue;
    }
    if (!inBody && (line.startsWith('//') || line.trim() === '')) {
      if (line.trim() !== '//' || header.length === 0 || header[header.length - 1].trim() !== '//') header.push(line);
      continue;
    }
    inBody = true;
    body.push(line);
  }
  while (header.length && (header[header.length - 1].trim() === '' || header[header.length - 1].trim() === '//')) header.pop();
  const query = body.join('\n').trim();
  return `${header.join('\n')}\n// Parameters for this page (Neo4j Browser):\n${params.join('\n')}\n\n${query}\n`;
}

/** The Cypher of each dashboard section, for the page's entity and day. */
export const cypherFor = {
  profile: ({ id, asOf }) => fill('entity-profile.cypher', { id: str(id), asOf: date(asOf) }),
  supplyChain: ({ id, asOf, maxHops = DEFAULT_MAX_HOPS }) => fill('supply-chain.cypher', {
    id: str(id), asOf: date(asOf), maxHops: int(maxHops),
  }),
  exportControls: ({ id, asOf, maxHops = DEFAULT_MAX_HOPS }) => fill('export-controls.cypher', {
    id: str(id), asOf: date(asOf), maxHops: int(maxHops),
  }),
  exposure: ({ id, asOf, maxHops = DEFAULT_MAX_HOPS }) => fill('exposure.cypher', {
    id: str(id), asOf: date(asOf), maxHops: int(maxHops),
  }),
  // Before a second entity is chosen, `to` keeps the file's example.
  paths: ({ from, to, asOf, types, maxHops = DEFAULT_MAX_HOPS }) => fill('paths.cypher', {
    from: str(from), ...(to ? { to: str(to) } : {}), asOf: date(asOf), maxHops: int(maxHops),
    types: types && types.length ? list(types.map(str)) : 'null',
  }),
  search: ({ text, kinds }) => fill('search.cypher', {
    keys: list(searchKeys(text).map(str)),
    kinds: kinds && kinds.length ? list(kinds.map((k) => str(KIND_LABEL[k] || k))) : 'null',
    limit: '2000',
  }),
};

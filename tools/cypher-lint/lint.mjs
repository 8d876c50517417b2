#!/usr/bin/env node
// cypher-lint: checks .cypher files with Neo4j's own Cypher parser and semantic analysis
// (@neo4j-cypher/language-support), against the graph schema in dbschema.json. Offline.
//
//   node tools/cypher-lint/lint.mjs --schema cypher/lint/dbschema.json cypher [more files or folders]
//
// One test per statement. Prints every diagnostic as `path:line:column: severity: message [kind]`,
// a line per file, and closes with `cypher-lint: N passed, N failed`.
// Exit 0: every statement passed; 1: some statement failed; 2: bad usage, unreadable schema, missing path.
// README.md says which diagnostic kinds fail: every error, and every warning but cartesian-product.

import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const USAGE = 'usage: node tools/cypher-lint/lint.mjs --schema <dbschema.json> <file-or-folder>...';
const DEFAULT_LANGUAGE = 'CYPHER 5'; // Neo4j 5.26, the server SupplyGraph talks to, defaults to Cypher 5.
const BUILTIN_PROCEDURE_PREFIXES = ['db.', 'dbms.', 'tx.', 'cdc.']; // Neo4j's own; not apoc.*, gds.*, genai.*

class UsageError extends Error {}

// ---------------------------------------------------------------------------------------------
// The package. Its public API (lintCypherQuery, testData) plus, for the write-clause and DDL
// schema checks the package does not make, its parser internals, reached next to its entry file.
// The version is pinned exactly in package.json; the self-test fails if these move.
async function loadLanguageSupport() {
  const api = await import('@neo4j-cypher/language-support');
  const entry = import.meta.resolve('@neo4j-cypher/language-support');
  const service = await import(new URL('./cypherLanguageService.js', entry).href);
  const helpers = await import(new URL('./helpers.js', entry).href);
  const parser = await import(new URL('./generated-parser/CypherCmdParser.js', entry).href);
  for (const [name, value] of Object.entries({
    lintCypherQuery: api.lintCypherQuery,
    testData: api.testData?.mockSchema?.functions,
    createParsingResult: service.createParsingResult,
    inNodeLabel: helpers.inNodeLabel,
    PropertyKeyNameContext: parser.PropertyKeyNameContext,
  })) {
    if (!value) throw new Error(`@neo4j-cypher/language-support no longer provides ${name}`);
  }
  return { api, service, helpers, parser };
}

// ---------------------------------------------------------------------------------------------
// dbschema.json -> the package's DbSchema.
export function builtinCallables(testData) {
  // The package ships the function and procedure signatures of a real Neo4j server (SHOW FUNCTIONS /
  // SHOW PROCEDURES, per Cypher version) as testData.mockSchema. Only Neo4j's built-ins are kept:
  // functions flagged isBuiltIn, procedures under db./dbms./tx./cdc. (no APOC, no GDS).
  const mock = testData.mockSchema;
  const functions = {};
  const procedures = {};
  for (const version of Object.keys(mock.functions ?? {})) {
    functions[version] = Object.fromEntries(
      Object.entries(mock.functions[version]).filter(([, fn]) => fn.isBuiltIn === true));
  }
  for (const version of Object.keys(mock.procedures ?? {})) {
    procedures[version] = Object.fromEntries(
      Object.entries(mock.procedures[version]).filter(([name]) =>
        BUILTIN_PROCEDURE_PREFIXES.some((p) => name.startsWith(p))));
  }
  for (const must of ['coalesce', 'date', 'toLower', 'count']) {
    if (!functions[DEFAULT_LANGUAGE]?.[must]) {
      throw new Error(`the package's built-in function list lacks ${must}() for ${DEFAULT_LANGUAGE}`);
    }
  }
  return { functions, procedures };
}

export function toDbSchema(json, builtins) {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new UsageError('the schema must be a JSON object');
  }
  const stringList = (key, required) => {
    const value = json[key];
    if (value === undefined && !required) return undefined;
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
      throw new UsageError(`the schema's "${key}" must be a list of strings`);
    }
    return [...new Set(value)];
  };
  const parameters = json.parameters ?? {};
  if (typeof parameters !== 'object' || Array.isArray(parameters) || parameters === null) {
    throw new UsageError('the schema\'s "parameters" must be an object of name: sample value');
  }
  const schema = {
    labels: stringList('labels', true),
    relationshipTypes: stringList('relationshipTypes', true),
    propertyKeys: stringList('propertyKeys', true),
    parameters,
    functions: builtins.functions,
    procedures: builtins.procedures,
    databaseNames: stringList('databaseNames', false) ?? ['neo4j', 'system'],
    aliasNames: stringList('aliasNames', false) ?? [],
    userNames: [],
    roleNames: [],
    defaultLanguage: json.defaultLanguage ?? DEFAULT_LANGUAGE,
  };
  if (!Object.keys(builtins.functions).includes(schema.defaultLanguage)) {
    throw new UsageError(`the schema's "defaultLanguage" must be one of ${Object.keys(builtins.functions).join(', ')}`);
  }
  if (json.graphSchema !== undefined) schema.graphSchema = json.graphSchema; // optional (from, relType, to) list
  return schema;
}

// ---------------------------------------------------------------------------------------------
// Kinds. Every diagnostic gets one; README.md lists them.
const UNKNOWN_NAME_KINDS = new Set([
  'unknown-label', 'unknown-relationship-type', 'unknown-label-or-relationship-type', 'unknown-property']);

function kindOf(d) {
  const m = d.message;
  if (/^Label or relationship type .* is not present in the database/.test(m)) return 'unknown-label-or-relationship-type';
  if (/^Label .* is not present in the database/.test(m)) return 'unknown-label';
  if (/^Relationship type .* is not present in the database/.test(m)) return 'unknown-relationship-type';
  if (/^Function .* is not present in the database/.test(m)) return 'unknown-function';
  if (/^Procedure .* is not present in the database/.test(m)) return 'unknown-procedure';
  if (/^\S+ is not present in the database/.test(m)) return 'unknown-property';
  if (/^Parameter \$.* is not defined\.$/.test(m)) return 'unknown-parameter';
  if (/^Console commands are unsupported/.test(m)) return 'console-command';
  if (d.tags?.includes(2) || /deprecated/i.test(m)) return 'deprecated';
  if (/cartesian product/i.test(m)) return 'cartesian-product';
  if (/shortest path with an unbounded pattern|pattern is unbounded/i.test(m)) return 'unbounded-path';
  if (/shadow/i.test(m)) return 'shadowing';
  if (/referenced more than once|repeated/i.test(m)) return 'repeated-relationship';
  if (d.severity === 1) {
    return /^(Invalid input|Mismatched input|Missing|Extraneous input|Expected |Query cannot conclude|Unexpected end|Failed to parse)/.test(m)
      ? 'syntax-error' : 'semantic-error';
  }
  return d.severity === 2 ? 'warning' : 'info';
}

const SEVERITY = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };
// Warning kinds that are printed but do not fail the statement (README.md says why).
const ALLOWED_WARNING_KINDS = new Set(['cartesian-product']);
// Errors fail, and so do warnings but the allowed kinds; info and hint (none are known to be emitted)
// are printed only.
const fails = (d) => d.severity === 1 || (d.severity === 2 && !ALLOWED_WARNING_KINDS.has(kindOf(d)));

// ---------------------------------------------------------------------------------------------
// Schema checks the package leaves out: it checks labels and property keys only in read clauses
// (MATCH/WITH/RETURN), and skips every property key that the statement also writes. Here every
// label, relationship type and property key of a node or relationship is checked, in any clause,
// including CREATE/MERGE/SET/REMOVE and CREATE CONSTRAINT/INDEX.
function unknownNames(statement, symbolTable, schema, lib) {
  const P = lib.parser;
  const { inNodeLabel, inRelationshipType } = lib.helpers;
  const labels = new Set(schema.labels);
  const relTypes = new Set(schema.relationshipTypes);
  const propertyKeys = new Set(schema.propertyKeys);
  const found = [];
  const seen = new Set();

  const unquote = (text) =>
    text.length >= 2 && text.startsWith('`') && text.endsWith('`') ? text.slice(1, -1).replace(/``/g, '`') : text;
  const isA = (node, ...classes) => classes.some((c) => c && node instanceof c);
  const diag = (ctx, message) => {
    if (seen.has(ctx.start.start)) return;
    seen.add(ctx.start.start);
    const rawText = ctx.getText();
    found.push({
      severity: 2,
      message,
      range: {
        start: { line: ctx.start.line - 1, character: ctx.start.column },
        end: { line: ctx.start.line - 1, character: ctx.start.column + rawText.length },
      },
      offsets: { start: ctx.start.start, end: ctx.stop.stop + 1 },
    });
  };
  const suffix = " is not present in the database. Make sure you didn't misspell it or that it is available when you run this statement in your application";
  const checkName = (nameCtx, kind) => {
    if (!nameCtx) return;
    const name = unquote(nameCtx.getText());
    if (kind === 'node' && !labels.has(name)) diag(nameCtx, `Label ${name}${suffix}`);
    else if (kind === 'rel' && !relTypes.has(name)) diag(nameCtx, `Relationship type ${name}${suffix}`);
    else if (kind === 'either' && !labels.has(name) && !relTypes.has(name)) {
      diag(nameCtx, `Label or relationship type ${name}${suffix}`);
    }
  };
  const namesUnder = (ctx) => (ctx.children ?? []).filter((c) => c instanceof P.SymbolicNameStringContext);

  // Is this variable (a VariableContext) bound to nodes or relationships only?
  const isGraphVariable = (varCtx) => {
    if (!varCtx) return false;
    const at = varCtx.start.start;
    const name = unquote(varCtx.getText());
    const symbol = symbolTable.find((s) => s.definitionPosition === at || s.references.includes(at))
      ?? symbolTable.find((s) => s.variable === name);
    return Boolean(symbol && symbol.types.length > 0 &&
      symbol.types.every((t) => t === 'Node' || t === 'Relationship'));
  };
  const checkProperty = (keyCtx) => {
    const name = unquote(keyCtx.getText());
    if (!propertyKeys.has(name)) diag(keyCtx, `${name}${suffix}`);
  };

  const visit = (ctx) => {
    if (isA(ctx, P.LabelNameContext)) {
      checkName(ctx.symbolicNameString(), inNodeLabel(ctx) ? 'node' : inRelationshipType(ctx) ? 'rel' : 'either');
    } else if (isA(ctx, P.LabelTypeContext)) {
      checkName(ctx.symbolicNameString(), 'node');
    } else if (isA(ctx, P.RelTypeContext)) {
      checkName(ctx.symbolicNameString(), 'rel');
    } else if (isA(ctx, P.LabelOrRelTypeContext)) {
      checkName(ctx.symbolicNameString(), 'either');
    } else if (isA(ctx, P.InsertNodeLabelExpressionContext, P.MultiLabelNodePatternContext, P.NodeLabelsIsContext)) {
      namesUnder(ctx).forEach((n) => checkName(n, 'node'));
    } else if (isA(ctx, P.InsertRelationshipLabelExpressionContext, P.MultiRelTypeRelPatternContext)) {
      namesUnder(ctx).forEach((n) => checkName(n, 'rel'));
    } else if (isA(ctx, P.PropertyKeyNameContext)) {
      visitPropertyKey(ctx);
    }
    for (const child of ctx.children ?? []) visit(child);
  };

  const visitPropertyKey = (key) => {
    const parent = key.parent;
    if (isA(parent, P.PropertyContext)) {
      const holder = parent.parent;
      if (isA(holder, P.PropertyListContext, P.EnclosedPropertyListContext)) {
        checkProperty(key); // CREATE CONSTRAINT/INDEX ... (n.key)
      } else if (isA(holder, P.MapProjectionElementContext)) {
        if (isGraphVariable(holder.parent?.variable?.())) checkProperty(key); // n {.key}
      } else if (isA(holder, P.PropertyPostfixContext) && isA(holder.parent, P.Expression2Context)) {
        const e2 = holder.parent;
        const firstPostfix = (e2.children ?? []).find((c) => c instanceof P.PostFixContext);
        if (firstPostfix === holder && isGraphVariable(e2.expression1()?.variable?.())) checkProperty(key); // n.key
      }
    } else if (isA(parent, P.MapContext)) {
      const holder = parent.parent;
      if (isA(holder, P.PropertiesContext, P.InsertNodePatternContext, P.InsertRelationshipPatternContext)) {
        checkProperty(key); // (n:Label {key: ...}), [r:TYPE {key: ...}]
        return;
      }
      // SET n = {key: ...} / SET n += {key: ...}: climb the single-child expression wrappers.
      let node = parent;
      while (node.parent && !isA(node.parent, P.SetPropsContext, P.AddPropContext) && node.parent.getChildCount() === 1) {
        node = node.parent;
      }
      if (isA(node.parent, P.SetPropsContext, P.AddPropContext) && isGraphVariable(node.parent.variable())) {
        checkProperty(key);
      }
    }
  };

  visit(statement.ctx);
  return found;
}

// ---------------------------------------------------------------------------------------------
// One file: lint it whole (the package splits statements on `;` outside strings and comments),
// then attribute each diagnostic to its statement.
function lintText(text, schema, lib) {
  const options = { consoleCommandsEnabled: false }; // `:param` outside a comment is not Cypher
  const { diagnostics, symbolTables } = lib.api.lintCypherQuery(text, schema, options);
  const parsed = lib.service.createParsingResult(text, options).statementsParsing;

  // A chunk with nothing but whitespace and comments (say, a comment after the last `;`) is no
  // statement; the package still reports "Expected any of CYPHER, EXPLAIN, PROFILE or a statement"
  // for it when it holds a comment, which is dropped. A lone `;` is an empty statement, and fails.
  const chunks = parsed.map((s, i) => {
    const significant = s.tokens.filter((t) => t.channel === 0 && t.type !== -1);
    return {
      chunkStart: s.tokens[0]?.start ?? 0,
      empty: significant.length === 0,
      diagnostics: [],
      extra: s.syntaxErrors.length === 0 && s.command.type === 'cypher' && significant.length > 0
        ? unknownNames(s, symbolTables[i] ?? [], schema, lib) : [],
    };
  });
  if (chunks.length === 0) chunks.push({ chunkStart: 0, empty: true, diagnostics: [], extra: [] });
  const owner = (offset) => {
    let found = chunks[0];
    for (const c of chunks) if (c.chunkStart <= offset) found = c;
    return found;
  };
  for (const d of diagnostics) owner(d.offsets?.start ?? 0).diagnostics.push(d);
  const statements = chunks.filter((c) => {
    if (!c.empty) return true;
    c.diagnostics = c.diagnostics.filter((d) => !d.message.startsWith('Expected any of CYPHER, EXPLAIN, PROFILE or a statement'));
    return c.diagnostics.length > 0;
  });
  for (const st of statements) {
    // The package's own property-key warnings are replaced by ours: it takes a key inside a pattern's
    // map for a key of that node, so `MATCH (s:Entity {id: row.from})` reported `from` on `s`.
    st.diagnostics = st.diagnostics.filter((d) => kindOf(d) !== 'unknown-property');
    const reported = new Set(st.diagnostics.filter((d) => UNKNOWN_NAME_KINDS.has(kindOf(d))).map((d) => d.offsets.start));
    for (const d of st.extra) if (!reported.has(d.offsets.start)) st.diagnostics.push(d);
    st.diagnostics.sort((a, b) =>
      a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    delete st.extra;
  }
  return statements;
}

// ---------------------------------------------------------------------------------------------
function parseArgs(argv) {
  let schemaPath;
  const targets = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--schema') {
      if (i + 1 >= argv.length) throw new UsageError('--schema needs a path');
      schemaPath = argv[++i];
    } else if (a.startsWith('--schema=')) {
      schemaPath = a.slice('--schema='.length);
    } else if (a === '-h' || a === '--help') {
      throw new UsageError('');
    } else if (a.startsWith('-')) {
      throw new UsageError(`unknown option ${a}`);
    } else {
      targets.push(a);
    }
  }
  if (!schemaPath) throw new UsageError('--schema <dbschema.json> is required');
  if (targets.length === 0) throw new UsageError('name at least one .cypher file or folder');
  return { schemaPath, targets };
}

function collectFiles(targets) {
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(full);
      } else if (entry.name.endsWith('.cypher')) {
        files.push(full);
      }
    }
  };
  for (const t of targets) {
    let st;
    try { st = statSync(t); } catch { throw new UsageError(`no such file or folder: ${t}`); }
    if (st.isDirectory()) walk(t); else files.push(t);
  }
  return [...new Set(files)];
}

function readSchema(schemaPath) {
  let text;
  try { text = readFileSync(schemaPath, 'utf8'); } catch (e) {
    throw new UsageError(`cannot read schema file ${schemaPath}: ${e.code ?? e.message}`);
  }
  try { return JSON.parse(text); } catch (e) {
    throw new UsageError(`schema file ${schemaPath} is not valid JSON: ${e.message}`);
  }
}

const oneLine = (s) => s.replace(/\s*\n\s*/g, ' ').trim();

export async function main(argv, out = (s) => console.log(s), err = (s) => console.error(s)) {
  let args, files, json;
  try {
    args = parseArgs(argv);
    json = readSchema(args.schemaPath);
    files = collectFiles(args.targets);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    if (e.message) err(`cypher-lint: ${e.message}`);
    err(USAGE);
    return 2;
  }

  let lib, schema;
  try {
    lib = await loadLanguageSupport();
    schema = toDbSchema(json, builtinCallables(lib.api.testData));
  } catch (e) {
    err(`cypher-lint: ${e instanceof UsageError ? `${args.schemaPath}: ${e.message}` : e.message}`);
    if (!(e instanceof UsageError)) err('cypher-lint: run `npm ci --no-audit --no-fund` in tools/cypher-lint');
    return 2;
  }

  if (files.length === 0) out(`cypher-lint: no .cypher files under ${args.targets.join(', ')}`);
  let passed = 0;
  let failed = 0;
  for (const file of files) {
    const shown = path.relative(process.cwd(), file) || file;
    let text;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      out(`${shown}:1:1: error: cannot read file: ${e.code ?? e.message} [io-error]`);
      failed++;
      continue;
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // a BOM is not Cypher
    const statements = lintText(text, schema, lib);
    let fileFailed = 0;
    for (const st of statements) {
      for (const d of st.diagnostics) {
        const { line, character } = d.range.start;
        const tag = fails(d) || d.severity > 2 ? kindOf(d) : `${kindOf(d)}, allowed`;
        out(`${shown}:${line + 1}:${character + 1}: ${SEVERITY[d.severity] ?? 'info'}: ${oneLine(d.message)} [${tag}]`);
      }
      if (st.diagnostics.some(fails)) fileFailed++;
    }
    passed += statements.length - fileFailed;
    failed += fileFailed;
    out(fileFailed === 0
      ? `ok   ${shown} (${statements.length} statement${statements.length === 1 ? '' : 's'})`
      : `FAIL ${shown} (${fileFailed} of ${statements.length} statement${statements.length === 1 ? '' : 's'} failed)`);
  }
  out(`cypher-lint: ${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (e) => {
    console.error(`cypher-lint: internal error: ${e?.stack ?? e}`);
    process.exitCode = 2;
  });
}

export { lintText, loadLanguageSupport };

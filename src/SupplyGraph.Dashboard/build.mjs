// Builds the SupplyGraph dashboard and GraphiQL into dist/, offline: every asset comes from npm.
// The service serves dist/ at /dashboard/*, index.html for /, /entity/{id} and /paths, and graphiql.html for
// GET /graphql with Accept: text/html.
// It also writes dist/persisted-documents.json, the dashboard's trusted documents: every entry of QUERIES
// (src/queries.js) by its id, "sha256:" + the hex SHA-256 of its UTF-8 text. The service trusts them, and gql() sends
// their ids instead of their texts. `node build.mjs --update-persisted-documents` also writes the reviewed copy,
// persisted-documents.json beside this file, which a test compares with the build.
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));
const dist = join(root, 'dist');
const budget = 500 * 1024; // gzipped JS+CSS of the dashboard (GraphiQL excluded)
const watch = process.argv.includes('--dev');
const manifestName = 'persisted-documents.json';
const reviewedManifest = join(root, manifestName);

await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });

// The trusted documents: whatever QUERIES holds now, in its order. Ids by QUERIES name for the bundle, ids to texts for
// the service.
const { QUERIES } = await import(pathToFileURL(join(root, 'src', 'queries.js')).href);
const documentId = (text) => `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;
const idsByName = {};
const manifest = {};
for (const [name, text] of Object.entries(QUERIES)) {
  if (typeof text !== 'string') throw new Error(`QUERIES.${name} in src/queries.js is a ${typeof text}, not a GraphQL document's text.`);
  idsByName[name] = documentId(text);
  manifest[idsByName[name]] = text;
}
const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
await writeFile(join(dist, manifestName), manifestText);
if (process.argv.includes('--update-persisted-documents')) {
  await writeFile(reviewedManifest, manifestText);
  console.log(`wrote ${manifestName}: ${Object.keys(manifest).length} trusted documents`);
} else if (!existsSync(reviewedManifest) || (await readFile(reviewedManifest, 'utf8')) !== manifestText) {
  console.warn(`warning: ${manifestName} (the reviewed trusted documents) differs from src/queries.js's QUERIES: `
    + 'review the change and run `node build.mjs --update-persisted-documents` (the API tests fail until then).');
}

// `import { documentIdByText } from 'persisted-documents'`: each entry of QUERIES by its text, to its id. Generated
// from QUERIES' own names and the module itself, so the texts are not bundled twice.
const persistedDocuments = {
  name: 'persisted-documents',
  setup(build) {
    build.onResolve({ filter: /^persisted-documents$/ }, () => ({ path: 'persisted-documents', namespace: 'persisted-documents' }));
    build.onLoad({ filter: /.*/, namespace: 'persisted-documents' }, () => ({
      resolveDir: join(root, 'src'),
      loader: 'js',
      contents: `import { QUERIES } from './queries.js';
const ids = ${JSON.stringify(idsByName)};
export const documentIdByText = new Map(Object.entries(ids).map(([name, id]) => [QUERIES[name], id]));
`,
    }));
  },
};

const common = {
  bundle: true,
  minify: !watch,
  sourcemap: false,
  legalComments: 'none',
  target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
  define: { 'process.env.NODE_ENV': '"production"' },
  loader: { '.cypher': 'text', '.graphql': 'text', '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.svg': 'file', '.png': 'file' },
  assetNames: 'assets/[name]-[hash]',
  publicPath: '/dashboard',
  logLevel: 'warning',
};

// The dashboard: an ES module with cytoscape split into a chunk loaded only when the graph is drawn.
const dashboardBuild = await esbuild.build({
  metafile: true,
  ...common,
  entryPoints: { app: join(root, 'src/app.js') },
  plugins: [persistedDocuments],
  outdir: dist,
  format: 'esm',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
});

// GraphiQL: a separate bundle (React, CodeMirror 5), never loaded by the dashboard.
await esbuild.build({
  ...common,
  entryPoints: { graphiql: join(root, 'src/graphiql.jsx') },
  outdir: dist,
  format: 'iife',
  jsx: 'automatic',
});

// The chunks app.js imports statically are named in index.html as module preloads, so the browser fetches them beside
// app.js instead of after it has parsed app.js (one round trip less before the first question is asked).
const appOutput = Object.entries(dashboardBuild.metafile.outputs).find(([, output]) => output.entryPoint?.endsWith('src/app.js'));
const preloads = appOutput[1].imports.filter((imported) => imported.kind === 'import-statement')
  .map((imported) => `<link rel="modulepreload" href="/dashboard/${relative(dist, join(root, imported.path)).replace(/\\/g, '/')}">`);
const indexHtml = (await readFile(join(root, 'src', 'index.html'), 'utf8'))
  .replace('<script type="module" src="/dashboard/app.js"></script>', (script) => [script, ...preloads].join('\n'));
await writeFile(join(dist, 'index.html'), indexHtml);
await writeFile(join(dist, 'graphiql.html'), await readFile(join(root, 'src', 'graphiql.html')));

async function files(dir) {
  const out = [];
  for (const name of await readdir(dir)) {
    const path = join(dir, name);
    if ((await stat(path)).isDirectory()) out.push(...await files(path));
    else out.push(path);
  }
  return out;
}

const all = await files(dist);
const gz = async (path) => gzipSync(await readFile(path), { level: 9 }).length;
const sum = async (list) => { let n = 0; for (const f of list) n += await gz(f); return n; };
const isGraphiql = (f) => /(^|\/)graphiql\.(js|css|html)$/.test(relative(dist, f));
const dashboard = all.filter((f) => /\.(js|css)$/.test(f) && !isGraphiql(f));
const graphiql = all.filter((f) => /\.(js|css)$/.test(f) && isGraphiql(f));
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

for (const f of all.sort()) {
  const s = (await stat(f)).size;
  console.log(`  ${relative(dist, f).padEnd(40)} ${kb(s).padStart(10)}  (gzip ${kb(await gz(f))})`);
}
const dashboardSize = await sum(dashboard);
const graphiqlSize = await sum(graphiql);
console.log(`dashboard JS+CSS gzipped: ${kb(dashboardSize)} (budget ${kb(budget)}; ${dashboard.map((f) => relative(dist, f)).join(', ')})`);
console.log(`graphiql JS+CSS gzipped:  ${kb(graphiqlSize)}`);
if (dashboardSize > budget) {
  console.error(`FAIL: the dashboard ships ${kb(dashboardSize)} gzipped, over the ${kb(budget)} budget.`);
  process.exit(1);
}

// Each text file also gzipped, once, here: the service sends these as they are instead of compressing at run time.
for (const f of all.filter((path) => /\.(js|css|html)$/.test(path))) {
  await writeFile(`${f}.gz`, gzipSync(await readFile(f), { level: 9 }));
}

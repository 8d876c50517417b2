// Runs the dashboard's browser tests: starts the service twice (service.mjs: the seed, and a generated dataset), runs
// every *.test.mjs in Chromium, stops the services,
// and prints a closing line "dashboard: N passed, N failed, N skipped" that scripts/test.sh adds to its total.
// Without a Chromium (SUPPLYGRAPH_CHROMIUM, else Debian's /usr/bin/chromium, which scripts/test.sh installs) the
// tests are skipped, with the reason.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { chromiumPath, generatedStore, startService } from './service.mjs';

const here = dirname(fileURLToPath(import.meta.url));
// `node run.mjs pages chain` runs only the files whose names contain one of the words; no word runs every file.
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((file) => file.endsWith('.test.mjs') && (only.length === 0 || only.some((word) => file.includes(word))))
  .sort().map((file) => join(here, file));
const chromium = chromiumPath();
if (!chromium) {
  console.log('dashboard tests skipped: no Chromium (set SUPPLYGRAPH_CHROMIUM, or apt-get install chromium)');
  console.log('dashboard: 0 passed, 0 failed, 1 skipped');
  process.exit(0);
}

let passed = 0, failed = 0, skipped = 0;
let service, generated, generatedService;
try {
  [service, generated] = await Promise.all([startService(), generatedStore()]);
  generatedService = await startService({ dataDir: generated.dataDir });
  process.env.SUPPLYGRAPH_DASHBOARD_URL = service.url;
  process.env.SUPPLYGRAPH_DASHBOARD_GENERATED_URL = generatedService.url;
  process.env.SUPPLYGRAPH_CHROMIUM = chromium;
  const stream = run({ files, concurrency: 1, timeout: 420_000 });
  stream.on('test:pass', (event) => { if (event.details?.type !== 'suite') { if (event.skip || event.todo) skipped++; else passed++; } });
  stream.on('test:fail', (event) => { if (event.details?.type !== 'suite') failed++; });
  const reported = stream.compose(spec);
  reported.pipe(process.stdout, { end: false });
  await new Promise((done) => reported.once('end', done));
} catch (error) {
  console.log(`dashboard tests could not run: ${error.message}`);
  failed++;
} finally {
  service?.stop();
  generatedService?.stop();
  await generated?.remove();
}
for (const [name, started] of [['seed', service], ['generated', generatedService]]) {
  if (failed > 0 && started) console.log(`--- ${name} service log (last 40 lines)\n${started.log().split('\n').slice(-40).join('\n')}`);
}
console.log(`dashboard: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);

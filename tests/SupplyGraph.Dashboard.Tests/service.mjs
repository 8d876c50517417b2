// The service as the dashboard's tests and its benchmark run it: the Release build of src/SupplyGraph.Cli on a free
// loopback port, stopped by the caller: the in-memory store seeded on start, or an embedded store holding a generated
// dataset. And the Chromium to drive it with.
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repository = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const serviceDll = join(repository, 'src', 'SupplyGraph.Cli', 'bin', 'Release', 'net10.0', 'supplygraph.dll');

/** SUPPLYGRAPH_CHROMIUM, else Debian's chromium; null when there is none. */
export const chromiumPath = () =>
  [process.env.SUPPLYGRAPH_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => path && existsSync(path)) ?? null;

const freePort = () => new Promise((done, fail) => {
  const server = createServer();
  server.once('error', fail);
  server.listen(0, '127.0.0.1', () => { const { port } = server.address(); server.close(() => done(port)); });
});

const run = promisify(execFile);

/**
 * A dataset the dashboard has never seen: `supplygraph generate` (labs, chips, clouds, models and rules with synthetic
 * names), imported into an embedded store in a temporary folder. Returns that folder; `remove()` deletes it.
 */
export async function generatedStore({ entities = 1500, seed = 7 } = {}) {
  const folder = await mkdtemp(join(tmpdir(), 'supplygraph-dashboard-generated-'));
  const dataset = join(folder, 'generated.json');
  await run('dotnet', [serviceDll, 'generate', '--entities', String(entities), '--seed', String(seed), '--out', dataset], { cwd: repository });
  await run('dotnet', [serviceDll, 'import', dataset, '--data-dir', join(folder, 'data')], { cwd: repository });
  return { dataDir: join(folder, 'data'), remove: () => rm(folder, { recursive: true, force: true }) };
}

/**
 * Starts the service and waits until /health answers; `stop()` ends it, `log()` is what it printed. With `dataDir`,
 * the embedded store in that folder (not seeded: it holds data); without, the in-memory store with the seed. `env`
 * adds environment variables (settings such as SUPPLYGRAPH_TRUSTED_DOCUMENTS_ONLY).
 */
export async function startService({ timeoutMs = 60_000, dataDir = null, env = {} } = {}) {
  if (!existsSync(serviceDll)) throw new Error(`${serviceDll} is not built (dotnet build SupplyGraph.sln -c Release)`);
  const url = `http://127.0.0.1:${await freePort()}`;
  const store = dataDir ? ['--store', 'embedded', '--data-dir', dataDir] : ['--store', 'memory'];
  const child = spawn('dotnet', [serviceDll, 'serve', ...store, '--urls', url], {
    cwd: repository,
    env: { ...process.env, SUPPLYGRAPH_STORE: dataDir ? 'embedded' : 'memory', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => { output += chunk; });
  child.stderr.on('data', (chunk) => { output += chunk; });
  const service = { url, stop: () => child.kill('SIGTERM'), log: () => output };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the service exited with ${child.exitCode} before it answered:\n${output}`);
    try {
      const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return service;
    } catch { /* not listening yet */ }
    await new Promise((wait) => setTimeout(wait, 250));
  }
  service.stop();
  throw new Error(`the service did not answer ${url}/health within ${timeoutMs / 1000} s:\n${output}`);
}

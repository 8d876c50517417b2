// The GraphQL-over-HTTP audit of graphql-http (auditServer) against the service as the README's run command starts it:
// the Release build of src/SupplyGraph.Cli (`supplygraph.dll serve`), in Production (no ASPNETCORE_ENVIRONMENT), on
// the embedded store (seeded on first start) in a temporary data folder, on a free loopback port.
// Prints one line per audit and closes with "graphql-http-audit: N passed, N failed":
//   MUST    passed when ok, else failed (all of them are required);
//   SHOULD  passed when ok; failed when not, unless listed in `skipped` below with the reason it cannot pass, then
//           printed "skip" and counted in neither;
//   MAY     passed when ok, else printed "note" and counted in neither (optional by definition).
// Exits 0 only when nothing failed. Every wait is bounded; the service is stopped on every exit.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { auditServer } from 'graphql-http';

const repository = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const serviceDll = join(repository, 'src', 'SupplyGraph.Cli', 'bin', 'Release', 'net10.0', 'supplygraph.dll');
const startTimeoutMs = 120_000;
const auditTimeoutMs = 120_000;
const stopTimeoutMs = 10_000;

// SHOULD audits the service does not pass on purpose, by audit id, each with the reason (README "Limits and errors").
// 47DE and 80D8 ask for application/json when the client accepts */* (Node's fetch sends "Accept: */*" when no Accept is
// given, so 80D8 sends */* too). The service answers */* with application/graphql-response+json, the media type the
// specification prefers, on purpose (src/SupplyGraph.Api/Http/ResponseMediaTypeNegotiator.cs; README "Limits and
// errors"); a request with no Accept header at all does get application/json.
const skipped = new Map([
  ['47DE', 'the service answers */* with application/graphql-response+json, by design'],
  ['80D8', 'Node fetch sends Accept: */*, answered with application/graphql-response+json by design; no Accept gets application/json'],
]);

const freePort = () => new Promise((done, fail) => {
  const server = createServer();
  server.once('error', fail);
  server.listen(0, '127.0.0.1', () => { const { port } = server.address(); server.close(() => done(port)); });
});

const dataFolder = mkdtempSync(join(tmpdir(), 'supplygraph-audit-'));
let child = null;
let output = '';

/** Stops the service (SIGTERM, then SIGKILL after stopTimeoutMs) and removes the data folder. */
async function cleanUp() {
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), stopTimeoutMs);
    await exited;
    clearTimeout(timer);
  }
  rmSync(dataFolder, { recursive: true, force: true });
}

function finish(passed, failed, message) {
  if (message) console.log(message);
  console.log(`graphql-http-audit: ${passed} passed, ${failed} failed`);
  return cleanUp().then(() => process.exit(failed === 0 ? 0 : 1));
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => { void finish(0, 1, `interrupted by ${signal}`); });
}
// A crash of this script must not leave the service running either.
process.once('exit', () => { if (child && child.exitCode === null) child.kill('SIGKILL'); });

const withTimeout = (promise, ms, what) => Promise.race([
  promise,
  new Promise((_, fail) => setTimeout(() => fail(new Error(`${what} did not finish within ${ms / 1000} s`)), ms).unref()),
]);

async function start() {
  if (!existsSync(serviceDll)) throw new Error(`${serviceDll} is not built (dotnet build SupplyGraph.sln -c Release)`);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = { ...process.env, SUPPLYGRAPH_PORT: String(port), SUPPLYGRAPH_DATA_DIR: dataFolder };
  // As the README runs it: Production, the defaults. Nothing from the caller's shell changes what is audited.
  for (const name of ['ASPNETCORE_ENVIRONMENT', 'DOTNET_ENVIRONMENT', 'ASPNETCORE_URLS', 'ASPNETCORE_HTTP_PORTS', 'SUPPLYGRAPH_STORE', 'SUPPLYGRAPH_INTROSPECTION', 'SUPPLYGRAPH_BIND_ADDRESS']) {
    delete env[name];
  }
  child = spawn('dotnet', [serviceDll, 'serve'], { cwd: repository, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (chunk) => { output += chunk; });
  child.stderr.on('data', (chunk) => { output += chunk; });
  const deadline = Date.now() + startTimeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the service exited with ${child.exitCode} before it was ready:\n${output}`);
    try {
      const response = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return url;
    } catch { /* not listening yet */ }
    await new Promise((wait) => setTimeout(wait, 250));
  }
  throw new Error(`the service was not ready at ${url}/health/ready within ${startTimeoutMs / 1000} s:\n${output}`);
}

try {
  const url = await start();
  console.log(`auditing ${url}/graphql (supplygraph.dll serve, Production, embedded store in a temporary folder)`);
  const results = await withTimeout(auditServer({ url: `${url}/graphql` }), auditTimeoutMs, 'the audit');
  let passed = 0;
  let failed = 0;
  const tally = { MUST: [0, 0], SHOULD: [0, 0], MAY: [0, 0] };
  for (const result of results) {
    const level = result.name.split(' ')[0];
    const ok = result.status === 'ok';
    let verdict;
    if (ok) {
      verdict = 'ok'; passed++;
    } else if (level === 'MAY') {
      verdict = 'note';
    } else if (level === 'SHOULD' && skipped.has(result.id)) {
      verdict = `skip (${skipped.get(result.id)})`;
    } else {
      verdict = 'FAIL'; failed++;
    }
    if (tally[level]) { tally[level][1]++; if (ok) tally[level][0]++; }
    console.log(`${verdict} ${result.id} ${result.name}${ok ? '' : `: ${result.reason}`}`);
  }
  console.log(Object.entries(tally).map(([level, [ok, all]]) => `${level} ${ok}/${all}`).join(', '));
  await finish(passed, failed);
} catch (error) {
  await finish(0, 1, `FAIL ${error.message}`);
}

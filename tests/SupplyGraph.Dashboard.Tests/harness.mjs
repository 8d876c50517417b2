// What every dashboard test file shares: the two services run.mjs started, a browser page that records what must not
// happen, readiness, axe-core, and the service's own answers asked as any client asks them.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

/** The service with the seed (in-memory store). */
export const seedBase = process.env.SUPPLYGRAPH_DASHBOARD_URL;
/** The service with a generated dataset the dashboard has never seen (embedded store, `supplygraph generate`). */
export const generatedBase = process.env.SUPPLYGRAPH_DASHBOARD_GENERATED_URL;
export const artifacts = new URL('./artifacts/', import.meta.url);
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let browser;
/** One Chromium per test file; close it in `after`. */
export async function launch() {
  assert.ok(seedBase, 'SUPPLYGRAPH_DASHBOARD_URL is set by run.mjs');
  assert.ok(generatedBase, 'SUPPLYGRAPH_DASHBOARD_GENERATED_URL is set by run.mjs');
  await mkdir(artifacts, { recursive: true });
  browser = await chromium.launch({ executablePath: process.env.SUPPLYGRAPH_CHROMIUM, args: ['--no-sandbox'] });
  return browser;
}
export const closeBrowser = () => browser?.close();

/**
 * A fresh page on `base + path` that records what must not happen: console errors, page errors, failed, refused or
 * external requests (the dashboard must work offline).
 */
export async function open(path, { base = seedBase, width = 1400, height = 1000 } = {}) {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  const problems = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(base) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    problems.push(`external request: ${url}`);
    return route.abort();
  });
  page.on('console', (message) => { if (message.type() === 'error') problems.push(`console error: ${message.text()}`); });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  // Work goes on after ready (the graph, lazy lists), so a test that moves to another page may cut a request short:
  // the browser aborts it (net::ERR_ABORTED). Only that case is not a problem; any other failure, or an abort on the
  // page that sent it, is.
  let navigations = 0;
  const sentAt = new WeakMap();
  page.on('framenavigated', (frame) => { if (frame === page.mainFrame()) navigations++; });
  page.on('request', (request) => {
    // A new document's request marks the start of leaving the page, before the old page's requests are aborted.
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) navigations++;
    sentAt.set(request, navigations);
  });
  page.on('requestfailed', (request) => {
    const error = request.failure()?.errorText;
    if (error === 'net::ERR_ABORTED' && sentAt.has(request) && sentAt.get(request) !== navigations) return;
    problems.push(`request failed: ${request.url()} (${error})`);
  });
  page.on('response', (response) => { if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`); });
  await page.goto(base + path);
  return { page, problems, close: () => context.close() };
}

/**
 * Resolves when the page has rendered every answer it asked for (`body[data-ready=true]`) and written what it leaves
 * until after the ready mark (the relationship table, the rules' routes: `body[data-settled=true]`).
 */
export const ready = (page) => page.waitForFunction(() => document.body.dataset.ready === 'true' && document.body.dataset.settled !== 'false', null, { timeout: 20_000 });

/** axe-core's serious and critical violations on the page as it is now. */
export async function seriousViolations(page) {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join(', ')}`));
}

/** The service's own answer (no errors allowed), asked the way any client does. */
export async function ask(query, variables = {}, { base = seedBase } = {}) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return body.data;
}

/** The two datasets every claim is checked on: the seed, and one the dashboard has never seen. */
export const datasets = () => [
  { name: 'seed', base: seedBase },
  { name: 'generated', base: generatedBase },
];

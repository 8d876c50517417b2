#!/usr/bin/env node
// Self-test of cypher-lint: runs the linter over the samples beside this file and checks that the
// valid one passes and each bad one fails with the expected kinds of diagnostic, on the expected lines.
// Closes with `cypher-lint-selftest: N passed, N failed`; exits 1 if any expectation failed.
//
//   node tools/cypher-lint/test/selftest.mjs

import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../lint.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const lintScript = path.join(here, '..', 'lint.mjs');
const schema = path.join(here, 'dbschema.json');
const sample = (name) => path.join(here, name);

// file -> exit code, statement counts, and the [line, kind] of every error and warning, in order.
const expectations = {
  'valid.cypher': { exit: 0, passed: 9, failed: 0, diagnostics: [] },
  'syntax-error.cypher': {
    exit: 1, passed: 1, failed: 2,
    diagnostics: [[4, 'syntax-error'], [4, 'syntax-error'], [5, 'console-command']],
  },
  'unknown-label.cypher': {
    exit: 1, passed: 1, failed: 4,
    diagnostics: [[4, 'unknown-label'], [5, 'unknown-label'], [6, 'unknown-label-or-relationship-type'], [7, 'unknown-label']],
  },
  'unknown-property.cypher': {
    exit: 1, passed: 0, failed: 4,
    diagnostics: [[3, 'unknown-property'], [4, 'unknown-property'], [5, 'unknown-property'], [6, 'unknown-property']],
  },
  'unknown-relationship-type.cypher': {
    exit: 1, passed: 0, failed: 2,
    diagnostics: [[2, 'unknown-relationship-type'], [3, 'unknown-relationship-type']],
  },
  'semantic-error.cypher': {
    exit: 1, passed: 0, failed: 4,
    diagnostics: [[3, 'semantic-error'], [4, 'unknown-parameter'], [5, 'unknown-function'], [6, 'semantic-error']],
  },
  'warnings.cypher': {
    exit: 1, passed: 1, failed: 2,
    diagnostics: [[3, 'deprecated'], [3, 'deprecated'], [5, 'cartesian-product, allowed'], [7, 'deprecated']],
  },
};

let passed = 0;
let failed = 0;
function check(name, ok, detail) {
  if (ok) {
    passed++;
    console.log(`ok   ${name}`);
  } else {
    failed++;
    console.log(`FAIL ${name}${detail ? `\n     ${detail.replace(/\n/g, '\n     ')}` : ''}`);
  }
}

const DIAGNOSTIC = /^(.+):(\d+):(\d+): (error|warning|info|hint): (.*) \[([a-z-]+(?:, allowed)?)\]$/;
const SUMMARY = /^cypher-lint: (\d+) passed, (\d+) failed$/;

async function runInProcess(args) {
  const lines = [];
  const code = await main(args, (s) => lines.push(...String(s).split('\n')), (s) => lines.push(...String(s).split('\n')));
  return { code, lines };
}

// 1. Each sample on its own, with the expectations above.
for (const [file, want] of Object.entries(expectations)) {
  const { code, lines } = await runInProcess(['--schema', schema, sample(file)]);
  const output = lines.join('\n');
  const got = lines.map((l) => l.match(DIAGNOSTIC)).filter(Boolean)
    .filter((m) => m[4] === 'error' || m[4] === 'warning')
    .map((m) => [Number(m[2]), m[6]]);
  const summary = lines.map((l) => l.match(SUMMARY)).find(Boolean);
  check(`${file}: exit ${want.exit}`, code === want.exit, `exit ${code}\n${output}`);
  check(`${file}: ${want.passed} passed, ${want.failed} failed`,
    summary && Number(summary[1]) === want.passed && Number(summary[2]) === want.failed, output);
  check(`${file}: diagnostics ${JSON.stringify(want.diagnostics)}`,
    JSON.stringify(got) === JSON.stringify(want.diagnostics), `got ${JSON.stringify(got)}\n${output}`);
  check(`${file}: closes with the summary line`, SUMMARY.test(lines.at(-1) ?? ''), output);
}

// 2. The whole folder at once: the counts add up.
{
  const { code, lines } = await runInProcess(['--schema', schema, here]);
  const want = Object.values(expectations).reduce((a, e) => [a[0] + e.passed, a[1] + e.failed], [0, 0]);
  check(`folder: exit 1, ${want[0]} passed, ${want[1]} failed`,
    code === 1 && lines.at(-1) === `cypher-lint: ${want[0]} passed, ${want[1]} failed`, lines.join('\n'));
}

// 3. The command line itself, in a child process.
function cli(args) {
  const r = spawnSync(process.execPath, [lintScript, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
{
  const r = cli(['--schema', schema, sample('valid.cypher')]);
  check('cli: valid sample exits 0 with the summary line',
    r.code === 0 && /^cypher-lint: 9 passed, 0 failed$/m.test(r.out), `exit ${r.code}\n${r.out}${r.err}`);
}
{
  const r = cli(['--schema', schema, sample('unknown-label.cypher')]);
  check('cli: a label typo exits 1', r.code === 1 && /\[unknown-label\]/.test(r.out), `exit ${r.code}\n${r.out}${r.err}`);
}
{
  const r = cli([]);
  check('cli: no arguments exits 2 with usage', r.code === 2 && /usage:/.test(r.err), `exit ${r.code}\n${r.out}${r.err}`);
}
{
  const r = cli(['--schema', path.join(here, 'no-such-dbschema.json'), here]);
  check('cli: a missing schema file exits 2', r.code === 2 && /cannot read schema file/.test(r.err), `exit ${r.code}\n${r.out}${r.err}`);
}
{
  const r = cli(['--schema', schema, path.join(here, 'no-such.cypher')]);
  check('cli: a missing .cypher path exits 2', r.code === 2 && /no such file or folder/.test(r.err), `exit ${r.code}\n${r.out}${r.err}`);
}

console.log(`cypher-lint-selftest: ${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;

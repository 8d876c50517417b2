// Self-test for http-load.mjs: runs it against a tiny local /graphql emulator and checks what it reports.
// Usage: node test/selftest.mjs   (prints "ok ..."/"FAIL ..." lines, then "http-load-selftest: N passed, N failed")
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const HTTP_LOAD = fileURLToPath(new URL('../http-load.mjs', import.meta.url))
const RUN_FIELDS = ['name', 'kind', 'connections', 'seconds', 'requests', 'requestsPerSecond', 'p50Ms', 'p90Ms',
  'p99Ms', 'meanMs', 'maxMs', 'errors', 'non2xx', 'graphqlErrors']

// The emulator picks its answer from a marker in the query text (the request carries no scenario name).
// A request that is not a JSON POST with a string query gets a 400, so a clean run also proves the request format.
function answer (request, rawBody, response) {
  let body
  try { body = JSON.parse(rawBody) } catch { body = null }
  if (request.method !== 'POST' || request.headers['content-type'] !== 'application/json' || typeof body?.query !== 'string') {
    response.writeHead(400).end('bad request')
  } else if (body.query.includes('failGraphql')) {
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"errors":[{"message":"x"}]}')
  } else if (body.query.includes('fail500')) {
    response.writeHead(500, { 'content-type': 'application/json' }).end('{"data":null}')
  } else if (body.query.includes('notJson')) {
    response.writeHead(200, { 'content-type': 'application/json' }).end('<html>oops</html>')
  } else if (body.query.includes('largeAnswer')) {
    // ~200 KB sent in pieces: the body reaches onResponse only if autocannon reassembles it.
    const items = JSON.stringify(Array.from({ length: 4000 }, (_, i) => ({ id: `node-${i}`, weight: i / 7 })))
    const text = `{"data":{"items":${items}},"errors":[]}`
    response.writeHead(200, { 'content-type': 'application/json' })
    for (let i = 0; i < text.length; i += 65536) response.write(text.slice(i, i + 65536))
    response.end()
  } else if (body.query.includes('variables') && body.variables?.id !== 'hub-1') {
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"errors":[{"message":"variables missing"}]}')
  } else {
    // Chunked in two writes, as a streaming server would.
    response.writeHead(200, { 'content-type': 'application/json' })
    response.write('{"data":')
    response.end('{"__typename":"Query"}}')
  }
}

function startEmulator () {
  const server = createServer((request, response) => {
    const chunks = []
    request.on('data', chunk => chunks.push(chunk))
    request.on('end', () => answer(request, Buffer.concat(chunks).toString('utf8'), response))
  })
  return new Promise(resolve => server.listen(0, '127.0.0.1', () => resolve(server)))
}

// Async spawn, so this process's emulator keeps answering while http-load runs.
function runHttpLoad (args) {
  return new Promise(resolve => {
    const child = spawn(process.execPath, [HTTP_LOAD, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', chunk => { stdout += chunk })
    child.stderr.on('data', chunk => { stderr += chunk })
    child.on('close', code => resolve({ code, stdout, stderr }))
  })
}

let passed = 0
let failed = 0
function check (description, condition, detail = '') {
  if (condition) {
    passed++
    console.log(`ok ${description}`)
  } else {
    failed++
    console.log(`FAIL ${description}${detail ? ` -- ${detail}` : ''}`)
  }
}

const floor = { name: '__typename', query: '{ __typename }' }
const goodQuestion = { name: 'hub with variables', query: 'query($id: String!) { variables: hub(id: $id) { id } }', variables: { id: 'hub-1' } }
const largeQuestion = { name: 'large answer', query: '{ largeAnswer }' }

async function main () {
  const folder = mkdtempSync(join(tmpdir(), 'http-load-selftest-'))
  const server = await startEmulator()
  const url = `http://127.0.0.1:${server.address().port}/graphql`
  const writeScenarios = (file, questions) => {
    const path = join(folder, file)
    writeFileSync(path, JSON.stringify({ floor, questions }))
    return path
  }
  const shortRun = ['--latency-seconds', '1', '--mix-seconds', '1', '--connections', '4']

  try {
    // 1. A clean run: every answer is good.
    const cleanOut = join(folder, 'clean.json')
    const clean = await runHttpLoad(['--url', url, '--scenarios', writeScenarios('clean-scenarios.json', [goodQuestion, largeQuestion]),
      '--out', cleanOut, ...shortRun, '--warmup-seconds', '1'])
    check('clean run exits 0', clean.code === 0, `exit ${clean.code}: ${clean.stderr}`)
    const cleanRuns = JSON.parse(readFileSync(cleanOut, 'utf8')).runs
    check('clean run has 3 latency runs and 2 throughput runs',
      cleanRuns.filter(r => r.kind === 'latency').length === 3 && cleanRuns.filter(r => r.kind === 'throughput').length === 2,
      JSON.stringify(cleanRuns.map(r => [r.name, r.kind])))
    const missing = cleanRuns.flatMap(run => RUN_FIELDS.filter(field => !(field in run)).map(field => `${run.name}.${field}`))
    check('every run in the out JSON has all fields', missing.length === 0, missing.join(', '))
    check('latency runs use one connection, throughput runs use --connections',
      cleanRuns.every(r => r.connections === (r.kind === 'latency' ? 1 : 4)))
    check('requests are counted', cleanRuns.every(r => r.requests > 0 && r.requestsPerSecond > 0),
      JSON.stringify(cleanRuns.map(r => r.requests)))
    check('latencies are positive and ordered p50 <= p90 <= p99 <= max',
      cleanRuns.every(r => r.p50Ms > 0 && r.meanMs > 0 && r.p50Ms <= r.p90Ms && r.p90Ms <= r.p99Ms && r.p99Ms <= r.maxMs),
      JSON.stringify(cleanRuns.map(r => [r.p50Ms, r.p90Ms, r.p99Ms, r.maxMs])))
    check('latencies have sub-millisecond precision',
      cleanRuns.some(r => [r.p50Ms, r.p90Ms, r.p99Ms].some(value => !Number.isInteger(value))))
    check('clean run counts no errors (incl. variables and a ~200 KB answer in several chunks)',
      cleanRuns.every(r => r.errors === 0 && r.non2xx === 0 && r.graphqlErrors === 0),
      JSON.stringify(cleanRuns.map(r => [r.name, r.errors])))
    check('stdout has a table naming every run',
      cleanRuns.every(r => clean.stdout.includes(r.name)) && clean.stdout.includes('p99ms'), clean.stdout)

    // 2. A run with failing scenarios.
    const failingOut = join(folder, 'failing.json')
    const failing = await runHttpLoad(['--url', url, '--out', failingOut, ...shortRun, '--warmup-seconds', '0',
      '--scenarios', writeScenarios('failing-scenarios.json', [
        goodQuestion,
        { name: 'graphql error', query: '{ failGraphql }' },
        { name: 'status 500', query: '{ fail500 }' },
        { name: 'not json', query: '{ notJson }' }
      ])])
    check('run with errors exits 1', failing.code === 1, `exit ${failing.code}: ${failing.stderr}`)
    const byName = Object.fromEntries(JSON.parse(readFileSync(failingOut, 'utf8')).runs.map(r => [r.name, r]))
    const graphqlError = byName['graphql error']
    check('a 200 with a GraphQL "errors" array counts as an error on every request',
      graphqlError.requests > 0 && graphqlError.graphqlErrors === graphqlError.requests && graphqlError.errors === graphqlError.requests,
      JSON.stringify(graphqlError))
    const status500 = byName['status 500']
    check('a 500 counts as non-2xx error on every request',
      status500.requests > 0 && status500.non2xx === status500.requests && status500.errors === status500.requests && status500.graphqlErrors === 0,
      JSON.stringify(status500))
    const notJson = byName['not json']
    check('a 200 that is not JSON counts as an error', notJson.requests > 0 && notJson.graphqlErrors === notJson.requests,
      JSON.stringify(notJson))
    check('the good question next to failing ones has no errors', byName['hub with variables'].errors === 0)
    const mix = byName['mix of 4 questions']
    check('the mix cycles through all questions: about 3 of 4 requests fail',
      mix && mix.non2xx > 0 && mix.graphqlErrors > 0 && Math.abs(mix.errors / mix.requests - 0.75) < 0.05, JSON.stringify(mix))

    // 3. Nothing listening.
    const closedServer = await startEmulator()
    const closedPort = closedServer.address().port
    await new Promise(resolve => closedServer.close(resolve))
    const unreachable = await runHttpLoad(['--url', `http://127.0.0.1:${closedPort}/graphql`, '--out', join(folder, 'none.json'),
      '--scenarios', writeScenarios('unreachable.json', [goodQuestion]), ...shortRun])
    check('an unreachable server exits 1 with a message', unreachable.code === 1 && unreachable.stderr.includes('cannot reach'),
      `exit ${unreachable.code}: ${unreachable.stderr}`)

    // 4. Bad arguments exit 2 and name the argument.
    const scenarios = writeScenarios('args.json', [goodQuestion])
    const badArguments = [
      ['--connections 0', ['--url', url, '--scenarios', scenarios, '--out', join(folder, 'x.json'), '--connections', '0'], '--connections'],
      ['--latency-seconds abc', ['--url', url, '--scenarios', scenarios, '--out', join(folder, 'x.json'), '--latency-seconds', 'abc'], '--latency-seconds'],
      ['missing --url', ['--scenarios', scenarios, '--out', join(folder, 'x.json')], '--url'],
      ['unknown --bogus', ['--url', url, '--scenarios', scenarios, '--out', join(folder, 'x.json'), '--bogus', '1'], '--bogus'],
      ['missing scenarios file', ['--url', url, '--scenarios', join(folder, 'nope.json'), '--out', join(folder, 'x.json')], '--scenarios']
    ]
    for (const [label, args, expectedName] of badArguments) {
      const result = await runHttpLoad(args)
      check(`bad argument (${label}) exits 2 naming ${expectedName}`, result.code === 2 && result.stderr.includes(expectedName),
        `exit ${result.code}: ${result.stderr.trim()}`)
    }
  } catch (error) {
    check('self-test ran to the end', false, error.stack)
  } finally {
    server.close()
    rmSync(folder, { recursive: true, force: true })
  }
  console.log(`http-load-selftest: ${passed} passed, ${failed} failed`)
  process.exitCode = failed > 0 ? 1 : 0
}

main()

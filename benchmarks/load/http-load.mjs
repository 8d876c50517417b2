#!/usr/bin/env node
// HTTP load runner for the SupplyGraph GraphQL endpoint (see README.md).
// Latency runs: one connection per scenario. Throughput runs: many connections, floor alone and a question mix.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import hdr from 'hdr-histogram-js'

const USAGE = `usage: node http-load.mjs --url URL --scenarios FILE --out FILE
       [--latency-seconds 10] [--mix-seconds 30] [--connections 32] [--warmup-seconds 2] [--timeout-seconds 10]`

class UsageError extends Error {}

function parseOptions (argv) {
  let values
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        url: { type: 'string' },
        scenarios: { type: 'string' },
        out: { type: 'string' },
        'latency-seconds': { type: 'string', default: '10' },
        'mix-seconds': { type: 'string', default: '30' },
        connections: { type: 'string', default: '32' },
        'warmup-seconds': { type: 'string', default: '2' },
        'timeout-seconds': { type: 'string', default: '10' }
      }
    }))
  } catch (error) {
    throw new UsageError(error.message) // parseArgs names the offending option, e.g. "Unknown option '--foo'"
  }
  for (const required of ['url', 'scenarios', 'out']) {
    if (!values[required]) throw new UsageError(`--${required} is required`)
  }
  // Checked now rather than after minutes of load.
  if (!existsSync(dirname(resolve(values.out)))) throw new UsageError(`--out: folder of "${values.out}" does not exist`)
  return {
    url: parseHttpUrl(values.url),
    scenarios: loadScenarios(values.scenarios),
    out: values.out,
    // autocannon stops a run on its 1-second tick, so only whole seconds make sense.
    latencySeconds: parseWholeNumber('latency-seconds', values['latency-seconds'], 1),
    mixSeconds: parseWholeNumber('mix-seconds', values['mix-seconds'], 1),
    connections: parseWholeNumber('connections', values.connections, 1),
    warmupSeconds: parseWholeNumber('warmup-seconds', values['warmup-seconds'], 0),
    // A request still unanswered after this counts as an error (a timeout).
    timeoutSeconds: parseWholeNumber('timeout-seconds', values['timeout-seconds'], 1)
  }
}

function parseWholeNumber (name, text, minimum) {
  const value = Number(text)
  if (!/^\d+$/.test(text.trim()) || value < minimum) {
    throw new UsageError(`--${name} must be a whole number >= ${minimum}, got "${text}"`)
  }
  return value
}

function parseHttpUrl (text) {
  let url
  try { url = new URL(text) } catch { throw new UsageError(`--url is not a valid URL: "${text}"`) }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`--url must be http:// or https://, got "${text}"`)
  }
  return url.href
}

function loadScenarios (path) {
  let document
  try {
    document = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    throw new UsageError(`--scenarios: cannot read JSON from "${path}": ${error.message}`)
  }
  const checkScenario = (scenario, where) => {
    if (typeof scenario?.name !== 'string' || typeof scenario?.query !== 'string') {
      throw new UsageError(`--scenarios: ${where} needs a string "name" and "query" (file "${path}")`)
    }
    if (scenario.variables !== undefined && (typeof scenario.variables !== 'object' || Array.isArray(scenario.variables))) {
      throw new UsageError(`--scenarios: ${where} "variables" must be an object (file "${path}")`)
    }
    return scenario
  }
  const floor = checkScenario(document?.floor, '"floor"')
  if (!Array.isArray(document.questions) || document.questions.length === 0) {
    throw new UsageError(`--scenarios: "questions" must be a non-empty array (file "${path}")`)
  }
  const questions = document.questions.map((question, i) => checkScenario(question, `questions[${i}]`))
  return { floor, questions }
}

function requestBody (scenario) {
  return JSON.stringify({ query: scenario.query, variables: scenario.variables })
}

// A 2xx answer is still a failure when it is not JSON or carries a non-empty GraphQL "errors" array.
function isGraphqlSuccess (body) {
  let parsed
  try { parsed = JSON.parse(body) } catch { return false }
  if (parsed === null || typeof parsed !== 'object') return false
  return !(Array.isArray(parsed.errors) && parsed.errors.length > 0)
}

// One autocannon run. Each connection cycles through `scenarios` in order, one request at a time.
async function runLoad ({ url, scenarios, connections, seconds, timeoutSeconds }) {
  // autocannon's own latency histogram stores whole milliseconds; its per-response 'response' event carries
  // the process.hrtime-based duration as a float, so we record that ourselves in microseconds.
  const latencyMicros = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 60_000_000, numberOfSignificantValueDigits: 3 })
  const counts = { non2xx: 0, graphqlErrors: 0 }
  const requests = scenarios.map(scenario => ({
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: requestBody(scenario),
    onResponse: (status, body) => {
      if (status < 200 || status > 299) counts.non2xx++
      else if (!isGraphqlSuccess(body)) counts.graphqlErrors++
    }
  }))
  const instance = autocannon({ url, connections, pipelining: 1, duration: seconds, timeout: timeoutSeconds, requests })
  instance.on('response', (_client, _status, _bytes, responseTimeMs) => {
    latencyMicros.recordValue(Math.max(1, Math.round(responseTimeMs * 1000)))
  })
  const result = await instance

  const ms = micros => Math.round(micros) / 1000
  // HDR percentiles report the top of a bucket, which can exceed the true maximum by a bucket width.
  const percentileMs = p => ms(Math.min(latencyMicros.getValueAtPercentile(p), latencyMicros.maxValue))
  const requestCount = latencyMicros.totalCount
  const timeouts = result.timeouts
  const connectionErrors = result.errors - result.timeouts // autocannon counts timeouts inside errors
  return {
    connections,
    seconds: result.duration,
    requests: requestCount,
    requestsPerSecond: result.duration > 0 ? Math.round(requestCount / result.duration * 10) / 10 : 0,
    p50Ms: percentileMs(50),
    p90Ms: percentileMs(90),
    p99Ms: percentileMs(99),
    meanMs: requestCount > 0 ? ms(latencyMicros.mean) : 0,
    maxMs: ms(latencyMicros.maxValue),
    errors: connectionErrors + timeouts + counts.non2xx + counts.graphqlErrors,
    non2xx: counts.non2xx,
    graphqlErrors: counts.graphqlErrors,
    connectionErrors,
    timeouts
  }
}

// Fail fast (instead of minutes of reconnect errors) when nothing listens at --url.
async function checkReachable (url, floor) {
  try {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: requestBody(floor) })
    await response.arrayBuffer()
  } catch (error) {
    return `cannot reach ${url}: ${error.cause?.message ?? error.message}`
  }
  return null
}

function formatTable (runs) {
  const columns = [
    ['run', r => r.name], ['kind', r => r.kind], ['conns', r => r.connections], ['secs', r => r.seconds],
    ['requests', r => r.requests], ['req/s', r => r.requestsPerSecond], ['p50ms', r => r.p50Ms.toFixed(3)],
    ['p90ms', r => r.p90Ms.toFixed(3)], ['p99ms', r => r.p99Ms.toFixed(3)], ['meanms', r => r.meanMs.toFixed(3)],
    ['maxms', r => r.maxMs.toFixed(3)], ['errors', r => r.errors]
  ]
  const rows = [columns.map(([title]) => title), ...runs.map(run => columns.map(([, cell]) => String(cell(run))))]
  const widths = columns.map((_, i) => Math.max(...rows.map(row => row[i].length)))
  // Text columns left-aligned, numbers right-aligned.
  return rows.map(row => row.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ')).join('\n')
}

async function main () {
  const options = parseOptions(process.argv.slice(2))
  const { url, scenarios: { floor, questions } } = options
  const log = message => process.stderr.write(`[http-load] ${message}\n`)

  const unreachable = await checkReachable(url, floor)
  if (unreachable) {
    log(unreachable)
    return 1
  }

  const runs = []
  for (const scenario of [floor, ...questions]) {
    if (options.warmupSeconds > 0) {
      log(`warm-up  ${scenario.name} (1 connection, ${options.warmupSeconds} s)`)
      await runLoad({ url, scenarios: [scenario], connections: 1, seconds: options.warmupSeconds, timeoutSeconds: options.timeoutSeconds })
    }
    log(`latency  ${scenario.name} (1 connection, ${options.latencySeconds} s)`)
    const stats = await runLoad({ url, scenarios: [scenario], connections: 1, seconds: options.latencySeconds, timeoutSeconds: options.timeoutSeconds })
    runs.push({ name: scenario.name, kind: 'latency', ...stats })
  }
  const throughputRuns = [
    { name: `${floor.name} (floor)`, scenarios: [floor] },
    { name: `mix of ${questions.length} questions`, scenarios: questions }
  ]
  for (const { name, scenarios } of throughputRuns) {
    log(`throughput  ${name} (${options.connections} connections, ${options.mixSeconds} s)`)
    const stats = await runLoad({ url, scenarios, connections: options.connections, seconds: options.mixSeconds, timeoutSeconds: options.timeoutSeconds })
    runs.push({ name, kind: 'throughput', ...stats })
  }

  const report = {
    tool: 'http-load',
    url,
    finishedAt: new Date().toISOString(),
    latencyPrecision: 'microseconds (process.hrtime), HDR histogram with 3 significant digits',
    options: {
      latencySeconds: options.latencySeconds,
      mixSeconds: options.mixSeconds,
      connections: options.connections,
      warmupSeconds: options.warmupSeconds,
      timeoutSeconds: options.timeoutSeconds
    },
    runs
  }
  writeFileSync(options.out, JSON.stringify(report, null, 2) + '\n')
  console.log(formatTable(runs))

  const failedRuns = runs.filter(run => run.errors > 0)
  if (failedRuns.length > 0) {
    log(`${failedRuns.length} run(s) had errors: ${failedRuns.map(run => run.name).join(', ')}`)
    return 1
  }
  return 0
}

main().then(
  code => { process.exitCode = code },
  error => {
    if (error instanceof UsageError) {
      process.stderr.write(`http-load: ${error.message}\n${USAGE}\n`)
      process.exitCode = 2
    } else {
      process.stderr.write(`http-load: ${error.stack ?? error}\n`)
      process.exitCode = 1
    }
  }
)

#!/usr/bin/env node
// The attacker's probes of issue 11, rerun against a running service (see README.md, "Hardening probes").
// Each probe is sent once; the service's CPU seconds (utime + stime from /proc/PID/stat, including a settle time
// after the answer or after the client gives up, so work that goes on without a client is counted), its resident
// memory after and at peak (VmRSS, VmHWM), the status, the answer's size and the wall time are recorded, and
// /health is asked after each. Then the flood: --connections clients hammer the costliest legit query while one
// client asks `{ entity(ref:"DeepSeek") { id } }` one request after another; its latency percentiles are the figure.
import { readFileSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import hdr from 'hdr-histogram-js'

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    pid: { type: 'string' },
    out: { type: 'string' },
    'flood-seconds': { type: 'string', default: '20' },
    connections: { type: 'string', default: '32' },
    'probe-timeout-seconds': { type: 'string', default: '60' },
    'settle-seconds': { type: 'string', default: '3' },
    only: { type: 'string', default: '' },
    query: { type: 'string', default: '' },
    'query-name': { type: 'string', default: 'custom query' },
    // The flood of issue 20: any single legal request (a hub exposure, 20 unknown references, ...) instead of the costliest.
    'flood-query': { type: 'string', default: '' },
    'flood-name': { type: 'string', default: '' }
  }
})
for (const required of ['url', 'pid', 'out']) {
  if (!values[required]) {
    console.error(`hardening-probes: --${required} is required (usage: --url http://127.0.0.1:5080/graphql --pid PID --out FILE)`)
    process.exit(2)
  }
}

const url = new URL(values.url)
const pid = Number(values.pid)
const probeTimeoutMs = Number(values['probe-timeout-seconds']) * 1000
const settleMs = Number(values['settle-seconds']) * 1000
const ticksPerSecond = 100 // CLK_TCK on Linux

export const CHEAP_QUERY = '{ entity(ref: "DeepSeek") { id } }'

// The costliest query the limits let through on the seed: three walking questions at their widest, with their evidence.
export const COSTLIEST_LEGIT_QUERY =
  '{ a: supplyChain(entity: "DeepSeek", maxHops: 16) { partial stages { stage entities { id name } } ' +
  'relationships { id type status from { id name } to { id name } sources { document } } } ' +
  'b: exposure(regulation: "us-bis-2023-10-advanced-computing", maxHops: 16, maxPaths: 100) { partial exposed { entity { id name } paths { summary } } } ' +
  'c: exportControls(entity: "DeepSeek", maxHops: 16, maxPaths: 100) { partial hits { regulation { id } paths { summary } } } }'

const entityFields = 'id name kind aliases tags description sources { document locator url }'
const relationshipFields = `id type status validFrom validTo note from { ${entityFields} } to { ${entityFields} } sources { document locator url }`

const probes = [
  { name: 'syntax error at 200 KB', body: () => gql('{ __typename' + ' __typename'.repeat(18200) + ' ) }') },
  { name: 'syntax error at 64 KB (one line)', body: () => gql('{ __typename' + ' __typename'.repeat(5900) + ' ) }') },
  { name: '4 x 100 KB syntax errors at once', parallel: 4, body: () => gql('{ __typename' + ' __typename'.repeat(9100) + ' ) }') },
  // The client gives up after 5 s: the CPU seconds include what the service burns after that.
  { name: '32,000 __typename (client leaves after 5 s)', abortMs: 5000, settleMs: 10000, body: () => gql('{ ' + '__typename '.repeat(32000) + '}') },
  { name: 'depth 62 (nested inline fragments)', body: () => gql('{ profile(entity: "DeepSeek") { entity { ' + '... on Actor { '.repeat(62) + 'id' + ' }'.repeat(62) + ' } } }') },
  { name: '5,000 __schema aliases', body: () => gql('{ ' + Array.from({ length: 5000 }, (_, i) => `s${i}: __schema { types { name fields { name } } }`).join(' ') + ' }') },
  { name: '1,500 __schema aliases (under 64 KB)', body: () => gql('{ ' + Array.from({ length: 1500 }, (_, i) => `s${i}:__schema{types{name}}`).join(' ') + ' }') },
  { name: '100 aliased relationships in one root field', body: () => gql('{ exposure(regulation: "us-bis-2023-10-advanced-computing", maxHops: 16, maxPaths: 100) { exposed { entity { id } paths { ' + Array.from({ length: 100 }, (_, i) => `r${i}: relationships { ${relationshipFields} }`).join(' ') + ' } } } }') },
  { name: 'unknown entity beside a known one', body: () => gql('{ a: entity(ref: "DeepSeek") { id } b: profile(entity: "no-such-entity") { entity { id } } }'), keepData: true },
  { name: 'costliest legit query', body: () => gql(COSTLIEST_LEGIT_QUERY) }
].filter(probe => values.only === '' || probe.name.includes(values.only))
// --query: one probe of the caller's own (e.g. a legit exposure on a 1M-entity store), run instead of the others.
if (values.query !== '') probes.splice(0, probes.length, { name: values['query-name'], body: () => gql(values.query) })

function gql (query) { return JSON.stringify({ query }) }

function cpuSeconds () {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond // utime, stime
}

function memoryMiB () {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kib = name => Number((status.match(new RegExp(`${name}:\\s+(\\d+)`)) ?? [0, 0])[1])
  return { rssMiB: Math.round(kib('VmRSS') / 1024), peakMiB: Math.round(kib('VmHWM') / 1024) }
}

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms))

function send (path, method, body, { timeoutMs = probeTimeoutMs, abortMs } = {}) {
  return new Promise(resolve => {
    const started = process.hrtime.bigint()
    const elapsed = () => Number(process.hrtime.bigint() - started) / 1e6
    const request = http.request({
      host: url.hostname, port: url.port, path, method,
      headers: body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {},
      agent: false
    }, response => {
      let bytes = 0
      let head = ''
      response.on('data', chunk => { bytes += chunk.length; if (head.length < 400) head += chunk.toString('utf8', 0, 400) })
      response.on('end', () => resolve({ status: response.statusCode, bytes, ms: elapsed(), head: head.slice(0, 400), retryAfter: response.headers['retry-after'] }))
      response.on('error', error => resolve({ status: 'reset', bytes, ms: elapsed(), head: error.message }))
    })
    const limit = abortMs ?? timeoutMs
    request.setTimeout(limit, () => { request.destroy(new Error(abortMs ? 'client left' : 'timeout')) })
    request.on('error', error => resolve({ status: error.message.includes('client left') ? 'client left' : error.message.includes('timeout') ? 'timeout' : 'error', bytes: 0, ms: elapsed(), head: error.message }))
    if (body) request.write(body)
    request.end()
  })
}

async function runProbe (probe) {
  const cpuBefore = cpuSeconds()
  const body = probe.body()
  const answers = await Promise.all(Array.from({ length: probe.parallel ?? 1 }, () => send(url.pathname, 'POST', body, { abortMs: probe.abortMs })))
  await sleep(probe.settleMs ?? settleMs)
  const cpu = cpuSeconds() - cpuBefore
  const memory = memoryMiB()
  const health = await send('/health', 'GET', null, { timeoutMs: 15000 })
  const first = answers[0]
  let code = ''
  const codeMatch = first.head.match(/"code":"([A-Z_]+)"/)
  if (codeMatch) code = codeMatch[1]
  const result = {
    name: probe.name,
    requestBytes: Buffer.byteLength(body),
    status: answers.map(a => a.status).join(', '),
    code,
    wallSeconds: Math.max(...answers.map(a => a.ms)) / 1000,
    responseBytes: answers.reduce((sum, a) => sum + a.bytes, 0),
    cpuSeconds: Math.round(cpu * 100) / 100,
    ...memory,
    healthAfter: health.status,
    head: probe.keepData ? first.head : first.head.slice(0, 200)
  }
  console.error(`${result.name}: ${result.status} ${code} ${result.wallSeconds.toFixed(2)} s, ${result.responseBytes} bytes, ${result.cpuSeconds} CPU s, ${result.rssMiB} MiB (peak ${result.peakMiB}), health ${result.healthAfter}`)
  return result
}

async function flood () {
  const seconds = Number(values['flood-seconds'])
  const connections = Number(values.connections)
  const cpuBefore = cpuSeconds()
  const histogram = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 120_000_000, numberOfSignificantValueDigits: 3 })
  const cheapStatuses = {}
  let cheapErrors = 0
  let stop = false
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
  const cheapBody = gql(CHEAP_QUERY)
  const cheapLoop = (async () => {
    await sleep(1000) // let the flood fill the service first
    while (!stop) {
      const answer = await new Promise(resolve => {
        const started = process.hrtime.bigint()
        const request = http.request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(cheapBody) } }, response => {
          let text = ''
          response.on('data', chunk => { text += chunk })
          response.on('end', () => resolve({ status: response.statusCode, micros: Number(process.hrtime.bigint() - started) / 1000, text }))
        })
        request.setTimeout(30000, () => request.destroy(new Error('timeout')))
        request.on('error', () => resolve({ status: 'error', micros: Number(process.hrtime.bigint() - started) / 1000, text: '' }))
        request.end(cheapBody)
      })
      cheapStatuses[answer.status] = (cheapStatuses[answer.status] ?? 0) + 1
      if (answer.status !== 200 || !answer.text.includes('"deepseek"')) cheapErrors++
      histogram.recordValue(Math.max(1, Math.round(answer.micros)))
      await sleep(20)
    }
  })()
  const statuses = {}
  const instance = autocannon({
    url: url.href, method: 'POST', connections, duration: seconds, timeout: 30,
    headers: { 'content-type': 'application/json' }, body: gql(values['flood-query'] || COSTLIEST_LEGIT_QUERY)
  })
  instance.on('response', (_client, statusCode) => { statuses[statusCode] = (statuses[statusCode] ?? 0) + 1 })
  const expensive = await instance
  stop = true
  await cheapLoop
  agent.destroy()
  const cpu = cpuSeconds() - cpuBefore
  const ms = value => Math.round(Math.min(value, histogram.maxValue) / 10) / 100
  const result = {
    name: `flood: ${connections} clients on ${values['flood-name'] || 'the costliest legit query'} for ${seconds} s, one client on ${CHEAP_QUERY}`,
    expensiveResponses: statuses,
    expensiveTimeouts: expensive.timeouts,
    expensiveErrors: expensive.errors,
    expensiveP50Ms: expensive.latency.p50,
    expensiveP99Ms: expensive.latency.p99,
    cheapRequests: histogram.totalCount,
    cheapStatuses,
    cheapErrors,
    cheapP50Ms: ms(histogram.getValueAtPercentile(50)),
    cheapP99Ms: ms(histogram.getValueAtPercentile(99)),
    cheapMaxMs: ms(histogram.maxValue),
    cpuSeconds: Math.round(cpu * 100) / 100,
    ...memoryMiB()
  }
  console.error(JSON.stringify(result))
  return result
}

const results = { tool: 'hardening-probes', url: url.href, finishedAt: null, probes: [], flood: null }
for (const probe of probes) results.probes.push(await runProbe(probe))
if (values.query === '' && (values.only === '' || values.only === 'flood')) results.flood = await flood()
results.finishedAt = new Date().toISOString()
writeFileSync(values.out, JSON.stringify(results, null, 2) + '\n')
console.log(`wrote ${values.out}`)

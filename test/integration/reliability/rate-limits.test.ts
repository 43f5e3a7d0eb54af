// Sustained random faults, as a busy public instance and a flaky registry give them: Rekor answering 429 to
// 30% of uploads, the registry answering 503 to 30% of requests. Each run succeeds, or fails with a message
// naming the cause; no payload is logged twice. The figures are printed for the issue note.
import { planned, sbomFromFile } from '../support/subjects.js'
import { afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import type { BedState } from '../../bed/state.js'
import { requireSigstore } from '../../bed/state.js'
import { setDebugSink } from '../../../src/http/index.js'
import { RegistryClient } from '../../../src/oci/index.js'
import { attestSubjects } from '../../../src/pipeline/attest-subjects.js'
import { pushSampleImage } from '../../bed/tools/sample-image.js'
import { publishSample, readBedState, sbomFile } from '../interop/fixture.js'
import {
  clearFaults,
  clearLog,
  escapeRegex,
  expectOneEntryPerPayload,
  faultLog,
  openBedSession,
  rekorTreeSize,
  setFaults
} from './support.js'

const ENTRIES = '^/api/v1/log/entries$'
const RUNS = Number(process.env.RELIABILITY_RUNS ?? 20)
let state: BedState
let sbomPath: string

beforeAll(async () => {
  state = readBedState()
  sbomPath = await sbomFile(state)
})
afterEach(async () => {
  setDebugSink(undefined)
  await clearFaults(requireSigstore(state).adminUrl.rekor, state.registries.flaky.adminUrl)
})

interface Figures {
  runs: number
  succeeded: number
  failed: number
  /** POSTs of a payload Rekor already held (answered 409). */
  replays: number
  /** Payloads found more than once in the log. */
  duplicates: number
  retries: number
  failures: string[]
  seconds: number
}

describe('sustained faults', () => {
  it(`Rekor 429 on 30% of uploads: ${RUNS} runs succeed or fail naming the rate limit, each payload logged once`, async () => {
    const rekorAdmin = requireSigstore(state).adminUrl.rekor
    const f: Figures = {
      runs: RUNS,
      succeeded: 0,
      failed: 0,
      replays: 0,
      duplicates: 0,
      retries: 0,
      failures: [],
      seconds: 0
    }
    let lines: string[] = []
    setDebugSink(line => {
      if (/ retry \d+\//.test(line)) f.retries++
      if (/log\/entries/.test(line)) lines.push(line)
    })
    const started = Date.now()
    for (let i = 0; i < RUNS; i++) {
      lines = []
      const session = await openBedSession(state)
      const from = await rekorTreeSize(state)
      await clearLog(rekorAdmin)
      await setFaults(rekorAdmin, [
        { method: 'POST', path: ENTRIES, action: 'status', status: 429, rate: 0.3, retryAfter: '0' }
      ])
      try {
        const p = await publishSample(
          state,
          session,
          i % 2 ? 'distribution' : 'referrers',
          `reliability/rekor-429`,
          {
            sbom: { path: sbomPath }
          }
        )
        await clearFaults(rekorAdmin)
        try {
          await expectOneEntryPerPayload(state, p, from)
        } catch {
          f.duplicates++
        }
        f.succeeded++
      } catch (err) {
        f.failed++
        const message = err instanceof Error ? err.message : String(err)
        f.failures.push(message.slice(0, 300))
        process.stdout.write(`failed run ${i}: ${message}\n${lines.join('\n')}\n`)
        expect(message).toMatch(/rate limited/)
      }
      const posts = (await faultLog(rekorAdmin)).filter(
        r => r.method === 'POST' && r.path === '/api/v1/log/entries'
      )
      f.replays += posts.filter(r => r.status === 409).length
    }
    f.seconds = Math.round((Date.now() - started) / 1000)
    process.stdout.write(`Rekor 429 at 30%: ${JSON.stringify(f)}\n`)
    expect(f.duplicates).toBe(0)
    expect(f.succeeded + f.failed).toBe(RUNS)
  })

  it(`registry 503 on 30% of requests: ${RUNS} runs with verify succeed or fail naming the server error`, async () => {
    const flaky = state.registries.flaky
    const repo = 'reliability/registry-503'
    const f: Figures = {
      runs: RUNS,
      succeeded: 0,
      failed: 0,
      replays: 0,
      duplicates: 0,
      retries: 0,
      failures: [],
      seconds: 0
    }
    setDebugSink(line => void (/ retry \d+\//.test(line) && f.retries++))
    const started = Date.now()
    for (let i = 0; i < RUNS; i++) {
      const session = await openBedSession(state)
      // The sample goes in before the faults: crane's own retries are not under test.
      const digest = await pushSampleImage(state, 'flaky', repo, `t${Date.now()}${i}`)
      await clearLog(flaky.adminUrl)
      await setFaults(flaky.adminUrl, [
        { path: `^/v2/${escapeRegex(repo)}/(manifests|blobs)/`, action: 'status', status: 503, rate: 0.3 }
      ])
      try {
        const registry = new RegistryClient()
        await attestSubjects(
          {
            subjects: await planned(registry, [`${flaky.host}/${repo}@${digest}`]),
            ...(await sbomFromFile(sbomPath)),
            verify: true
          },
          { registry, session }
        )
        f.succeeded++
      } catch (err) {
        f.failed++
        const message = err instanceof Error ? err.message : String(err)
        f.failures.push(message.slice(0, 400))
        expect(message).toMatch(/server error, still failing after every retry/)
      } finally {
        await clearFaults(flaky.adminUrl)
      }
    }
    f.seconds = Math.round((Date.now() - started) / 1000)
    process.stdout.write(`registry 503 at 30%: ${JSON.stringify(f)}\n`)
    expect(f.succeeded + f.failed).toBe(RUNS)
  })
})

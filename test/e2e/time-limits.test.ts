// Time limits as a runner meets them, on the bed's fault-injecting registry proxy: a registry that never
// sends headers, one that trickles a body, and a run that outlasts its `timeout` input. Short deadlines
// come from the environment variables the README documents (defaults: 30 s headers, 60 s body, 30 min run).
import { afterEach, describe, expect, test } from '@jest/globals'
import { readBedState } from '../bed/state.js'
import { pushSampleImage } from '../bed/tools/sample-image.js'
import { bedSigstoreInputs, runAction } from './support/action-runner.js'
import { clearFaults, setFaults } from './support/bed-logs.js'

const state = readBedState()
const flaky = state.registries.flaky
const unique = (): string => `${Date.now().toString(36)}${Math.random().toString(16).slice(2, 6)}`
const errorLine = (stdout: string): string =>
  stdout
    .split('\n')
    .filter(l => l.startsWith('::error::'))
    .join('\n') || stdout.slice(-2000)

describe('time limits', () => {
  afterEach(async () => clearFaults(flaky.adminUrl))

  test('a registry that never sends headers: two 1.5 s headers deadlines, then a message naming host and limit', async () => {
    const repo = `e2e/silent-${unique()}`
    const digest = await pushSampleImage(state, 'flaky', repo, 'v1')
    await setFaults(flaky.adminUrl, [
      { method: 'GET', path: `^/v2/${repo}/manifests/`, action: 'delay', delayMs: 120_000 }
    ])
    const started = Date.now()
    const run = await runAction(
      state,
      { subjects: `${flaky.host}/${repo}@${digest}`, 'dry-run': 'true', sbom: 'none' },
      { env: { OCI_ATTEST_HEADERS_TIMEOUT_MS: '1500', RUNNER_DEBUG: '1' } }
    )
    const seconds = (Date.now() - started) / 1000
    expect(run.code).toBe(1)
    const error = errorLine(run.stdout)
    expect(error).toContain(`${flaky.host} sent no response headers within 1500 ms (headers deadline)`)
    expect(error).toContain(`${flaky.host}/${repo}@${digest} [plan]`)
    expect(seconds).toBeLessThan(12)
    // with debug logging on, the retry after the first deadline is visible
    expect(run.stdout).toMatch(
      /::debug::GET \S+ failed \(HTTP_TIMEOUT: .*headers deadline.*\), retry 1\/4 in \d+ ms/
    )
    process.stdout.write(`no-header registry: run ended after ${seconds.toFixed(1)} s\n`)
  })

  test('a registry that trickles a body one byte every 300 ms: ends at the 2 s body deadline, naming host and limit', async () => {
    const repo = `e2e/trickle-${unique()}`
    const digest = await pushSampleImage(state, 'flaky', repo, 'v1')
    await setFaults(flaky.adminUrl, [
      {
        method: 'GET',
        path: `^/v2/${repo}/manifests/`,
        action: 'trickle',
        delayMs: 300,
        bodyBytes: 400
      }
    ])
    const started = Date.now()
    const run = await runAction(
      state,
      { subjects: `${flaky.host}/${repo}@${digest}`, 'dry-run': 'true', sbom: 'none' },
      { env: { OCI_ATTEST_BODY_TIMEOUT_MS: '2000' } }
    )
    const seconds = (Date.now() - started) / 1000
    expect(run.code).toBe(1)
    const error = errorLine(run.stdout)
    expect(error).toMatch(
      new RegExp(
        `${flaky.host.replace(/\./g, '\\.')} did not send the whole body of GET /v2/${repo}/manifests/\\S+ within 20\\d\\d ms \\(body deadline for 400 bytes\\)`
      )
    )
    expect(seconds).toBeLessThan(15)
    process.stdout.write(`trickling registry: run ended after ${seconds.toFixed(1)} s\n`)
  })

  test('a run that outlasts its timeout input stops at it and reports what was and was not published', async () => {
    const repo = `e2e/timeout-${unique()}`
    const digest = await pushSampleImage(state, 'flaky', repo, 'v1')
    // Each manifest PUT takes 20 s: within the headers deadline, far beyond the run's 6 s.
    await setFaults(flaky.adminUrl, [
      { method: 'PUT', path: `^/v2/${repo}/manifests/`, action: 'delay', delayMs: 20_000 }
    ])
    const started = Date.now()
    const run = await runAction(state, {
      subjects: `${flaky.host}/${repo}@${digest}`,
      sbom: 'none',
      timeout: '6s',
      ...(await bedSigstoreInputs(state))
    })
    const seconds = (Date.now() - started) / 1000
    expect(run.code).toBe(1)
    const error = errorLine(run.stdout)
    expect(error).toContain('the run did not finish within its timeout of 6 s')
    expect(error).toContain('(RUN_TIMEOUT)')
    expect(error).toContain('Nothing was published to a registry.')
    expect(error).toMatch(/Rekor entries created: [1-9]/)
    expect(error).toContain(
      `Not published: anything for the 1 planned subject(s) (nothing at all for ${flaky.host}/${repo}@${digest})`
    )
    expect(seconds).toBeLessThan(12)
    process.stdout.write(`run timeout 6 s: run ended after ${seconds.toFixed(1)} s\n`)
  })
})

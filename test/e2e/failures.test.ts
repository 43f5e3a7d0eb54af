// Failures a release engineer meets, each naming the subject, the phase and the fix.
import { afterEach, describe, expect, test } from '@jest/globals'
import { readBedState } from '../bed/state.js'
import { pushSampleImage } from '../bed/tools/sample-image.js'
import { bedSigstoreInputs, runAction } from './support/action-runner.js'
import { clearFaults, logMarks, logSince, setFaults } from './support/bed-logs.js'

const state = readBedState()
const flaky = state.registries.flaky
const unique = (): string => `${Date.now().toString(36)}${Math.random().toString(16).slice(2, 6)}`
const errorLine = (stdout: string): string =>
  stdout
    .split('\n')
    .filter(l => l.startsWith('::error::'))
    .join('\n') || stdout.slice(-2000)

describe('failures name subject, phase and fix', () => {
  afterEach(async () => clearFaults(flaky.adminUrl))

  test('missing id-token permission: fails in the identity phase with the permissions YAML, nothing logged', async () => {
    const host = state.registries.distribution.host
    const repo = `e2e/perm-${unique()}`
    const digest = await pushSampleImage(state, 'distribution', repo, 'v1')
    const sigstore = await bedSigstoreInputs(state)
    const marks = await logMarks(state)
    const run = await runAction(
      state,
      { subjects: `${host}/${repo}@${digest}`, 'dry-run': 'false', ...sigstore },
      { oidc: false }
    )
    expect(run.code).toBe(1)
    const error = errorLine(run.stdout)
    expect(error).toContain('[Identity: OIDC token]')
    expect(error).toContain('id-token: write')
    expect(error).toContain('MISSING_ID_TOKEN_PERMISSION')
    const logged = await logSince(state, marks)
    expect([...logged.fulcio!, ...logged.rekor!]).toEqual([])
  })

  test('dry-run: auto without the OIDC variables runs dry instead of failing (fork pull requests)', async () => {
    const host = state.registries.distribution.host
    const repo = `e2e/fork-${unique()}`
    const digest = await pushSampleImage(state, 'distribution', repo, 'v1')
    const run = await runAction(
      state,
      { subjects: `${host}/${repo}@${digest}`, ...(await bedSigstoreInputs(state)) },
      { oidc: false }
    )
    expect(run.code).toBe(0)
    expect(run.outputs['dry-run']).toBe('true')
    expect(run.stdout).toContain('id-token: write` missing')
  })

  test('a registry that refuses writes (403): names the subject, the write-access check and the packages: write fix', async () => {
    const repo = `e2e/readonly-${unique()}`
    const digest = await pushSampleImage(state, 'flaky', repo, 'v1')
    await setFaults(flaky.adminUrl, [
      { method: 'PUT', path: `^/v2/${repo}/`, action: 'status', status: 403 },
      { method: 'POST', path: `^/v2/${repo}/blobs/uploads`, action: 'status', status: 403 }
    ])
    const run = await runAction(state, {
      subjects: `${flaky.host}/${repo}@${digest}`,
      sbom: 'none',
      ...(await bedSigstoreInputs(state))
    })
    expect(run.code).toBe(1)
    const error = errorLine(run.stdout)
    // Refused by the write-access check, before anything is signed (test/e2e/publishable.test.ts has the logs).
    expect(error).toContain(`${flaky.host}/${repo}@${digest} [Registry: check write access]`)
    expect(error).toContain('the registry refused a write')
    expect(error).toContain('packages: write')
  })

  test('immutable tags refusing the .sig tag: names the tag and how to exempt sha256-* tags', async () => {
    const repo = `e2e/immutable-${unique()}`
    const digest = await pushSampleImage(state, 'flaky', repo, 'v1')
    await setFaults(flaky.adminUrl, [
      {
        method: 'PUT',
        path: `^/v2/${repo}/manifests/sha256-[0-9a-f]{64}\\.(sig|att)$`,
        action: 'status',
        status: 400
      }
    ])
    const run = await runAction(state, {
      subjects: `${flaky.host}/${repo}@${digest}`,
      sbom: 'none',
      ...(await bedSigstoreInputs(state))
    })
    expect(run.code).toBe(1)
    const error = errorLine(run.stdout)
    expect(error).toContain(`${flaky.host}/${repo}@${digest} [attest]`)
    expect(error).toContain('tags are immutable')
    expect(error).toMatch(/tag sha256-[0-9a-f]{64}\.(sig|att)/)
  })
})

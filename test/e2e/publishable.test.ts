// Nothing logged that cannot be published: write access is proven before any Fulcio or Rekor request, and
// every signature verifies locally before anything is pushed (issue 12, section 2).
import { afterEach, describe, expect, test } from '@jest/globals'
import { readBedState, requireSigstore } from '../bed/state.js'
import { pushSampleImage } from '../bed/tools/sample-image.js'
import { bedSigstoreInputs, runAction } from './support/action-runner.js'
import { clearFaults, logMarks, logSince, setFaults } from './support/bed-logs.js'
import type { LoggedRequest } from './support/bed-logs.js'

const state = readBedState()
const flaky = state.registries.flaky
const sigstore = requireSigstore(state)
const unique = (): string => `${Date.now().toString(36)}${Math.random().toString(16).slice(2, 6)}`
const errorLine = (stdout: string): string =>
  stdout
    .split('\n')
    .filter(l => l.startsWith('::error::'))
    .join('\n') || stdout.slice(-2000)
// A write that reached the registry and was accepted (refused or reset ones stored nothing).
const acceptedWrites = (log: LoggedRequest[]): LoggedRequest[] =>
  log.filter(r => ['POST', 'PUT', 'PATCH'].includes(r.method) && r.status > 0 && r.status < 400)

async function tagsOf(host: string, repo: string, token?: string): Promise<string[]> {
  const res = await fetch(`http://${host}/v2/${repo}/tags/list`, {
    headers: token ? { authorization: `Bearer ${token}` } : {}
  })
  expect(res.status).toBe(200)
  return ((await res.json()) as { tags: string[] }).tags.sort()
}

describe('nothing is logged that cannot be published', () => {
  afterEach(async () => clearFaults(flaky.adminUrl))

  test('a registry refusing writes (403): fails before identity with the fix; no Fulcio, Rekor or accepted write', async () => {
    const repo = `e2e/refuse-${unique()}`
    const digest = await pushSampleImage(state, 'flaky', repo, 'v1')
    await setFaults(flaky.adminUrl, [
      { method: 'PUT', path: `^/v2/${repo}/`, action: 'status', status: 403 },
      { method: 'POST', path: `^/v2/${repo}/blobs/uploads`, action: 'status', status: 403 }
    ])
    const marks = await logMarks(state)
    const run = await runAction(state, {
      subjects: `${flaky.host}/${repo}@${digest}`,
      ...(await bedSigstoreInputs(state))
    })
    expect(run.code).toBe(1)
    const error = errorLine(run.stdout)
    expect(error).toContain(`${flaky.host}/${repo}@${digest} [Registry: check write access]`)
    expect(error).toContain('nothing was signed or logged')
    expect(error).toContain('packages: write')
    expect(error).toContain('WRITE_ACCESS_DENIED')
    const logged = await logSince(state, marks)
    expect([...logged.oidc!, ...logged.fulcio!, ...logged.rekor!]).toEqual([])
    expect(logged.flaky!.some(r => r.method === 'POST' && r.status === 403)).toBe(true)
    expect(acceptedWrites(logged.flaky!)).toEqual([])
  })

  test('read-only credentials (anonymous pull on the Bearer registry): refused at the probe, the repository untouched', async () => {
    const bearer = state.registries.bearer
    const repo = `${bearer.anonymousPullPrefix}ro-${unique()}`
    const digest = await pushSampleImage(state, 'bearer', repo, 'v1')
    const marks = await logMarks(state)
    const run = await runAction(state, {
      subjects: `${bearer.host}/${repo}@${digest}`,
      ...(await bedSigstoreInputs(state))
    })
    expect(run.code).toBe(1)
    const error = errorLine(run.stdout)
    expect(error).toContain('[Registry: check write access]')
    expect(error).toContain('the registry refused a write')
    const logged = await logSince(state, marks)
    expect([...logged.oidc!, ...logged.fulcio!, ...logged.rekor!]).toEqual([])
    // Anonymous pull is allowed there, so the tag list shows what the registry holds: the sample tag only.
    const token = await fetch(
      `${bearer.realm}?service=${encodeURIComponent(bearer.service)}&scope=repository:${repo}:pull`
    ).then(async r => ((await r.json()) as { token: string }).token)
    expect(await tagsOf(bearer.host, repo, token)).toEqual(['v1'])
  })

  test('a registry unreachable for writes (connection reset): fails at the probe, no Fulcio or Rekor request', async () => {
    const repo = `e2e/reset-${unique()}`
    const digest = await pushSampleImage(state, 'flaky', repo, 'v1')
    await setFaults(flaky.adminUrl, [
      { method: 'POST', path: `^/v2/${repo}/`, action: 'reset' },
      { method: 'PUT', path: `^/v2/${repo}/`, action: 'reset' }
    ])
    const marks = await logMarks(state)
    const run = await runAction(state, {
      subjects: `${flaky.host}/${repo}@${digest}`,
      ...(await bedSigstoreInputs(state))
    })
    expect(run.code).toBe(1)
    const error = errorLine(run.stdout)
    expect(error).toContain(`${flaky.host}/${repo}@${digest} [Registry: check write access]`)
    expect(error).toContain('could not be reached for a write')
    const logged = await logSince(state, marks)
    expect([...logged.oidc!, ...logged.fulcio!, ...logged.rekor!]).toEqual([])
    expect(acceptedWrites(logged.flaky!)).toEqual([])
  })

  test('an unreachable registry (nothing listening): fails before identity, no Fulcio or Rekor request', async () => {
    const marks = await logMarks(state)
    const run = await runAction(state, {
      subjects: `127.0.0.1:1/e2e/gone@sha256:${'a'.repeat(64)}`,
      ...(await bedSigstoreInputs(state))
    })
    expect(run.code).toBe(1)
    expect(errorLine(run.stdout)).toContain('127.0.0.1:1')
    const logged = await logSince(state, marks)
    expect([...logged.oidc!, ...logged.fulcio!, ...logged.rekor!]).toEqual([])
  })

  test('a Fulcio without a CT log while SCTs are required: nothing written, the message names the Rekor entries', async () => {
    const repo = `e2e/no-ct-${unique()}`
    const digest = await pushSampleImage(state, 'flaky', repo, 'v1')
    const marks = await logMarks(state)
    const run = await runAction(state, {
      subjects: `${flaky.host}/${repo}@${digest}`,
      sbom: 'none',
      ...(await bedSigstoreInputs(state)),
      'fulcio-url': `${sigstore.fulcioUrl}/no-ct`
    })
    expect(run.code).toBe(1)
    const error = errorLine(run.stdout)
    expect(error).toContain('expected 1 SCTs, got 0')
    expect(error).toContain('before pushing')
    expect(error).toContain('insecure-ignore-sct: true')
    const logged = await logSince(state, marks)
    expect(logged.fulcio!.map(r => r.path)).toEqual(['/no-ct/api/v2/signingCert'])
    const entries = logged.rekor!.filter(r => r.method === 'POST' && r.status === 201)
    expect(entries.length).toBeGreaterThan(0)
    // Every entry created is named with its index and URL, and what it was for.
    const named = [...error.matchAll(/log index (\d+), (\S+?logIndex=\d+)/g)]
    expect(named).toHaveLength(entries.length)
    for (const [, index, url] of named)
      expect(url).toBe(`${sigstore.rekorUrl}/api/v1/log/entries?logIndex=${index}`)
    expect(error).toContain('provenance-v1: log index')
    expect(error).toContain('signature (tag layout): log index')
    // Only the write probe's upload session (opened, then cancelled) reached the registry.
    expect(acceptedWrites(logged.flaky!).map(r => r.method)).toEqual(['POST'])
    expect(logged.flaky!.some(r => r.method === 'DELETE' && r.path.includes('/blobs/uploads/'))).toBe(true)
    expect(await tagsOf(flaky.host, repo)).toEqual(['v1'])
  })

  test('insecure-ignore-sct: true accepts the CT-less Fulcio, publishes and confirms', async () => {
    const repo = `e2e/no-ct-ok-${unique()}`
    const digest = await pushSampleImage(state, 'flaky', repo, 'v1')
    const run = await runAction(state, {
      subjects: `${flaky.host}/${repo}@${digest}`,
      sbom: 'none',
      ...(await bedSigstoreInputs(state)),
      'fulcio-url': `${sigstore.fulcioUrl}/no-ct`,
      'insecure-ignore-sct': 'true'
    })
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('all re-read and verified')
    const hex = digest.replace('sha256:', '')
    expect(await tagsOf(flaky.host, repo)).toEqual(
      expect.arrayContaining([`sha256-${hex}.sig`, `sha256-${hex}.att`])
    )
  })
})

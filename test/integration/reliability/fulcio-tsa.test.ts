// Fulcio and the TSA misbehave; the run still gets exactly one certificate, timestamps within its timeout,
// and stock cosign v3 verifies what was published. Fault rules are bed-global: run in band.
import { afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { readFile } from 'node:fs/promises'
import type { BedState } from '../../bed/state.js'
import { requireSigstore } from '../../bed/state.js'
import { createHttpClient } from '../../../src/http/index.js'
import { publishSample, readBedState, sbomFile } from '../interop/fixture.js'
import type { Published } from '../interop/fixture.js'
import {
  clearFaults,
  clearLog,
  expectCosignV3Accepts,
  faultLog,
  openBedSession,
  rekorTreeSize,
  setFaults,
  tagsOf
} from './support.js'

let state: BedState
let sbomPath: string

beforeAll(async () => {
  state = readBedState()
  sbomPath = await sbomFile(state)
})
afterEach(async () => {
  const admin = requireSigstore(state).adminUrl
  await clearFaults(admin.fulcio, admin.tsa)
})

interface BundleFile {
  verificationMaterial: {
    certificate?: { rawBytes: string }
    timestampVerificationData?: { rfc3161Timestamps?: { signedTimestamp: string }[] }
  }
}
async function bundles(p: Published): Promise<BundleFile[]> {
  const files = p.report.subjects[0]!.items.filter(i => i.bundlePath).map(i => i.bundlePath!)
  return Promise.all(files.map(async f => JSON.parse(await readFile(f, 'utf8')) as BundleFile))
}

describe('Fulcio faults', () => {
  it.each([
    ['a 503', { action: 'status' as const, status: 503 }],
    ['a connection reset', { action: 'reset' as const }]
  ])(
    'rides out %s on the certificate request and still uses one certificate for the run',
    async (_, fault) => {
      const admin = requireSigstore(state).adminUrl.fulcio
      const session = await openBedSession(state)
      await clearLog(admin)
      await setFaults(admin, [{ method: 'POST', path: '^/api/v2/signingCert$', times: 1, ...fault }])
      const p = await publishSample(state, session, 'referrers', 'reliability/fulcio', {
        sbom: { path: sbomPath }
      })
      const calls = (await faultLog(admin)).filter(r => r.path === '/api/v2/signingCert')
      expect(calls.map(r => r.status)).toEqual([fault.action === 'reset' ? 0 : 503, 200])
      expect(p.report.fulcioRequests).toBe(1)
      const leaves = new Set((await bundles(p)).map(b => b.verificationMaterial.certificate?.rawBytes))
      expect(leaves.size).toBe(1)
      await expectCosignV3Accepts(state, p, session)
    }
  )
})

describe('Fulcio down', () => {
  it('fails naming Fulcio and its URL, with nothing logged in Rekor and no tag written', async () => {
    const s = requireSigstore(state)
    const session = await openBedSession(state)
    const repo = 'reliability/fulcio-down'
    await setFaults(s.adminUrl.fulcio, [
      { method: 'POST', path: '^/api/v2/signingCert$', action: 'status', status: 503 }
    ])
    const from = await rekorTreeSize(state)
    const err = (await publishSample(state, session, 'distribution', repo, {
      sbom: { path: sbomPath }
    }).catch((e: unknown) => e)) as Error & { code?: string; cause?: { code?: string } }
    expect(err.code).toBe('SUBJECT_FAILED')
    expect(err.cause?.code).toBe('FULCIO_REQUEST_FAILED')
    expect(err.message).toContain(`Fulcio (${s.fulcioUrl}/api/v2/signingCert)`)
    expect(err.message).toContain('503')
    expect(await rekorTreeSize(state)).toBe(from)
    expect(
      (await tagsOf(state.registries.distribution.host, repo)).filter(t => t.startsWith('sha256-'))
    ).toEqual([])
  })
})

describe('TSA faults', () => {
  it('waits for a TSA that answers slowly but within the timeout, and every bundle carries its timestamp', async () => {
    const s = requireSigstore(state)
    const session = await openBedSession(state, {
      tsaUrl: s.tsaUrl,
      http: createHttpClient({ timeoutMs: 5000 })
    })
    await clearLog(s.adminUrl.tsa)
    await setFaults(s.adminUrl.tsa, [
      { method: 'POST', path: '^/api/v1/timestamp$', action: 'delay', delayMs: 2000 }
    ])
    const started = Date.now()
    const p = await publishSample(state, session, 'distribution', 'reliability/tsa-slow', {
      sbom: { path: sbomPath }
    })
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000)
    const calls = (await faultLog(s.adminUrl.tsa)).filter(r => r.method === 'POST')
    // one timestamp per signature (simple-signing payload + 4 statements), none retried
    expect(calls.map(r => r.status)).toEqual([200, 200, 200, 200, 200])
    for (const b of await bundles(p))
      expect(b.verificationMaterial.timestampVerificationData?.rfc3161Timestamps).toHaveLength(1)
    await expectCosignV3Accepts(state, p, session)
    await expectCosignV3Accepts(state, p, session, false)
  })

  it('fails naming the TSA and its URL when it answers slower than the timeout, and writes no tag', async () => {
    const s = requireSigstore(state)
    const http = createHttpClient({ timeoutMs: 800, retries: 1, minDelayMs: 50 })
    const session = await openBedSession(state, { tsaUrl: s.tsaUrl, http })
    await setFaults(s.adminUrl.tsa, [
      { method: 'POST', path: '^/api/v1/timestamp$', action: 'delay', delayMs: 3000 }
    ])
    const repo = 'reliability/tsa-timeout'
    const err = (await publishSample(state, session, 'distribution', repo, {
      sbom: { path: sbomPath }
    }).catch((e: unknown) => e)) as Error & { code?: string; cause?: { code?: string } }
    expect(err.code).toBe('SUBJECT_FAILED')
    expect(err.cause?.code).toBe('TSA_REQUEST_FAILED')
    expect(err.message).toContain(`TSA ${s.tsaUrl}`)
    expect(err.message).toContain('800 ms')
    // the only tag is the sample image's own
    expect(
      (await tagsOf(state.registries.distribution.host, repo)).filter(t => t.startsWith('sha256-'))
    ).toEqual([])
  })

  // Red until the TSA is asked before Rekor (see the reliability report): sigstore-js runs witnesses in
  // parallel, so a signature whose timestamp failed is already in the public log when the run fails.
  it('a run that fails at the TSA has logged nothing in Rekor', async () => {
    const s = requireSigstore(state)
    const http = createHttpClient({ retries: 1, minDelayMs: 50 })
    const session = await openBedSession(state, { tsaUrl: s.tsaUrl, http })
    await setFaults(s.adminUrl.tsa, [
      { method: 'POST', path: '^/api/v1/timestamp$', action: 'status', status: 503 }
    ])
    const from = await rekorTreeSize(state)
    await expect(
      publishSample(state, session, 'distribution', 'reliability/tsa-down', { sbom: { path: sbomPath } })
    ).rejects.toMatchObject({ code: 'SUBJECT_FAILED' })
    await new Promise(r => setTimeout(r, 2000))
    expect(await rekorTreeSize(state)).toBe(from)
  })
})

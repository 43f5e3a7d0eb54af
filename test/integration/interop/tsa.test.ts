// With a TSA configured, bundles and tag layers carry RFC 3161 timestamps that the stock verifiers accept.
import { beforeAll, describe, expect, it } from '@jest/globals'
import { readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { requireSigstore } from '../../bed/state.js'
import { run } from '../../bed/tools/run.js'
import type { BedState } from '../../bed/state.js'
import { RegistryClient, parseReference } from '../../../src/oci/index.js'
import type { ImageManifest } from '../../../src/oci/index.js'
import type { SigningSession } from '../../../src/pipeline/session.js'
import { cosignTag } from '../../../src/publish/cosign-layout.js'
import { cosignVerify, cosignVerifyAttestation } from './cosign.js'
import { ISSUER, openSession, publishSample, readBedState, sbomFile, tempDir } from './fixture.js'
import type { Published } from './fixture.js'

let state: BedState
let session: SigningSession
let published: Published

beforeAll(async () => {
  state = readBedState()
  session = await openSession(state, {}, { tsa: true })
  published = await publishSample(state, session, 'distribution', 'interop/tsa', {
    sbom: { path: await sbomFile(state) },
    bundleDir: await tempDir(state, 'tsa-')
  })
})

describe('RFC 3161 timestamps', () => {
  it('every bundle and every tag layer carries one', async () => {
    for (const item of published.report.subjects[0]!.items.filter(i => i.bundlePath)) {
      const bundle = JSON.parse(await readFile(item.bundlePath!, 'utf8')) as {
        verificationMaterial: { timestampVerificationData: { rfc3161Timestamps: unknown[] } }
      }
      expect(bundle.verificationMaterial.timestampVerificationData.rfc3161Timestamps).toHaveLength(1)
    }
    const registry = new RegistryClient()
    const repo = parseReference(published.repo)
    for (const suffix of ['sig', 'att'] as const) {
      const m = (await registry.getManifest(repo.withTag(cosignTag(published.digest, suffix))))
        .json as ImageManifest
      for (const layer of m.layers) {
        const ts = JSON.parse(layer.annotations?.['dev.sigstore.cosign/rfc3161timestamp'] ?? '{}') as Record<
          string,
          string
        >
        expect(Buffer.from(ts.SignedRFC3161Timestamp ?? '', 'base64').length).toBeGreaterThan(100)
      }
    }
  })

  it.each([
    ['bundles', undefined],
    ['tag layout', false]
  ])('cosign v3.1.2 accepts the %s', async (_name, newBundleFormat) => {
    const call = {
      version: 'v3' as const,
      trust: 'trusted-root' as const,
      identity: { exact: session.identity.subjectAlternativeName },
      issuer: ISSUER,
      ...(newBundleFormat === false ? { newBundleFormat } : {})
    }
    const ref = `${published.repo}@${published.digest}`
    expect((await cosignVerify(state, ref, call)).code).toBe(0)
    expect((await cosignVerifyAttestation(state, ref, 'slsaprovenance', call)).code).toBe(0)
  })

  it('sigstore-python accepts every timestamped bundle file', async () => {
    const trustConfig = join(dirname(requireSigstore(state).trustedRootPath), 'client_trust_config.json')
    for (const item of published.report.subjects[0]!.items.filter(i => i.bundlePath)) {
      const r = await run(
        state.tools.sigstorePython,
        [
          '-m',
          'sigstore',
          '--trust-config',
          trustConfig,
          'verify',
          'identity',
          '--bundle',
          item.bundlePath!
        ].concat([
          '--cert-identity',
          session.identity.subjectAlternativeName,
          '--cert-oidc-issuer',
          ISSUER,
          published.digest
        ]),
        { timeoutMs: 60_000 }
      )
      expect({ kind: item.kind, code: r.code, stderr: r.code === 0 ? '' : r.stderr }).toEqual({
        kind: item.kind,
        code: 0,
        stderr: ''
      })
    }
  })
})

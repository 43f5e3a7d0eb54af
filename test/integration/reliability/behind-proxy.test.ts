// A self-hosted runner behind a forward proxy: the whole pipeline (registry, Fulcio, Rekor, OIDC) goes
// through HTTP_PROXY with proxy credentials. The bed is reachable only by names the proxy resolves, so a
// request that bypassed the proxy could not succeed. Stock cosign v3 then verifies the result directly.
import { planned, sbomFromFile } from '../support/subjects.js'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { BedState } from '../../bed/state.js'
import { requireSigstore } from '../../bed/state.js'
import { pushSampleImage } from '../../bed/tools/sample-image.js'
import { createHttpClient } from '../../../src/http/index.js'
import { RegistryClient } from '../../../src/oci/index.js'
import { attestSubjects } from '../../../src/pipeline/attest-subjects.js'
import { openSigningSession } from '../../../src/pipeline/session.js'
import { StaticIdentityProvider } from '../../../src/sigstore/identity/provider.js'
import { startRecordingProxy, type RecordingProxy } from '../../unit/http/recording-proxy.js'
import { mintToken, readBedState, sbomFile, tempDir } from '../interop/fixture.js'
import { expectCosignV3Accepts } from './support.js'

let state: BedState
let proxy: RecordingProxy
const portOf = (url: string): number => Number(new URL(url).port)
const CREDENTIALS = Buffer.from('runner:pr0xy-s3cret').toString('base64')

beforeAll(async () => {
  state = readBedState()
  const s = requireSigstore(state)
  proxy = await startRecordingProxy({
    hosts: {
      'registry.test': portOf(`http://${state.registries.distribution.host}`),
      'fulcio.test': portOf(s.fulcioUrl),
      'rekor.test': portOf(s.rekorUrl),
      'oidc.test': portOf(s.oidcUrl)
    },
    requireAuth: `Basic ${CREDENTIALS}`
  })
})
afterAll(async () => {
  await proxy.close()
})

describe('behind an HTTP proxy', () => {
  it('signs, logs and publishes through HTTP_PROXY with proxy credentials', async () => {
    const s = requireSigstore(state)
    const viaName = (url: string, name: string) => url.replace('127.0.0.1', name)
    const http = createHttpClient({
      env: {
        HTTP_PROXY: proxy.url.replace('http://', 'http://runner:pr0xy-s3cret@'),
        NO_PROXY: 'example.org'
      }
    })
    const session = await openSigningSession(
      {
        fulcioUrl: viaName(s.fulcioUrl, 'fulcio.test'),
        rekorUrl: viaName(s.rekorUrl, 'rekor.test'),
        trustedRootPath: s.trustedRootPath,
        oidcDiscoveryUrl: viaName(s.oidcUrl, 'oidc.test')
      },
      { identity: new StaticIdentityProvider(await mintToken(state)), http }
    )
    const repo = 'reliability/behind-proxy'
    const digest = await pushSampleImage(state, 'distribution', repo, `t${Date.now()}`)
    const named = `registry.test:${portOf(`http://${state.registries.distribution.host}`)}`
    const registry = new RegistryClient({ http, insecureRegistries: [named] })
    const report = await attestSubjects(
      {
        subjects: await planned(registry, [`${named}/${repo}@${digest}`]),
        ...(await sbomFromFile(await sbomFile(state))),
        bundleDir: await tempDir(state, 'proxy-')
      },
      { registry, session }
    )
    expect(report.subjects[0]!.items).toHaveLength(5)

    const hosts = new Set(proxy.relayed.map(r => new URL(r.target).hostname))
    expect([...hosts].sort()).toEqual(['fulcio.test', 'oidc.test', 'registry.test', 'rekor.test'])
    expect(proxy.relayed.every(r => r.kind === 'absolute')).toBe(true)
    expect(proxy.relayed.every(r => r.headers['proxy-authorization'] === `Basic ${CREDENTIALS}`)).toBe(true)
    const paths = proxy.relayed.map(r => new URL(r.target).pathname)
    expect(paths).toContain('/api/v2/signingCert')
    expect(paths).toContain('/api/v1/log/entries')
    expect(paths.some(p => p.startsWith(`/v2/${repo}/manifests/sha256-`))).toBe(true)

    // the published artifacts are the same bytes at the registry's own address
    const direct = {
      registry: 'distribution' as const,
      repo: `${state.registries.distribution.host}/${repo}`,
      digest,
      report
    }
    await expectCosignV3Accepts(state, direct, session)
    await expectCosignV3Accepts(state, direct, session, false)
  })
})

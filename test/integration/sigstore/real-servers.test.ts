// The bed's real rekor-tiles (Rekor v2) and timestamp-authority, proved with stock tools: cosign v3.1.2 signs to
// them through the bed's Rekor v2 signing config, and cosign and sigstore-python verify against the bed's one
// trusted root, which still serves the Rekor v1 stand-in.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { readBedState, requireRealSigstore, type BedState, type RealSigstoreState } from '../../bed/state.js'
import { run, type RunResult } from '../../bed/tools/run.js'

const ID = 'https://github.com/nvidia/gpu-operator/.github/workflows/release.yaml@refs/tags/v1.2.3'
const EVIL_ID = 'https://github.com/evil/fork/.github/workflows/release.yaml@refs/tags/v1.2.3'
const ISS = 'https://token.actions.githubusercontent.com'

interface Bundle {
  mediaType: string
  verificationMaterial: {
    tlogEntries: Array<{
      logId: { keyId: string }
      kindVersion: { kind: string; version: string }
      integratedTime?: string
      inclusionPromise?: unknown
      inclusionProof?: { checkpoint: { envelope: string } }
      canonicalizedBody: string
    }>
    timestampVerificationData?: { rfc3161Timestamps?: unknown[] }
  }
  dsseEnvelope?: { payload: string; payloadType: string }
}

let state: BedState
let real: RealSigstoreState
let work: string
let blob: string
/** A cosign attest-blob bundle on Rekor v2, once the DSSE test below wrote it. */
let attestation: string

const explain = (r: RunResult) => `exit ${r.code}\n${r.stderr.slice(-3000)}\n${r.stdout.slice(-1000)}`
function expectOk(r: RunResult): void {
  if (r.code !== 0) throw new Error(`expected success, got ${explain(r)}`)
}
const cosign = (args: string[]) =>
  run(state.tools.cosignV3, args, {
    env: { ...process.env, TUF_ROOT: join(work, 'tuf') },
    timeoutMs: 120_000
  })
const python = (args: string[]) =>
  run(state.tools.sigstorePython, ['-m', 'sigstore', ...args], { timeoutMs: 120_000 })

async function mint(): Promise<string> {
  const res = await fetch(`${state.sigstore.oidcUrl}/__mint`, { method: 'POST', body: '{}' })
  return ((await res.json()) as { token: string }).token
}

const readBundle = async (path: string) => JSON.parse(await readFile(path, 'utf8')) as Bundle
const trust = () => ['--trusted-root', state.sigstore.trustedRootPath]
const identity = (id = ID) => ['--certificate-identity', id, '--certificate-oidc-issuer', ISS]

async function signBlob(signingConfig: string, bundle: string): Promise<void> {
  const args = ['sign-blob', '-y', '--identity-token', await mint(), '--signing-config', signingConfig]
  expectOk(await cosign([...args, ...trust(), '--bundle', bundle, blob]))
}

async function proxied(adminUrl: string): Promise<string[]> {
  const log = (await (await fetch(`${adminUrl}/log`)).json()) as Array<{
    method: string
    path: string
    status: number
  }>
  return log.map(r => `${r.method} ${r.path} ${r.status}`)
}

beforeAll(async () => {
  state = readBedState()
  real = requireRealSigstore(state)
  work = await mkdtemp(join(state.dir, 'real-servers-'))
  blob = join(work, 'artifact.txt')
  await writeFile(blob, 'release artifact for Rekor v2\n')
})
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true })
})

describe('the trust files', () => {
  it('one trusted root holds the Rekor v1 stand-in and rekor-tiles, the stand-in TSA and the real one', async () => {
    const root = JSON.parse(await readFile(state.sigstore.trustedRootPath, 'utf8')) as {
      tlogs: Array<{ baseUrl: string; publicKey: { keyDetails: string }; logId: { keyId: string } }>
      timestampAuthorities: Array<{ uri: string; certChain: { certificates: Array<{ rawBytes: string }> } }>
    }
    expect(root.tlogs.map(t => [t.baseUrl, t.publicKey.keyDetails])).toEqual([
      [state.sigstore.rekorUrl, 'PKIX_ECDSA_P256_SHA_256'],
      [real.rekorV2Url, 'PKIX_ED25519']
    ])
    expect(root.tlogs[1]!.logId.keyId).toBe(real.rekorV2LogId)
    expect(root.timestampAuthorities.map(t => t.uri)).toEqual([state.sigstore.tsaUrl, real.tsaUrl])
    const served = await (await fetch(`${real.tsaUrl}/certchain`)).text()
    const pemChain = await readFile(real.tsaCertChainPath, 'utf8')
    expect(pemChain.replace(/\s/g, '')).toBe(served.replace(/\s/g, ''))
  })

  it('the two signing configs select Rekor v1 + stand-in TSA, and Rekor v2 + the real TSA', async () => {
    type Service = { url: string; majorApiVersion: number }
    type Config = { mediaType: string; rekorTlogUrls: Service[]; tsaUrls: Service[]; caUrls: Service[] }
    const v1 = JSON.parse(await readFile(state.sigstore.signingConfigPath, 'utf8')) as Config
    const v2 = JSON.parse(await readFile(real.signingConfigPath, 'utf8')) as Config
    for (const c of [v1, v2]) {
      expect(c.mediaType).toBe('application/vnd.dev.sigstore.signingconfig.v0.2+json')
      expect(c.caUrls.map(s => s.url)).toEqual([state.sigstore.fulcioUrl])
    }
    expect(v1.rekorTlogUrls.map(s => [s.url, s.majorApiVersion])).toEqual([[state.sigstore.rekorUrl, 1]])
    expect(v1.tsaUrls.map(s => s.url)).toEqual([state.sigstore.tsaUrl])
    expect(v2.rekorTlogUrls.map(s => [s.url, s.majorApiVersion])).toEqual([[real.rekorV2Url, 2]])
    expect(v2.tsaUrls.map(s => s.url)).toEqual([real.tsaUrl])
  })
})

describe('fault injection in front of the real servers', () => {
  it.each([
    ['rekor-tiles', () => real.adminUrl.rekorV2, () => `${real.rekorV2Url}/api/v2/log/entries`],
    ['timestamp-authority', () => real.adminUrl.tsa, () => real.tsaUrl]
  ])('%s answers an injected 503 once, then itself', async (_name, admin, url) => {
    const rule = { method: 'POST', path: '^/api/v', action: 'status', status: 503, times: 1 }
    const set = await fetch(admin(), { method: 'POST', body: JSON.stringify({ rules: [rule] }) })
    expect(set.status).toBe(200)
    try {
      const post = () => fetch(url(), { method: 'POST', body: '{}' }).then(r => r.status)
      expect(await post()).toBe(503)
      // The server's own refusal of an empty request: it was reached this time.
      const second = await post()
      expect(second).toBeGreaterThanOrEqual(400)
      expect(second).not.toBe(503)
    } finally {
      await fetch(admin(), { method: 'DELETE' })
    }
  })
})

describe('cosign v3.1.2 against rekor-tiles and timestamp-authority', () => {
  let bundle: string
  beforeAll(async () => {
    await Promise.all(
      [real.adminUrl.rekorV2, real.adminUrl.tsa].map(u => fetch(`${u}/log`, { method: 'DELETE' }))
    )
    bundle = join(work, 'v2.sigstore.json')
    await signBlob(real.signingConfigPath, bundle)
  }, 180_000)

  it('logs a hashedrekord v0.0.2 entry in Rekor v2 and gets an RFC 3161 timestamp, through the fault proxies', async () => {
    const b = await readBundle(bundle)
    expect(b.mediaType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json')
    const [entry, ...more] = b.verificationMaterial.tlogEntries
    expect(more).toEqual([])
    expect(entry!.kindVersion).toEqual({ kind: 'hashedrekord', version: '0.0.2' })
    expect(entry!.logId.keyId).toBe(real.rekorV2LogId)
    expect(entry!.inclusionPromise).toBeUndefined()
    expect(entry!.inclusionProof!.checkpoint.envelope.split('\n')[0]).toBe(real.rekorV2Origin)
    expect(b.verificationMaterial.timestampVerificationData?.rfc3161Timestamps).toHaveLength(1)
    expect(await proxied(real.adminUrl.rekorV2)).toContain('POST /api/v2/log/entries 201')
    expect(await proxied(real.adminUrl.tsa)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^POST \/api\/v1\/timestamp 20[01]$/)])
    )
  })

  it('cosign verify-blob accepts the bundle with the bed trusted root, and refuses another identity', async () => {
    expectOk(await cosign(['verify-blob', '--bundle', bundle, ...trust(), ...identity(), blob]))
    const wrong = await cosign(['verify-blob', '--bundle', bundle, ...trust(), ...identity(EVIL_ID), blob])
    expect(wrong.code).not.toBe(0)
    expect(wrong.stderr).toMatch(/identit|SAN|subject/i)
  })

  it('sigstore-python 4.5.1 verifies the Rekor v2 bundle, and refuses another identity', async () => {
    const args = ['--trust-config', real.clientTrustConfigPath, 'verify', 'identity', '--offline']
    const verify = (id: string) =>
      python([...args, '--bundle', bundle, '--cert-identity', id, '--cert-oidc-issuer', ISS, blob])
    expectOk(await verify(ID))
    const wrong = await verify(EVIL_ID)
    expect(wrong.code).not.toBe(0)
    expect(wrong.stderr).toMatch(/identit|SAN|Subject/i)
  })

  it('logs a DSSE attestation as hashedrekord v0.0.2 over the PAE, and verify-blob-attestation accepts it', async () => {
    const predicate = join(work, 'provenance.json')
    await writeFile(predicate, JSON.stringify({ buildDefinition: { buildType: 'https://example.com/bed' } }))
    attestation = join(work, 'attestation.sigstore.json')
    const args = [
      'attest-blob',
      '-y',
      '--identity-token',
      await mint(),
      '--signing-config',
      real.signingConfigPath
    ]
    const type = ['--type', 'slsaprovenance1']
    expectOk(
      await cosign([...args, ...trust(), ...type, '--predicate', predicate, '--bundle', attestation, blob])
    )
    const b = await readBundle(attestation)
    const entry = b.verificationMaterial.tlogEntries[0]!
    expect(entry.kindVersion).toEqual({ kind: 'hashedrekord', version: '0.0.2' })
    const { payloadType, payload } = b.dsseEnvelope!
    const body = Buffer.from(payload, 'base64')
    const pae = Buffer.concat([
      Buffer.from(`DSSEv1 ${Buffer.byteLength(payloadType)} ${payloadType} ${body.length} `),
      body
    ])
    const logged = JSON.parse(Buffer.from(entry.canonicalizedBody, 'base64').toString('utf8')) as {
      spec: { hashedRekordV002: { data: { digest: string } } }
    }
    expect(logged.spec.hashedRekordV002.data.digest).toBe(createHash('sha256').update(pae).digest('base64'))
    const verify = [
      'verify-blob-attestation',
      '--bundle',
      attestation,
      ...trust(),
      ...type,
      ...identity(),
      blob
    ]
    expectOk(await cosign(verify))
  }, 180_000)

  it('gh v2.90.0 attestation verify accepts that bundle offline with the bed trusted root', async () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      GH_CONFIG_DIR: join(work, 'gh'),
      GH_NO_UPDATE_NOTIFIER: '1',
      GH_PROMPT_DISABLED: '1',
      // Anything bound for GitHub or a TUF CDN fails at a closed port: a pass needed nothing remote.
      HTTPS_PROXY: 'http://127.0.0.1:9',
      HTTP_PROXY: 'http://127.0.0.1:9',
      NO_PROXY: ''
    }
    for (const name of ['GH_TOKEN', 'GITHUB_TOKEN', 'GH_HOST', 'GH_ENTERPRISE_TOKEN']) delete env[name]
    const args = ['attestation', 'verify', blob, '--bundle', attestation, '--custom-trusted-root']
    // With the genuine signer workflow, a wrong owner is refused by the certificate extensions, by name.
    const workflow = ['--signer-workflow', 'nvidia/gpu-operator/.github/workflows/release.yaml']
    const gh = (owner: string) =>
      run(state.tools.gh, [...args, state.sigstore.trustedRootPath, '--owner', owner, ...workflow], { env })
    expectOk(await gh('nvidia'))
    const wrong = await gh('evil')
    expect(wrong.code).not.toBe(0)
    expect(wrong.stderr).toMatch(/expected SourceRepositoryOwnerURI to be https:\/\/github\.com\/evil,/)
  })
})

describe('cosign v3.1.2 against the Rekor v1 stand-in, with the same trusted root', () => {
  it('signs with the v1 signing config and verifies', async () => {
    const bundle = join(work, 'v1.sigstore.json')
    await signBlob(state.sigstore.signingConfigPath, bundle)
    const entry = (await readBundle(bundle)).verificationMaterial.tlogEntries[0]!
    expect(entry.kindVersion).toEqual({ kind: 'hashedrekord', version: '0.0.1' })
    expect(entry.inclusionPromise).toBeDefined()
    expectOk(await cosign(['verify-blob', '--bundle', bundle, ...trust(), ...identity(), blob]))
  }, 180_000)
})

// The bed's real Fulcio (v1.8.8, --ca=ephemeralca) with TesseraCT as its CT log, proved with stock cosign v3.1.2:
// it signs through the bed's real-Fulcio signing config (Fulcio, rekor-tiles, timestamp-authority) and verifies
// against the bed's one trusted root, SCT included.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { X509Certificate, createHash } from 'node:crypto'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  readBedState,
  requireRealFulcio,
  requireRealSigstore,
  type BedState,
  type RealFulcioState,
  type RealSigstoreState
} from '../../bed/state.js'
import { run, type RunResult } from '../../bed/tools/run.js'

const ID = 'https://github.com/nvidia/gpu-operator/.github/workflows/release.yaml@refs/tags/v1.2.3'
const EVIL_ID = 'https://github.com/evil/fork/.github/workflows/release.yaml@refs/tags/v1.2.3'
// DER of OID 1.3.6.1.4.1.11129.2.4.2, the embedded-SCT-list certificate extension (RFC 6962 3.3).
const SCT_LIST_OID = Buffer.from('060a2b06010401d679020402', 'hex')

interface TrustedRoot {
  certificateAuthorities: Array<{ uri: string; certChain: { certificates: Array<{ rawBytes: string }> } }>
  ctlogs: Array<{ baseUrl: string; logId: { keyId: string } }>
}

let state: BedState
let real: RealSigstoreState
let fulcio: RealFulcioState
let work: string
let blob: string

const explain = (r: RunResult) => `exit ${r.code}\n${r.stderr.slice(-3000)}\n${r.stdout.slice(-1000)}`
function expectOk(r: RunResult): void {
  if (r.code !== 0) throw new Error(`expected success, got ${explain(r)}`)
}
const cosign = (args: string[]) =>
  run(state.tools.cosignV3, args, {
    env: { ...process.env, TUF_ROOT: join(work, 'tuf') },
    timeoutMs: 120_000
  })

async function mint(issuerUrl: string): Promise<string> {
  const res = await fetch(`${issuerUrl}/__mint`, { method: 'POST', body: '{}' })
  return ((await res.json()) as { token: string }).token
}
const readRoot = async (path = state.sigstore.trustedRootPath) =>
  JSON.parse(await readFile(path, 'utf8')) as TrustedRoot
const trust = (path = state.sigstore.trustedRootPath) => ['--trusted-root', path]
const identity = (id = ID) => ['--certificate-identity', id, '--certificate-oidc-issuer', fulcio.issuer]

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
  fulcio = requireRealFulcio(state)
  work = await mkdtemp(join(state.dir, 'real-fulcio-'))
  blob = join(work, 'artifact.txt')
  await writeFile(blob, 'release artifact for the real Fulcio\n')
})
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true })
})

describe('the trust files', () => {
  it('the trusted root holds both CAs and both CT logs, the real ones as Fulcio and TesseraCT serve them', async () => {
    const root = await readRoot()
    expect(root.certificateAuthorities.map(c => c.uri)).toEqual([state.sigstore.fulcioUrl, fulcio.url])
    const bundle = (await (await fetch(`${fulcio.url}/api/v2/trustBundle`)).json()) as {
      chains: Array<{ certificates: string[] }>
    }
    const served = bundle.chains[0]!.certificates.map(p => new X509Certificate(p).raw.toString('base64'))
    expect(root.certificateAuthorities[1]!.certChain.certificates.map(c => c.rawBytes)).toEqual(served)

    expect(root.ctlogs.map(l => l.baseUrl)).toEqual([`${state.sigstore.fulcioUrl}/ct`, fulcio.ctlogUrl])
    const spki = Buffer.from(
      (await readFile(fulcio.ctlogPublicKeyPath, 'utf8')).replace(/-----[A-Z ]+-----|\s/g, ''),
      'base64'
    )
    expect(root.ctlogs[1]!.logId.keyId).toBe(createHash('sha256').update(spki).digest('base64'))
    // TesseraCT accepts chains to the roots it was started with: the ephemeral CA's root.
    const roots = (await (await fetch(`${fulcio.ctlogUrl}/ct/v1/get-roots`)).json()) as {
      certificates: string[]
    }
    expect(roots.certificates).toEqual([served[served.length - 1]])
  })

  it('the real-Fulcio signing config selects Fulcio, its issuer, Rekor v2 and the real TSA', async () => {
    type Service = { url: string; majorApiVersion: number }
    const c = JSON.parse(await readFile(fulcio.signingConfigPath, 'utf8')) as Record<string, Service[]>
    expect(c.caUrls!.map(s => s.url)).toEqual([fulcio.url])
    expect(c.oidcUrls!.map(s => s.url)).toEqual([fulcio.issuer])
    expect(c.rekorTlogUrls!.map(s => [s.url, s.majorApiVersion])).toEqual([[real.rekorV2Url, 2]])
    expect(c.tsaUrls!.map(s => s.url)).toEqual([real.tsaUrl])
  })
})

describe('fault injection in front of Fulcio and its CT log', () => {
  it.each([
    ['fulcio', () => fulcio.adminUrl.fulcio, () => `${fulcio.url}/api/v2/signingCert`],
    ['tesseract', () => fulcio.adminUrl.ctlog, () => `${fulcio.ctlogUrl}/ct/v1/add-pre-chain`]
  ])('%s answers an injected 503 once, then itself', async (_name, admin, url) => {
    const rule = { method: 'POST', path: '^/', action: 'status', status: 503, times: 1 }
    const set = await fetch(admin(), { method: 'POST', body: JSON.stringify({ rules: [rule] }) })
    expect(set.status).toBe(200)
    try {
      const post = () =>
        fetch(url(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }).then(
          r => r.status
        )
      expect(await post()).toBe(503)
      // The server's own refusal of an empty request: it was reached this time.
      expect(await post()).toBe(400)
    } finally {
      await fetch(admin(), { method: 'DELETE' })
    }
  })
})

describe('cosign v3.1.2 against the real Fulcio and its CT log', () => {
  let bundle: string
  let leaf: X509Certificate
  beforeAll(async () => {
    await Promise.all(
      [fulcio.adminUrl.fulcio, fulcio.adminUrl.ctlog].map(u => fetch(`${u}/log`, { method: 'DELETE' }))
    )
    bundle = join(work, 'fulcio.sigstore.json')
    const token = await mint(fulcio.issuer)
    const args = ['sign-blob', '-y', '--identity-token', token, '--signing-config', fulcio.signingConfigPath]
    expectOk(await cosign([...args, ...trust(), '--bundle', bundle, blob]))
    const b = JSON.parse(await readFile(bundle, 'utf8')) as {
      verificationMaterial: { certificate: { rawBytes: string } }
    }
    leaf = new X509Certificate(Buffer.from(b.verificationMaterial.certificate.rawBytes, 'base64'))
  }, 180_000)

  it('gets a certificate from the ephemeral CA with an embedded SCT, through the fault proxies', async () => {
    const chain = (await readFile(fulcio.chainPath, 'utf8')).split(/(?<=-----END CERTIFICATE-----)\s*/)
    const issuer = new X509Certificate(chain[0]!)
    expect(leaf.checkIssued(issuer)).toBe(true)
    expect(leaf.verify(issuer.publicKey)).toBe(true)
    expect(leaf.subjectAltName).toBe(`URI:${ID}`)
    expect(leaf.raw.includes(SCT_LIST_OID)).toBe(true)
    expect(await proxied(fulcio.adminUrl.fulcio)).toContain('POST /api/v2/signingCert 200')
    expect(await proxied(fulcio.adminUrl.ctlog)).toContain('POST /ct/v1/add-pre-chain 200')
  })

  it('cosign verify-blob accepts it with the trusted root (SCT checked), and refuses another identity', async () => {
    const github = ['--certificate-github-workflow-repository', 'nvidia/gpu-operator']
    expectOk(await cosign(['verify-blob', '--bundle', bundle, ...trust(), ...identity(), ...github, blob]))
    const wrong = await cosign(['verify-blob', '--bundle', bundle, ...trust(), ...identity(EVIL_ID), blob])
    expect(wrong.code).not.toBe(0)
    expect(wrong.stderr).toMatch(/expected SAN value "https:\/\/github\.com\/evil\/fork\//)
  })

  it('sigstore-python 4.5.1 verifies it with the real-Fulcio trust config, and refuses another identity', async () => {
    const args = [
      '-m',
      'sigstore',
      '--trust-config',
      fulcio.clientTrustConfigPath,
      'verify',
      'identity',
      '--offline'
    ]
    const verify = (id: string) =>
      run(
        state.tools.sigstorePython,
        [...args, '--bundle', bundle, '--cert-identity', id, '--cert-oidc-issuer', fulcio.issuer, blob],
        { timeoutMs: 120_000 }
      )
    expectOk(await verify(ID))
    const wrong = await verify(EVIL_ID)
    expect(wrong.code).not.toBe(0)
    expect(wrong.stderr).toMatch(/identit|SAN|Subject/i)
  })

  it('cosign verify-blob refuses it when the trusted root lacks TesseraCT: the SCT is really checked', async () => {
    const root = await readRoot()
    const withoutCt = { ...root, ctlogs: root.ctlogs.filter(l => l.baseUrl !== fulcio.ctlogUrl) }
    const path = join(work, 'trusted_root_without_tesseract.json')
    await writeFile(path, JSON.stringify(withoutCt) + '\n')
    const r = await cosign(['verify-blob', '--bundle', bundle, ...trust(path), ...identity(), blob])
    expect(r.code).not.toBe(0)
    expect(r.stderr).toMatch(/failed to verify signed certificate timestamp/)
  })
})

describe('the issuers', () => {
  it('the real Fulcio refuses a token from the GitHub-named issuer, which its config does not register', async () => {
    const out = join(work, 'refused.sigstore.json')
    const args = ['sign-blob', '-y', '--identity-token', await mint(state.sigstore.oidcUrl)]
    const r = await cosign([
      ...args,
      '--signing-config',
      fulcio.signingConfigPath,
      ...trust(),
      '--bundle',
      out,
      blob
    ])
    expect(r.code).not.toBe(0)
    expect(r.stderr).toMatch(/Fulcio returned 400: .*error processing the identity token/)
  }, 180_000)
})

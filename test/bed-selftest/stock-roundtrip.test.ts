// The acceptance test of the stand-in: stock cosign v2/v3 and sigstore-python sign and verify against it,
// and reject what they must reject. Never uses --insecure-ignore-tlog or --insecure-ignore-sct.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { readBedState, requireSigstore, type BedState, type SigstoreState } from '../bed/state.js'
import { getBlob, getManifest, pushImage, putBlob, putManifest } from './support/registry.js'
import { explain, runTool, type RunResult } from './support/run.js'
import { startLocalStack, type LocalStack } from './support/local-stack.js'

const ID = 'https://github.com/nvidia/gpu-operator/.github/workflows/release.yaml@refs/tags/v1.2.3'
const EVIL_ID = 'https://github.com/evil/fork/.github/workflows/release.yaml@refs/tags/v1.2.3'
const ISS = 'https://token.actions.githubusercontent.com'
const REPO = 'selftest/sigstore'

let state: BedState
let s: SigstoreState
let host: string
let work: string
let other: LocalStack

beforeAll(async () => {
  state = readBedState()
  s = requireSigstore(state)
  host = state.registries.referrers.host
  work = await mkdtemp(join(state.dir, 'sigstore-roundtrip-'))
  other = await startLocalStack()
}, 60_000)
afterAll(async () => {
  await other?.stop()
  if (work) await rm(work, { recursive: true, force: true })
})

// signing_config.json and client_trust_config.json sit next to trusted_root.json (see trust-files.ts)
const beside = (trustedRootPath: string, name: string) => join(dirname(trustedRootPath), name)

async function mint(overrides: object = {}): Promise<string> {
  const res = await fetch(`${s.oidcUrl}/__mint`, { method: 'POST', body: JSON.stringify(overrides) })
  return ((await res.json()) as { token: string }).token
}

const tufEnv = () => ({ TUF_ROOT: join(work, 'tuf') })
const cosign3 = (args: string[]) => runTool(state.tools.cosignV3, args, tufEnv())
const cosign2 = (args: string[], env: Record<string, string> = {}) =>
  runTool(state.tools.cosignV2, args, { ...tufEnv(), ...env })
const python = (args: string[]) => runTool(state.tools.sigstorePython, ['-m', 'sigstore', ...args])

/** cosign's environment-variable trust mode for a stack's PEM files. */
const envTrust = (
  t: Pick<SigstoreState, 'fulcioRootsPemPath' | 'rekorPublicKeyPath' | 'ctlogPublicKeyPath'>
) => ({
  SIGSTORE_ROOT_FILE: t.fulcioRootsPemPath,
  SIGSTORE_REKOR_PUBLIC_KEY: t.rekorPublicKeyPath,
  SIGSTORE_CT_LOG_PUBLIC_KEY_FILE: t.ctlogPublicKeyPath
})

/** Our log, CT log and TSA, but the Fulcio CA of another stack: only the CA check can fail. */
async function foreignCaTrust(): Promise<{ trustedRoot: string; env: Record<string, string> }> {
  const ours = JSON.parse(await readFile(s.trustedRootPath, 'utf8')) as Record<string, unknown>
  const theirs = JSON.parse(await readFile(other.stack.trustedRootPath, 'utf8')) as Record<string, unknown>
  const trustedRoot = join(work, 'foreign-ca-trusted-root.json')
  await writeFile(
    trustedRoot,
    JSON.stringify({ ...ours, certificateAuthorities: theirs.certificateAuthorities })
  )
  return { trustedRoot, env: { ...envTrust(s), SIGSTORE_ROOT_FILE: other.stack.fulcioRootsPemPath } }
}

const identity = (id = ID) => ['--certificate-identity', id, '--certificate-oidc-issuer', ISS]

async function signBundle(image: string, token: string): Promise<void> {
  const r = await cosign3([
    'sign',
    '-y',
    '--identity-token',
    token,
    '--signing-config',
    beside(s.trustedRootPath, 'signing_config.json'),
    '--trusted-root',
    s.trustedRootPath,
    image
  ])
  expectOk(r)
}

/** cosign v3's deprecated flags still write the tag layout (.sig) that cosign v2 env-var mode reads. */
async function signTagLayout(image: string, token: string): Promise<void> {
  const r = await cosign3([
    'sign',
    '-y',
    '--new-bundle-format=false',
    '--use-signing-config=false',
    '--fulcio-url',
    s.fulcioUrl,
    '--rekor-url',
    s.rekorUrl,
    '--trusted-root',
    s.trustedRootPath,
    '--identity-token',
    token,
    image
  ])
  expectOk(r)
}

function expectOk(r: RunResult): void {
  if (r.code !== 0) throw new Error(`expected success, got ${explain(r)}`)
}
function expectRejected(r: RunResult, reason: RegExp): void {
  if (r.code === 0) throw new Error(`expected rejection, got success:\n${r.stdout.slice(0, 500)}`)
  expect(r.stderr).toMatch(reason)
}

async function image(tag: string): Promise<string> {
  return `${host}/${REPO}@${await pushImage(host, REPO, tag, tag)}`
}

describe('bundle format: cosign v3 signs with the signing config', () => {
  let img: string
  beforeAll(async () => {
    img = await image('bundle')
    await signBundle(img, await mint())
  }, 120_000)

  it('cosign v3 and v2 verify it with --trusted-root', async () => {
    expectOk(await cosign3(['verify', '--trusted-root', s.trustedRootPath, ...identity(), img]))
    expectOk(
      await cosign2([
        'verify',
        '--new-bundle-format',
        '--trusted-root',
        s.trustedRootPath,
        ...identity(),
        img
      ])
    )
  })

  it('both reject another expected identity', async () => {
    expectRejected(
      await cosign3(['verify', '--trusted-root', s.trustedRootPath, ...identity(EVIL_ID), img]),
      /identit/i
    )
    expectRejected(
      await cosign2([
        'verify',
        '--new-bundle-format',
        '--trusted-root',
        s.trustedRootPath,
        ...identity(EVIL_ID),
        img
      ]),
      /identit/i
    )
  })

  it('both reject it under the trust root of another stack (its log key does not match)', async () => {
    const foreign = other.stack.trustedRootPath
    const logKey = /not enough verified log entries|log public key not found/
    expectRejected(await cosign3(['verify', '--trusted-root', foreign, ...identity(), img]), logKey)
    expectRejected(
      await cosign2(['verify', '--new-bundle-format', '--trusted-root', foreign, ...identity(), img]),
      logKey
    )
  })

  it('both reject it when only the certificate authority is unknown', async () => {
    const { trustedRoot } = await foreignCaTrust()
    const unknownCa = /leaf certificate verification failed|signed by unknown authority/
    expectRejected(await cosign3(['verify', '--trusted-root', trustedRoot, ...identity(), img]), unknownCa)
    expectRejected(
      await cosign2(['verify', '--new-bundle-format', '--trusted-root', trustedRoot, ...identity(), img]),
      unknownCa
    )
  })
})

describe('tag layout: .sig signed through Fulcio and Rekor URLs', () => {
  let img: string
  beforeAll(async () => {
    img = await image('tags')
    await signTagLayout(img, await mint())
  }, 120_000)

  it('cosign v2 verifies it in environment-variable mode, offline, and cosign v3 with --trusted-root', async () => {
    expectOk(await cosign2(['verify', '--offline', ...identity(), img], envTrust(s)))
    expectOk(await cosign3(['verify', '--trusted-root', s.trustedRootPath, ...identity(), img]))
  })

  it('both reject another expected identity', async () => {
    expectRejected(await cosign2(['verify', '--offline', ...identity(EVIL_ID), img], envTrust(s)), /identit/i)
    expectRejected(
      await cosign3(['verify', '--trusted-root', s.trustedRootPath, ...identity(EVIL_ID), img]),
      /identit/i
    )
  })

  it('both reject it under the trust material of another stack', async () => {
    const logKey = /log public key not found|transparency log|rekor/i
    expectRejected(
      await cosign2(['verify', '--offline', ...identity(), img], envTrust(other.stack)),
      /verif|signature/i
    )
    expectRejected(
      await cosign3(['verify', '--trusted-root', other.stack.trustedRootPath, ...identity(), img]),
      logKey
    )
  })

  it('both reject it when only the certificate authority is unknown', async () => {
    const foreign = await foreignCaTrust()
    const unknownCa = /leaf certificate verification failed|signed by unknown authority/
    expectRejected(await cosign2(['verify', '--offline', ...identity(), img], foreign.env), unknownCa)
    expectRejected(
      await cosign3(['verify', '--trusted-root', foreign.trustedRoot, ...identity(), img]),
      unknownCa
    )
  })

  it('both reject a signature whose payload was changed after signing', async () => {
    const tampered = await image('tampered')
    await signTagLayout(tampered, await mint())
    const digest = tampered.split('@')[1] ?? ''
    const tag = `${digest.replace(':', '-')}.sig`
    const { json: manifest } = await getManifest(host, REPO, tag)
    const layers = manifest.layers as { digest: string; size: number }[]
    const layer = layers[0]
    if (!layer) throw new Error('.sig manifest has no layer')
    const payload = JSON.parse((await getBlob(host, REPO, layer.digest)).toString()) as Record<
      string,
      unknown
    >
    payload.optional = { note: 'added after signing' }
    const blob = await putBlob(host, REPO, Buffer.from(JSON.stringify(payload)))
    layer.digest = blob.digest
    layer.size = blob.size
    await putManifest(host, REPO, tag, manifest)
    expectRejected(
      await cosign2(['verify', '--offline', ...identity(), tampered], envTrust(s)),
      /matching bundle to payload|invalid signature/
    )
    expectRejected(
      await cosign3(['verify', '--trusted-root', s.trustedRootPath, ...identity(), tampered]),
      /matching bundle to payload|invalid signature/
    )
  })
})

describe('cosign v2 as the signer', () => {
  it('signs through the Fulcio v1 API and attests through a dsse entry, and both versions verify', async () => {
    const signed = await image('v2-sign')
    const attested = await image('v2-attest')
    const urls = ['--fulcio-url', s.fulcioUrl, '--rekor-url', s.rekorUrl]
    expectOk(await cosign2(['sign', '-y', ...urls, '--identity-token', await mint(), signed], envTrust(s)))
    const predicate = join(work, 'predicate.json')
    await writeFile(predicate, JSON.stringify({ builtBy: 'selftest' }))
    expectOk(
      await cosign2(
        [
          'attest',
          '-y',
          ...urls,
          '--identity-token',
          await mint(),
          '--predicate',
          predicate,
          '--type',
          'custom',
          attested
        ],
        envTrust(s)
      )
    )
    expectOk(await cosign2(['verify', '--offline', ...identity(), signed], envTrust(s)))
    expectOk(await cosign3(['verify', '--trusted-root', s.trustedRootPath, ...identity(), signed]))
    expectOk(
      await cosign2(
        ['verify-attestation', '--offline', '--type', 'custom', ...identity(), attested],
        envTrust(s)
      )
    )
    expectOk(
      await cosign3([
        'verify-attestation',
        '--trusted-root',
        s.trustedRootPath,
        '--type',
        'custom',
        ...identity(),
        attested
      ])
    )
  })
})

describe('a token of another identity', () => {
  it('yields signatures both cosign versions reject for the expected identity, in both layouts', async () => {
    const evil = await mint({ repository: 'evil/fork', repository_owner: 'evil' })
    const bundled = await image('evil-bundle')
    const tagged = await image('evil-tags')
    await signBundle(bundled, evil)
    await signTagLayout(tagged, evil)
    expectRejected(
      await cosign3(['verify', '--trusted-root', s.trustedRootPath, ...identity(), bundled]),
      /identit/i
    )
    expectRejected(await cosign2(['verify', '--offline', ...identity(), tagged], envTrust(s)), /identit/i)
    // the same signatures verify for the identity they carry, so the rejection is about identity alone
    expectOk(await cosign3(['verify', '--trusted-root', s.trustedRootPath, ...identity(EVIL_ID), bundled]))
    expectOk(await cosign2(['verify', '--offline', ...identity(EVIL_ID), tagged], envTrust(s)))
  })
})

describe('blob bundles and sigstore-python', () => {
  let blob: string
  let bundle: string
  const trustConfig = () => beside(s.trustedRootPath, 'client_trust_config.json')
  const pyVerify = (file: string, b: string, id = ID, config = trustConfig()) =>
    python([
      '--trust-config',
      config,
      'verify',
      'identity',
      '--offline',
      '--bundle',
      b,
      '--cert-identity',
      id,
      '--cert-oidc-issuer',
      ISS,
      file
    ])

  beforeAll(async () => {
    blob = join(work, 'artifact.txt')
    bundle = join(work, 'artifact.sigstore.json')
    await writeFile(blob, 'release artifact\n')
    const r = await cosign3([
      'sign-blob',
      '-y',
      '--identity-token',
      await mint(),
      '--signing-config',
      beside(s.trustedRootPath, 'signing_config.json'),
      '--trusted-root',
      s.trustedRootPath,
      '--bundle',
      bundle,
      blob
    ])
    expectOk(r)
  }, 120_000)

  it('sigstore-python verifies a cosign v3 blob bundle with a client trust config for the stack', async () => {
    const json = JSON.parse(await readFile(bundle, 'utf8')) as { mediaType: string }
    expect(json.mediaType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json')
    expectOk(await pyVerify(blob, bundle))
  })

  it('sigstore-python rejects another identity, a changed artifact and a foreign trust config', async () => {
    expectRejected(await pyVerify(blob, bundle, EVIL_ID), /identit|SAN|Subject/i)
    const changed = join(work, 'changed.txt')
    await writeFile(changed, 'release artifact, edited\n')
    expectRejected(await pyVerify(changed, bundle), /FAIL|signature|digest/i)
    expectRejected(
      await pyVerify(blob, bundle, ID, other.stack.clientTrustConfigPath),
      /FAIL|certificate|chain|log/i
    )
  })

  it('cosign v3 verifies a bundle sigstore-python signed against the stack, and rejects it for another file', async () => {
    const pyBlob = join(work, 'py-artifact.txt')
    const pyBundle = join(work, 'py-artifact.sigstore.json')
    await writeFile(pyBlob, 'signed by sigstore-python\n')
    expectOk(
      await python([
        '--trust-config',
        trustConfig(),
        'sign',
        '--identity-token',
        await mint(),
        '--bundle',
        pyBundle,
        pyBlob
      ])
    )
    const verifyBlob = (file: string) =>
      cosign3(['verify-blob', '--trusted-root', s.trustedRootPath, '--bundle', pyBundle, ...identity(), file])
    expectOk(await verifyBlob(pyBlob))
    expectRejected(await verifyBlob(blob), /invalid|verif|mismatch/i)
  })
})

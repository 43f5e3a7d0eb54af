// Acceptance of the Sigstore stand-in for images: stock cosign v3 and v2 sign against it, verify in both trust
// modes and layouts, and reject what they must. Never uses --insecure-ignore-tlog or --insecure-ignore-sct.
import { afterAll, beforeAll, describe, it } from '@jest/globals'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { getBlob, getManifest, putBlob, putManifest } from './support/registry.js'
import { EVIL_ID, REPO, envTrust, expectOk, expectRejected, identity, Stock } from './support/stock.js'

let st: Stock
beforeAll(async () => {
  st = await Stock.open('sigstore-images')
}, 60_000)
afterAll(async () => st?.close())

describe('bundle format: cosign v3 signs with the signing config', () => {
  let img: string
  beforeAll(async () => {
    img = await st.image('bundle')
    await st.signBundle(img, await st.mint())
  }, 120_000)

  it('cosign v3 and v2 verify it with --trusted-root', async () => {
    expectOk(await st.cosign3(['verify', '--trusted-root', st.s.trustedRootPath, ...identity(), img]))
    expectOk(
      await st.cosign2([
        'verify',
        '--new-bundle-format',
        '--trusted-root',
        st.s.trustedRootPath,
        ...identity(),
        img
      ])
    )
  })

  it('both reject another expected identity', async () => {
    expectRejected(
      await st.cosign3(['verify', '--trusted-root', st.s.trustedRootPath, ...identity(EVIL_ID), img]),
      /identit/i
    )
    expectRejected(
      await st.cosign2([
        'verify',
        '--new-bundle-format',
        '--trusted-root',
        st.s.trustedRootPath,
        ...identity(EVIL_ID),
        img
      ]),
      /identit/i
    )
  })

  it('both reject it under the trust root of another stack (its log key does not match)', async () => {
    const foreign = st.other.stack.trustedRootPath
    const logKey = /not enough verified log entries|log public key not found/
    expectRejected(await st.cosign3(['verify', '--trusted-root', foreign, ...identity(), img]), logKey)
    expectRejected(
      await st.cosign2(['verify', '--new-bundle-format', '--trusted-root', foreign, ...identity(), img]),
      logKey
    )
  })

  it('both reject it when only the certificate authority is unknown', async () => {
    const { trustedRoot } = await st.foreignCaTrust()
    const unknownCa = /leaf certificate verification failed|signed by unknown authority/
    expectRejected(await st.cosign3(['verify', '--trusted-root', trustedRoot, ...identity(), img]), unknownCa)
    expectRejected(
      await st.cosign2(['verify', '--new-bundle-format', '--trusted-root', trustedRoot, ...identity(), img]),
      unknownCa
    )
  })
})

describe('tag layout: .sig signed through Fulcio and Rekor URLs', () => {
  let img: string
  beforeAll(async () => {
    img = await st.image('tags')
    await st.signTagLayout(img, await st.mint())
  }, 120_000)

  it('cosign v2 verifies it in environment-variable mode, offline, and cosign v3 with --trusted-root', async () => {
    expectOk(await st.cosign2(['verify', '--offline', ...identity(), img], envTrust(st.s)))
    expectOk(await st.cosign3(['verify', '--trusted-root', st.s.trustedRootPath, ...identity(), img]))
  })

  it('both reject another expected identity', async () => {
    expectRejected(
      await st.cosign2(['verify', '--offline', ...identity(EVIL_ID), img], envTrust(st.s)),
      /identit/i
    )
    expectRejected(
      await st.cosign3(['verify', '--trusted-root', st.s.trustedRootPath, ...identity(EVIL_ID), img]),
      /identit/i
    )
  })

  it('both reject it under the trust material of another stack', async () => {
    const logKey = /log public key not found|transparency log|rekor/i
    expectRejected(
      await st.cosign2(['verify', '--offline', ...identity(), img], envTrust(st.other.stack)),
      /verif|signature/i
    )
    expectRejected(
      await st.cosign3(['verify', '--trusted-root', st.other.stack.trustedRootPath, ...identity(), img]),
      logKey
    )
  })

  it('both reject it when only the certificate authority is unknown', async () => {
    const foreign = await st.foreignCaTrust()
    const unknownCa = /leaf certificate verification failed|signed by unknown authority/
    expectRejected(await st.cosign2(['verify', '--offline', ...identity(), img], foreign.env), unknownCa)
    expectRejected(
      await st.cosign3(['verify', '--trusted-root', foreign.trustedRoot, ...identity(), img]),
      unknownCa
    )
  })

  it('both reject a signature whose payload was changed after signing', async () => {
    const tampered = await st.image('tampered')
    await st.signTagLayout(tampered, await st.mint())
    const digest = tampered.split('@')[1] ?? ''
    const tag = `${digest.replace(':', '-')}.sig`
    const { json: manifest } = await getManifest(st.host, REPO, tag)
    const layers = manifest.layers as { digest: string; size: number }[]
    const layer = layers[0]
    if (!layer) throw new Error('.sig manifest has no layer')
    const payload = JSON.parse((await getBlob(st.host, REPO, layer.digest)).toString()) as Record<
      string,
      unknown
    >
    payload.optional = { note: 'added after signing' }
    const blob = await putBlob(st.host, REPO, Buffer.from(JSON.stringify(payload)))
    layer.digest = blob.digest
    layer.size = blob.size
    await putManifest(st.host, REPO, tag, manifest)
    expectRejected(
      await st.cosign2(['verify', '--offline', ...identity(), tampered], envTrust(st.s)),
      /matching bundle to payload|invalid signature/
    )
    expectRejected(
      await st.cosign3(['verify', '--trusted-root', st.s.trustedRootPath, ...identity(), tampered]),
      /matching bundle to payload|invalid signature/
    )
  })
})

describe('cosign v2 as the signer', () => {
  it('signs through the Fulcio v1 API and attests through a dsse entry, and both versions verify', async () => {
    const signed = await st.image('v2-sign')
    const attested = await st.image('v2-attest')
    const urls = ['--fulcio-url', st.s.fulcioUrl, '--rekor-url', st.s.rekorUrl]
    expectOk(
      await st.cosign2(['sign', '-y', ...urls, '--identity-token', await st.mint(), signed], envTrust(st.s))
    )
    const predicate = join(st.work, 'predicate.json')
    await writeFile(predicate, JSON.stringify({ builtBy: 'selftest' }))
    expectOk(
      await st.cosign2(
        [
          'attest',
          '-y',
          ...urls,
          '--identity-token',
          await st.mint(),
          '--predicate',
          predicate,
          '--type',
          'custom',
          attested
        ],
        envTrust(st.s)
      )
    )
    expectOk(await st.cosign2(['verify', '--offline', ...identity(), signed], envTrust(st.s)))
    expectOk(await st.cosign3(['verify', '--trusted-root', st.s.trustedRootPath, ...identity(), signed]))
    expectOk(
      await st.cosign2(
        ['verify-attestation', '--offline', '--type', 'custom', ...identity(), attested],
        envTrust(st.s)
      )
    )
    expectOk(
      await st.cosign3([
        'verify-attestation',
        '--trusted-root',
        st.s.trustedRootPath,
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
    const evil = await st.mint({ repository: 'evil/fork', repository_owner: 'evil' })
    const bundled = await st.image('evil-bundle')
    const tagged = await st.image('evil-tags')
    await st.signBundle(bundled, evil)
    await st.signTagLayout(tagged, evil)
    expectRejected(
      await st.cosign3(['verify', '--trusted-root', st.s.trustedRootPath, ...identity(), bundled]),
      /identit/i
    )
    expectRejected(
      await st.cosign2(['verify', '--offline', ...identity(), tagged], envTrust(st.s)),
      /identit/i
    )
    // the same signatures verify for the identity they carry, so the rejection is about identity alone
    expectOk(
      await st.cosign3(['verify', '--trusted-root', st.s.trustedRootPath, ...identity(EVIL_ID), bundled])
    )
    expectOk(await st.cosign2(['verify', '--offline', ...identity(EVIL_ID), tagged], envTrust(st.s)))
  })
})

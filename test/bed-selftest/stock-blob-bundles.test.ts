// Acceptance of the Sigstore stand-in for blob bundles: cosign v3 and sigstore-python 4.5.1 sign against it and
// verify each other's bundles with the stack's trust root; wrong identity, changed artifact, foreign roots rejected.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { bundleFromJSON } from '@sigstore/bundle'
import { TrustedRoot } from '@sigstore/protobuf-specs'
import { toSignedEntity, toTrustMaterial, Verifier } from '@sigstore/verify'
import { EVIL_ID, ID, ISS, expectOk, expectRejected, identity, Stock } from './support/stock.js'

let st: Stock
beforeAll(async () => {
  st = await Stock.open('sigstore-blobs')
}, 60_000)
afterAll(async () => st?.close())

describe('blob bundles and sigstore-python', () => {
  let blob: string
  let bundle: string
  const trustConfig = () => st.clientTrustConfig
  const pyVerify = (file: string, b: string, id = ID, config = trustConfig()) =>
    st.python([
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
    blob = join(st.work, 'artifact.txt')
    bundle = join(st.work, 'artifact.sigstore.json')
    await writeFile(blob, 'release artifact\n')
    const r = await st.cosign3([
      'sign-blob',
      '-y',
      '--identity-token',
      await st.mint(),
      '--signing-config',
      st.signingConfig,
      '--trusted-root',
      st.s.trustedRootPath,
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
    const changed = join(st.work, 'changed.txt')
    await writeFile(changed, 'release artifact, edited\n')
    expectRejected(await pyVerify(changed, bundle), /FAIL|signature|digest/i)
    expectRejected(
      await pyVerify(blob, bundle, ID, st.other.stack.clientTrustConfigPath),
      /FAIL|certificate|chain|log/i
    )
  })

  it('cosign v3 verifies a bundle sigstore-python signed against the stack, and rejects it for another file', async () => {
    const pyBlob = join(st.work, 'py-artifact.txt')
    const pyBundle = join(st.work, 'py-artifact.sigstore.json')
    await writeFile(pyBlob, 'signed by sigstore-python\n')
    expectOk(
      await st.python([
        '--trust-config',
        trustConfig(),
        'sign',
        '--identity-token',
        await st.mint(),
        '--bundle',
        pyBundle,
        pyBlob
      ])
    )
    const verifyBlob = (file: string) =>
      st.cosign3([
        'verify-blob',
        '--trusted-root',
        st.s.trustedRootPath,
        '--bundle',
        pyBundle,
        ...identity(),
        file
      ])
    expectOk(await verifyBlob(pyBlob))
    expectRejected(await verifyBlob(blob), /invalid|verif|mismatch/i)
  })

  it('@sigstore/verify (in-process) accepts the cosign bundle with the stack root and checks identity and artifact', async () => {
    const root = TrustedRoot.fromJSON(JSON.parse(await readFile(st.s.trustedRootPath, 'utf8')))
    const verifier = new Verifier(toTrustMaterial(root), {
      tlogThreshold: 1,
      ctlogThreshold: 1,
      timestampThreshold: 1
    })
    const parsed = bundleFromJSON(JSON.parse(await readFile(bundle, 'utf8')))
    const entity = (data: string) => toSignedEntity(parsed, Buffer.from(data))
    // anchored: @sigstore/verify's SAN policy is an unanchored regex
    const policy = (id: string) => ({
      subjectAlternativeName: `^${id.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`,
      extensions: { issuer: ISS }
    })
    const signer = verifier.verify(entity('release artifact\n'), policy(ID))
    expect(signer.identity?.subjectAlternativeName).toBe(ID)
    expect(() => verifier.verify(entity('release artifact\n'), policy(EVIL_ID))).toThrow()
    expect(() => verifier.verify(entity('another artifact\n'), policy(ID))).toThrow()
    const foreign = TrustedRoot.fromJSON(JSON.parse(await readFile(st.other.stack.trustedRootPath, 'utf8')))
    expect(() =>
      new Verifier(toTrustMaterial(foreign)).verify(entity('release artifact\n'), policy(ID))
    ).toThrow()
  })
})

// The second format of a signature skips crypto only when it is byte-identical to one that fully passed.
import { beforeAll, describe, expect, it } from '@jest/globals'
import type { BedState } from '../../bed/state.js'
import type { SigningSession } from '../../../src/pipeline/session.js'
import { attestationLayer } from '../../../src/publish/cosign-payloads.js'
import { BundleVerifier } from '../../../src/sigstore/verify/bundle-verifier.js'
import { bundleFromLayer } from '../../../src/sigstore/verify/layer-bundle.js'
import type { SignedStatement } from '../../../src/sigstore/sign-artifacts.js'
import { openSession, readBedState } from '../interop/fixture.js'

let state: BedState
let session: SigningSession
let signed: SignedStatement

beforeAll(async () => {
  state = readBedState()
  session = await openSession(state)
  signed = await session.signer.signStatement(Buffer.from(JSON.stringify({ cache: Date.now() })))
})

const layerBundle = (envelope: Buffer) => {
  const layer = attestationLayer(envelope, 'https://example.com/p', signed)
  return bundleFromLayer(layer.bytes, layer.annotations, 'att')
}

describe('BundleVerifier cache', () => {
  it('the tag-layout copy of a verified bundle needs no second full verification', () => {
    const verifier = new BundleVerifier(session.trust)
    verifier.verify('bundle', signed.bundle, session.identity)
    verifier.verify('layer', layerBundle(signed.envelope), session.identity)
    expect(verifier.verifications).toBe(1)
  })

  it('a SET-only pass does not cover a bundle that brings an inclusion proof', () => {
    const verifier = new BundleVerifier(session.trust)
    verifier.verify('layer', layerBundle(signed.envelope), session.identity)
    verifier.verify('bundle', signed.bundle, session.identity)
    expect(verifier.verifications).toBe(2)
  })

  it('altered bytes or another expected identity are verified again, and fail', () => {
    const verifier = new BundleVerifier(session.trust)
    verifier.verify('bundle', signed.bundle, session.identity)
    const envelope = JSON.parse(signed.envelope.toString()) as { payload: string }
    const altered = Buffer.from(
      JSON.stringify({ ...envelope, payload: Buffer.from('{"cache":0}').toString('base64') })
    )
    expect(() => verifier.verify('altered', layerBundle(altered), session.identity)).toThrow(
      expect.objectContaining({ code: 'VERIFICATION_FAILED' })
    )
    const other = {
      ...session.identity,
      subjectAlternativeName: 'https://github.com/x/y/.github/workflows/z.yml@refs/heads/main'
    }
    expect(() => verifier.verify('other identity', signed.bundle, other)).toThrow(
      expect.objectContaining({ code: 'VERIFICATION_FAILED' })
    )
    expect(verifier.verifications).toBe(3)
  })
})

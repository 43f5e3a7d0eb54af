// Our own signing to the bed's real rekor-tiles and timestamp-authority, checked by the one verifier the pipeline
// uses (self-verification, `oci-attest verify`): it accepts a Rekor v2 bundle, and refuses one whose checkpoint
// signature, inclusion proof or timestamp was tampered with or removed. A TSA that refuses stops the signature
// before anything reaches the log.
import { beforeAll, describe, expect, it } from '@jest/globals'
import { bundleFromJSON, bundleToJSON } from '@sigstore/bundle'
import type { Bundle } from '@sigstore/bundle'
import { openSigningSession } from '../../../src/pipeline/session.js'
import type { SigningSession } from '../../../src/pipeline/session.js'
import { StaticIdentityProvider } from '../../../src/sigstore/identity/provider.js'
import { readBedState, requireRealSigstore, requireSigstore } from '../../bed/state.js'
import type { BedState, RealSigstoreState } from '../../bed/state.js'
import { mintToken } from '../interop/fixture.js'
import { clearFaults, faultLog, setFaults } from '../reliability/support.js'

let state: BedState
let real: RealSigstoreState
let session: SigningSession
let bundle: Bundle

const STATEMENT = Buffer.from(
  JSON.stringify({
    _type: 'https://in-toto.io/Statement/v1',
    subject: [{ name: 'x', digest: { sha256: 'ab'.repeat(32) } }],
    predicateType: 'https://example.com/test/v1',
    predicate: {}
  })
)

async function open(): Promise<SigningSession> {
  const s = requireSigstore(state)
  return openSigningSession(
    {
      fulcioUrl: s.fulcioUrl,
      rekorUrl: real.rekorV2Url,
      rekorApiVersion: 2,
      tsaUrls: [real.tsaUrl],
      trustedRootPath: s.trustedRootPath,
      oidcDiscoveryUrl: s.oidcUrl
    },
    { identity: new StaticIdentityProvider(await mintToken(state)) }
  )
}

/** The parts of a bundle's JSON these tests change. */
interface BundleJson {
  verificationMaterial: {
    tlogEntries: {
      inclusionProof: { rootHash: string; hashes: string[]; checkpoint: { envelope: string } }
    }[]
    timestampVerificationData?: { rfc3161Timestamps: unknown[] }
  }
}

/** The bundle as JSON, changed by `edit`, read back: what a consumer would be handed. */
function tampered(edit: (json: BundleJson) => void): Bundle {
  const json = JSON.parse(JSON.stringify(bundleToJSON(bundle))) as BundleJson
  edit(json)
  return bundleFromJSON(json)
}
const proofOf = (j: BundleJson) => j.verificationMaterial.tlogEntries[0]!.inclusionProof

const verify = (b: Bundle) => () => session.verifier.verify('test statement', b, session.identity)

beforeAll(async () => {
  state = readBedState()
  real = requireRealSigstore(state)
  session = await open()
  bundle = (await session.signer.signStatement(STATEMENT)).bundle
}, 120_000)

describe('the one verifier on Rekor v2 bundles', () => {
  it('accepts our Rekor v2 bundle: hashedrekord v0.0.2, checkpoint and proof, one TSA timestamp, no SET', () => {
    const entry = bundle.verificationMaterial.tlogEntries[0]!
    expect(entry.kindVersion).toEqual({ kind: 'hashedrekord', version: '0.0.2' })
    expect(entry.inclusionPromise).toBeUndefined()
    expect(entry.inclusionProof?.checkpoint?.envelope).toMatch(/^127\.0\.0\.1\n/)
    expect(bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps).toHaveLength(1)
    expect(verify(bundle)()).toMatchObject({ san: session.identity.subjectAlternativeName })
  })

  it('refuses a checkpoint whose signature is not the log key’s', () => {
    const bad = tampered(j => {
      const proof = proofOf(j)
      const [body, line] = proof.checkpoint.envelope.split('\n— ')
      const [name, sig] = line!.trim().split(' ')
      const raw = Buffer.from(sig!, 'base64')
      raw[raw.length - 1] = raw[raw.length - 1]! ^ 0xff
      proof.checkpoint.envelope = `${body}\n— ${name} ${raw.toString('base64')}\n`
    })
    expect(verify(bad)).toThrow(/TLOG_INCLUSION_PROOF_ERROR|checkpoint/)
  })

  it('refuses an inclusion proof that does not lead to the checkpoint’s root', () => {
    // The bed logs an entry of its own first, so ours has a sibling hash to change.
    expect(bundle.verificationMaterial.tlogEntries[0]!.inclusionProof!.hashes.length).toBeGreaterThan(0)
    const bad = tampered(j => {
      const hashes = proofOf(j).hashes
      hashes[0] = Buffer.alloc(32, 7).toString('base64')
    })
    expect(verify(bad)).toThrow(/TLOG_INCLUSION_PROOF_ERROR|root hash|inclusion/i)
  })

  it('refuses a Rekor v2 bundle without its timestamp: the log gives no time of its own', () => {
    const bad = tampered(j => {
      j.verificationMaterial.timestampVerificationData = { rfc3161Timestamps: [] }
    })
    expect(verify(bad)).toThrow(/timestamp/i)
  })

  it('logs nothing when the TSA refuses: the timestamp comes first, the public entry last', async () => {
    const before = (await faultLog(real.adminUrl.rekorV2)).filter(r => r.method === 'POST').length
    await setFaults(real.adminUrl.tsa, [{ path: '^/api/v1/timestamp', action: 'status', status: 503 }])
    try {
      const fresh = await open()
      const err = await fresh.signer.signStatement(STATEMENT).catch((e: unknown) => e)
      expect(err).toMatchObject({ code: 'TSA_REQUEST_FAILED' })
    } finally {
      await clearFaults(real.adminUrl.tsa)
    }
    const after = (await faultLog(real.adminUrl.rekorV2)).filter(r => r.method === 'POST').length
    expect(after).toBe(before)
  }, 180_000)
})

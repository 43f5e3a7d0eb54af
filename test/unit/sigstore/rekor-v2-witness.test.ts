// Rekor v2 entries: what a signature becomes (hashedrekord v0.0.2, a DSSE envelope by its PAE digest, as
// rekor-tiles' client guide says), and the checks before anything is logged. The real server is in the bed.
import { createHash, generateKeyPairSync, X509Certificate } from 'node:crypto'
import { describe, expect, it } from '@jest/globals'
import { dsse } from '@sigstore/core'
import { PublicKeyDetails } from '@sigstore/protobuf-specs'
import type { SignatureBundle } from '@sigstore/sign'
import { assertTimestampedIfRekorV2 } from '../../../src/pipeline/session.js'
import { RekorV2Client } from '../../../src/sigstore/witness/rekor-v2-client.js'
import { hashedRekordV002 } from '../../../src/sigstore/witness/rekor-v2-witness.js'
import { selfSignedPem } from '../support/certificates.js'

const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
const CERT = selfSignedPem(privateKey, publicKey)
const SIG = Buffer.from('the-signature')

function request(content: SignatureBundle) {
  const r = hashedRekordV002(content, CERT)
  if (r.spec?.$case !== 'hashedRekordRequestV002') throw new Error('not a hashedrekord request')
  return r.spec.hashedRekordRequestV002
}

describe('hashedRekordV002', () => {
  it('logs a message signature by its digest, verified by the signing certificate', () => {
    const digest = createHash('sha256').update('payload').digest()
    const r = request({
      $case: 'messageSignature',
      messageSignature: { messageDigest: { algorithm: 1, digest }, signature: SIG }
    })
    expect(r.digest).toEqual(digest)
    expect(r.signature?.content).toEqual(SIG)
    expect(r.signature?.verifier?.verifier).toEqual({
      $case: 'x509Certificate',
      x509Certificate: { rawBytes: new X509Certificate(CERT).raw }
    })
    expect(r.signature?.verifier?.keyDetails).toBe(PublicKeyDetails.PKIX_ECDSA_P256_SHA_256)
  })

  it('logs a DSSE envelope by the digest of its pre-authentication encoding, which is what was signed', () => {
    const payload = Buffer.from('{"_type":"https://in-toto.io/Statement/v1"}')
    const r = request({
      $case: 'dsseEnvelope',
      dsseEnvelope: {
        payload,
        payloadType: 'application/vnd.in-toto+json',
        signatures: [{ sig: SIG, keyid: '' }]
      }
    })
    const pae = dsse.preAuthEncoding('application/vnd.in-toto+json', payload)
    expect(r.digest).toEqual(createHash('sha256').update(pae).digest())
    expect(r.digest).not.toEqual(createHash('sha256').update(payload).digest())
    expect(r.signature?.content).toEqual(SIG)
  })

  it('refuses an envelope without a signature, before any request', () => {
    expect(() =>
      hashedRekordV002(
        {
          $case: 'dsseEnvelope',
          dsseEnvelope: { payload: Buffer.from('x'), payloadType: 't', signatures: [] }
        },
        CERT
      )
    ).toThrow(expect.objectContaining({ code: 'REKOR_REQUEST_FAILED' }))
  })
})

describe('Rekor v2 needs a timestamp authority', () => {
  it('fails before signing when no TSA is configured, naming the log and both ways out', () => {
    expect(() => assertTimestampedIfRekorV2(2, [], 'https://log2025-1.rekor.sigstore.dev')).toThrow(
      expect.objectContaining({
        code: 'REKOR_V2_NEEDS_TSA',
        message: expect.stringMatching(/log2025-1\.rekor\.sigstore\.dev.*set tsa-url.*Rekor v1 log/s)
      })
    )
    expect(() =>
      assertTimestampedIfRekorV2(2, ['https://timestamp.sigstore.dev/api/v1/timestamp'], 'x')
    ).not.toThrow()
    expect(() => assertTimestampedIfRekorV2(1, [], 'https://rekor.sigstore.dev')).not.toThrow()
  })
})

describe('RekorV2Client', () => {
  it('names a Rekor v1 URL given as a v2 log (no proof in the answer) and posts to the v2 path', async () => {
    const seen: string[] = []
    const http = {
      request: async (url: string | URL, init?: { method?: string }) => {
        seen.push(`${init?.method} ${new URL(url.toString()).pathname}`)
        return { status: 201, text: async () => JSON.stringify({ logIndex: '7' }) }
      }
    }
    const err = await new RekorV2Client({ baseUrl: 'http://rekor.test/', http: http as never })
      .createEntry(
        hashedRekordV002(
          {
            $case: 'messageSignature',
            messageSignature: { signature: SIG, messageDigest: { algorithm: 1, digest: SIG } }
          },
          CERT
        )
      )
      .catch((e: unknown) => e as Error & { code?: string })
    expect(seen).toEqual(['POST /api/v2/log/entries'])
    expect(err).toMatchObject({ code: 'REKOR_REQUEST_FAILED' })
    expect((err as Error).message).toMatch(
      /no inclusion proof with a checkpoint \(is this a Rekor v2 log\?\)/
    )
  })

  it('says a 404 means the URL is not a v2 log', async () => {
    const http = { request: async () => ({ status: 404, text: async () => 'page not found' }) }
    const err = await new RekorV2Client({ baseUrl: 'http://rekor.test', http: http as never })
      .createEntry(
        hashedRekordV002(
          {
            $case: 'messageSignature',
            messageSignature: { signature: SIG, messageDigest: { algorithm: 1, digest: SIG } }
          },
          CERT
        )
      )
      .catch((e: unknown) => e)
    expect((err as Error).message).toMatch(/HTTP 404.*points at a Rekor v2 \(rekor-tiles\) log/s)
  })
})

// Logs signatures in Rekor v2, which knows one kind: hashedrekord v0.0.2. A DSSE envelope is logged as the
// digest of its pre-authentication encoding (what its signature signs), as rekor-tiles' client guide says.
import { createHash, X509Certificate } from 'node:crypto'
import { dsse } from '@sigstore/core'
import { PublicKeyDetails } from '@sigstore/protobuf-specs'
import type { CreateEntryRequest, Verifier } from '@sigstore/protobuf-specs/rekor/v2'
import type { SignatureBundle, VerificationMaterial, Witness } from '@sigstore/sign'
import { SigstoreError } from '../error.js'
import type { RekorV2Client } from './rekor-v2-client.js'

/** The hashedrekord v0.0.2 request for one signature, verified by the signing certificate. */
export function hashedRekordV002(
  content: SignatureBundle,
  certificate: string | Verifier
): CreateEntryRequest {
  const [digest, signature] =
    content.$case === 'dsseEnvelope'
      ? [
          createHash('sha256')
            .update(dsse.preAuthEncoding(content.dsseEnvelope.payloadType, content.dsseEnvelope.payload))
            .digest(),
          content.dsseEnvelope.signatures[0]?.sig
        ]
      : [content.messageSignature.messageDigest?.digest, content.messageSignature.signature]
  if (!digest || !signature)
    throw new SigstoreError('REKOR_REQUEST_FAILED', 'nothing to log in Rekor v2: the bundle has no signature')
  return {
    spec: {
      $case: 'hashedRekordRequestV002',
      hashedRekordRequestV002: {
        digest: Buffer.from(digest),
        signature: {
          content: Buffer.from(signature),
          verifier: typeof certificate === 'string' ? certificateVerifier(certificate) : certificate
        }
      }
    }
  }
}

/** The certificate as Rekor v2 takes it: DER and the key's algorithm (the run's P-256 key; others named). */
export function certificateVerifier(pem: string): Verifier {
  let cert: X509Certificate
  try {
    cert = new X509Certificate(pem)
  } catch (cause) {
    throw new SigstoreError(
      'REKOR_REQUEST_FAILED',
      'Rekor v2 logs a signature with its certificate, and the signer gave no readable certificate',
      { cause }
    )
  }
  const key = cert.publicKey
  const curve = key.asymmetricKeyDetails?.namedCurve
  const keyDetails =
    key.asymmetricKeyType === 'ec' && curve === 'prime256v1'
      ? PublicKeyDetails.PKIX_ECDSA_P256_SHA_256
      : key.asymmetricKeyType === 'ec' && curve === 'secp384r1'
        ? PublicKeyDetails.PKIX_ECDSA_P384_SHA_384
        : undefined
  if (keyDetails === undefined)
    throw new SigstoreError(
      'REKOR_REQUEST_FAILED',
      `Rekor v2: no key details for a ${key.asymmetricKeyType} ${curve ?? ''} signing key`
    )
  return { verifier: { $case: 'x509Certificate', x509Certificate: { rawBytes: cert.raw } }, keyDetails }
}

export class RekorV2Witness implements Witness {
  readonly client: RekorV2Client
  readonly apiVersion = 2
  /** Entries this witness created, for reports and benchmarks. */
  entries = 0
  /** One certificate signs a whole run: it is parsed once, not per signature. */
  #verifier: { pem: string; verifier: Verifier } | undefined

  constructor(opts: { client: RekorV2Client }) {
    this.client = opts.client
  }

  async testify(content: SignatureBundle, certificatePem: string): Promise<VerificationMaterial> {
    if (this.#verifier?.pem !== certificatePem)
      this.#verifier = { pem: certificatePem, verifier: certificateVerifier(certificatePem) }
    const entry = await this.client.createEntry(hashedRekordV002(content, this.#verifier.verifier))
    this.entries++
    const { logId, kindVersion } = entry
    // The client checked the answer's proof; a bundle entry needs its log and kind as well.
    if (!logId || !kindVersion)
      throw new SigstoreError(
        'REKOR_REQUEST_FAILED',
        `Rekor v2 entry ${entry.logIndex} came without its log ID or kind`
      )
    return { tlogEntries: [{ ...entry, logId, kindVersion }] }
  }
}

// Fulcio v2 signingCert: trades the OIDC token and a proof of key possession for a certificate chain.
import { errorText } from '../../errors/index.js'
import { SigstoreError } from '../error.js'
import { defaultHttp } from '../../http/index.js'
import { expectJson } from '../http.js'
import type { Http } from '../../http/index.js'

export const DEFAULT_FULCIO_URL = 'https://fulcio.sigstore.dev'

export interface CertificateRequest {
  token: string
  publicKeyPem: string
  /** base64 signature over the token's `sub` claim. */
  proofOfPossession: string
}

interface SigningCertResponse {
  signedCertificateEmbeddedSct?: { chain?: { certificates?: string[] } }
  signedCertificateDetachedSct?: { chain?: { certificates?: string[] } }
}

export class FulcioClient {
  readonly baseUrl: string
  readonly #http: Http | undefined
  readonly #signal: AbortSignal | undefined

  /** `signal` cancels the request and its retry waits when the run has failed. */
  constructor(opts: { baseUrl?: string; http?: Http; signal?: AbortSignal } = {}) {
    this.baseUrl = (opts.baseUrl ?? DEFAULT_FULCIO_URL).replace(/\/$/, '')
    this.#http = opts.http
    this.#signal = opts.signal
  }

  /** Leaf first, then intermediates and root, as PEM strings. */
  async createSigningCertificate(req: CertificateRequest): Promise<string[]> {
    const url = `${this.baseUrl}/api/v2/signingCert`
    let answer: SigningCertResponse
    try {
      const res = await (this.#http ?? defaultHttp()).request(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({
          credentials: { oidcIdentityToken: req.token },
          publicKeyRequest: {
            publicKey: { algorithm: 'ECDSA', content: req.publicKeyPem },
            proofOfPossession: req.proofOfPossession
          }
        }),
        ...(this.#signal ? { signal: this.#signal } : {})
      })
      answer = await expectJson<SigningCertResponse>(res, `Fulcio at ${this.baseUrl}`)
    } catch (cause) {
      throw new SigstoreError(
        'FULCIO_REQUEST_FAILED',
        `Fulcio (${url}) issued no certificate: ${errorText(cause)}. Check the fulcio URL and that the OIDC token's ` +
          'issuer is one this Fulcio trusts',
        { cause }
      )
    }
    const chain =
      answer.signedCertificateEmbeddedSct?.chain?.certificates ??
      answer.signedCertificateDetachedSct?.chain?.certificates
    if (!chain || chain.length === 0) {
      throw new SigstoreError('FULCIO_REQUEST_FAILED', `Fulcio (${url}) answered without a certificate chain`)
    }
    return chain.map(pem => (pem.endsWith('\n') ? pem : pem + '\n'))
  }
}

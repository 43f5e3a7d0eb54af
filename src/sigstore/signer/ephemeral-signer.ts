// One in-memory P-256 key and one Fulcio certificate shared by every signature of a run.
import { X509Certificate, generateKeyPairSync, sign as signData } from 'node:crypto'
import type { KeyObject } from 'node:crypto'
import type { Signature, Signer } from '@sigstore/sign'
import type { IdentityProvider } from '../identity/provider.js'
import { decodeClaims } from '../identity/verify-token.js'
import { FulcioClient } from './fulcio-client.js'

/** Below this much remaining validity a certificate is replaced before signing. */
export const RENEW_BEFORE_MS = 5 * 60 * 1000

export interface SigningCertificate {
  /** Leaf PEM. */
  certificate: string
  /** Intermediates then root, PEM. */
  chain: string[]
  notAfter: Date
  notBefore: Date
}

export interface EphemeralSignerOptions {
  identity: IdentityProvider
  fulcio?: FulcioClient
  now?: () => number
}

export class EphemeralSigner implements Signer {
  readonly #privateKey: KeyObject
  readonly publicKeyPem: string
  readonly #identity: IdentityProvider
  readonly #fulcio: FulcioClient
  readonly #now: () => number
  #pending: Promise<SigningCertificate> | undefined
  #fulcioRequests = 0
  readonly #chains = new Map<string, string[]>()

  constructor(opts: EphemeralSignerOptions) {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    this.#privateKey = privateKey
    this.publicKeyPem = publicKey.export({ format: 'pem', type: 'spki' }).toString()
    this.#identity = opts.identity
    this.#fulcio = opts.fulcio ?? new FulcioClient()
    this.#now = opts.now ?? Date.now
  }

  /** How many certificates this signer asked Fulcio for (1 for a run that fits in one certificate). */
  get fulcioRequests(): number {
    return this.#fulcioRequests
  }

  /** The certificate all current signatures use; concurrent callers share one request. */
  async certificate(): Promise<SigningCertificate> {
    const pending = (this.#pending ??= this.#request())
    const cert = await pending
    if (cert.notAfter.getTime() - this.#now() >= RENEW_BEFORE_MS) return cert
    // Only the first caller to notice expiry replaces the promise; the others await the same replacement.
    if (this.#pending === pending) this.#pending = this.#request()
    return this.#pending
  }

  /** Intermediates and root that came with a leaf this signer used. */
  chainFor(leafPem: string): string[] {
    return this.#chains.get(leafPem) ?? []
  }

  async sign(data: Buffer): Promise<Signature> {
    const cert = await this.certificate()
    return {
      signature: signData('sha256', data, this.#privateKey),
      key: { $case: 'x509Certificate', certificate: cert.certificate }
    }
  }

  #request(): Promise<SigningCertificate> {
    this.#fulcioRequests++
    const attempt = this.#fetch()
    // A failed request must not poison the run: the next caller tries again.
    attempt.catch(() => {
      if (this.#pending === attempt) this.#pending = undefined
    })
    return attempt
  }

  async #fetch(): Promise<SigningCertificate> {
    const token = await this.#identity.getToken()
    const sub = decodeClaims(token).sub
    const challenge = typeof sub === 'string' ? sub : ''
    const proofOfPossession = signData('sha256', Buffer.from(challenge), this.#privateKey).toString('base64')
    const [leaf, ...chain] = await this.#fulcio.createSigningCertificate({
      token,
      publicKeyPem: this.publicKeyPem,
      proofOfPossession
    })
    const x509 = new X509Certificate(leaf ?? '')
    this.#chains.set(leaf ?? '', chain)
    return {
      certificate: leaf ?? '',
      chain,
      notAfter: new Date(x509.validTo),
      notBefore: new Date(x509.validFrom)
    }
  }
}

// Verifies one bundle as a consumer would: chain, SCT, tlog (proof or SET), signature, identity and issuer;
// the run's one certificate is checked against the trusted root once, not once per bundle.
import { errorText } from '../../errors/index.js'
import { createPublicKey } from 'node:crypto'
import type { KeyObject } from 'node:crypto'
import { Verifier, toSignedEntity } from '@sigstore/verify'
import type { SignedEntity, TrustMaterial } from '@sigstore/verify'
import type { Bundle } from '@sigstore/bundle'
import { SigstoreError } from '../error.js'
import { VerifiedCache, hasInclusionProof, identityText, verificationKey } from './verified-cache.js'

export interface ExpectedIdentity {
  /** Exact certificate SAN (this run's workflow identity), or a pattern (`verify --certificate-identity-regexp`). */
  subjectAlternativeName: string | RegExp
  issuer: string
}

/** What a passed verification learned: the certificate SAN, for reports. */
export interface VerifiedSigner {
  san?: string
}

export interface BundleVerifierOptions {
  /** Private instances without a CT log: accept certificates without an embedded SCT. */
  ignoreSct?: boolean
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')

/** @sigstore/verify matches the SAN with an unanchored regex; anchoring makes it exact. */
export function anchoredIdentity(san: string): RegExp {
  return new RegExp(`^${escapeRegExp(san)}$`)
}

/** A leaf that passed the full check (chain, SCT, identity) stands in as a key valid while it and its CA are. */
interface TrustedLeaf {
  hint: string
  identityKey: string
  san?: string
  publicKey: KeyObject
  validForDate(date: Date): boolean
}

const LEAF_HINT = 'oci-attest:verified-leaf:'

export class BundleVerifier {
  readonly #verifier: Verifier
  readonly #leafVerifier: Verifier
  readonly #trust: TrustMaterial
  readonly #cache = new VerifiedCache()
  readonly #leaves = new Map<string, TrustedLeaf>()
  readonly #sans = new Map<string, string | undefined>()
  /** Full verifications run (the rest were byte-identical to one that passed). */
  verifications = 0
  /** Certificate chains built against the trusted root (once per certificate). */
  chainVerifications = 0

  constructor(trust: TrustMaterial, opts: BundleVerifierOptions = {}) {
    this.#trust = trust
    const ctlogThreshold = opts.ignoreSct ? 0 : 1
    this.#verifier = new Verifier(trust, { ctlogThreshold })
    this.#leafVerifier = new Verifier(
      { ...trust, publicKey: hint => this.#leafKey(hint) },
      { ctlogThreshold }
    )
  }

  /** `what` names the artifact and kind in the error, e.g. "registry/app@sha256:… provenance-v1 (referrer)". */
  verify(what: string, bundle: Bundle, identity: ExpectedIdentity, artifact?: Buffer): VerifiedSigner {
    const key = verificationKey(bundle, identity, artifact)
    const withProof = hasInclusionProof(bundle)
    if (this.#cache.covers(key, withProof)) return { san: this.#sans.get(key) }
    let san: string | undefined
    try {
      this.verifications++
      san = this.#verifyEntity(toSignedEntity(bundle, artifact), identity)
    } catch (cause) {
      const code = (cause as { code?: string }).code ?? 'UNKNOWN'
      throw new SigstoreError(
        'VERIFICATION_FAILED',
        `${what}: verification failed at ${code}: ${errorText(cause)}`,
        { cause, ...(missingSct(cause) ? { check: 'sct' as const } : {}) }
      )
    }
    this.#cache.record(key, withProof)
    this.#sans.set(key, san)
    return { san }
  }

  /** Returns the certificate SAN. */
  #verifyEntity(entity: SignedEntity, identity: ExpectedIdentity): string | undefined {
    const identityKey = `${identityText(identity.subjectAlternativeName)}\n${identity.issuer}`
    const der = entity.key.$case === 'certificate' ? entity.key.certificate.root.toDER() : undefined
    const known = der && this.#leaves.get(der.toString('base64'))
    if (known && known.identityKey === identityKey) {
      // Signature, timestamps and log entry in full; the leaf stands for its already-verified chain.
      this.#leafVerifier.verify({ ...entity, key: { $case: 'public-key', hint: known.hint } })
      return known.san
    }
    this.chainVerifications++
    const { subjectAlternativeName: expected } = identity
    const signer = this.#verifier.verify(entity, {
      subjectAlternativeName: typeof expected === 'string' ? anchoredIdentity(expected) : expected,
      extensions: { issuer: identity.issuer }
    })
    const san = signer.identity?.subjectAlternativeName
    if (entity.key.$case === 'certificate' && der) {
      const leaf = entity.key.certificate
      this.#leaves.set(der.toString('base64'), {
        hint: `${LEAF_HINT}${this.#leaves.size}`,
        identityKey,
        ...(san ? { san } : {}),
        publicKey: createPublicKey({ key: leaf.publicKey, format: 'der', type: 'spki' }),
        validForDate: date => leaf.validForDate(date)
      })
    }
    return san
  }

  /** What the chain check asserts for a given time: the leaf and some trusted CA (every certificate) valid then. */
  #leafKey(hint: string) {
    const entry = [...this.#leaves.values()].find(l => l.hint === hint)
    if (!entry) throw new SigstoreError('VERIFICATION_FAILED', `no verified certificate for ${hint}`)
    return {
      publicKey: entry.publicKey,
      validFor: (date: Date): boolean =>
        entry.validForDate(date) &&
        this.#trust.certificateAuthorities.some(
          ca =>
            ca.validFor.start <= date &&
            date <= ca.validFor.end &&
            ca.certChain.every(c => c.validForDate(date))
        )
    }
  }
}

/** @sigstore/verify's only word for "no SCT the trusted root accepts" is CERTIFICATE_ERROR with this text. */
function missingSct(cause: unknown): boolean {
  const { code, message } = cause as { code?: unknown; message?: unknown }
  return (
    code === 'CERTIFICATE_ERROR' && typeof message === 'string' && /^expected \d+ SCTs, got 0$/.test(message)
  )
}

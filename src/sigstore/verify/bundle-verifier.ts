// Verifies one bundle as a consumer would: chain, SCT, tlog (proof or SET), signature, identity and issuer.
import { Verifier, toSignedEntity } from '@sigstore/verify'
import type { TrustMaterial } from '@sigstore/verify'
import type { Bundle } from '@sigstore/bundle'
import { SigstoreError, describe } from '../error.js'
import { VerifiedCache, hasInclusionProof, verificationKey } from './verified-cache.js'

export interface ExpectedIdentity {
  /** Exact certificate SAN (this run's workflow identity). */
  subjectAlternativeName: string
  issuer: string
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')

/** @sigstore/verify matches the SAN with an unanchored regex; anchoring makes it exact. */
export function anchoredIdentity(san: string): RegExp {
  return new RegExp(`^${escapeRegExp(san)}$`)
}

export class BundleVerifier {
  readonly #verifier: Verifier
  readonly #cache = new VerifiedCache()
  /** Full verifications run (the rest were byte-identical to one that passed). */
  verifications = 0

  constructor(trust: TrustMaterial) {
    this.#verifier = new Verifier(trust)
  }

  /** `what` names the artifact and kind in the error, e.g. "registry/app@sha256:… provenance-v1 (referrer)". */
  verify(what: string, bundle: Bundle, identity: ExpectedIdentity, artifact?: Buffer): void {
    const key = verificationKey(bundle, identity, artifact)
    const withProof = hasInclusionProof(bundle)
    if (this.#cache.covers(key, withProof)) return
    try {
      this.verifications++
      this.#verifier.verify(toSignedEntity(bundle, artifact), {
        subjectAlternativeName: anchoredIdentity(identity.subjectAlternativeName),
        extensions: { issuer: identity.issuer }
      })
    } catch (cause) {
      const code = (cause as { code?: string }).code ?? 'UNKNOWN'
      throw new SigstoreError(
        'VERIFICATION_FAILED',
        `${what}: verification failed at ${code}: ${describe(cause)}`,
        {
          cause
        }
      )
    }
    this.#cache.record(key, withProof)
  }
}

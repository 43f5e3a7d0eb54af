// Remembers material that already passed full verification, so the same signature read back in its second
// format (tag-layout layer vs referrer bundle) is not re-verified from scratch.
import { createHash } from 'node:crypto'
import type { Bundle } from '@sigstore/bundle'

export interface ExpectedPolicy {
  subjectAlternativeName: string | RegExp
  issuer: string
}

/** Exact SANs and patterns are spelled apart, so a pattern never shares a cache entry with a string. */
export const identityText = (san: string | RegExp): string =>
  typeof san === 'string' ? `=${san}` : `~/${san.source}/${san.flags}`

/**
 * Digest of every input the verifier reads except the inclusion proof of an entry with a SET: content and
 * signature, leaf certificate, Rekor entry (index, log, time, SET, body), timestamps, artifact and policy. The chain a
 * tag layer carries is left out because verification builds the path from the trusted root, not from it.
 */
export function verificationKey(bundle: Bundle, policy: ExpectedPolicy, artifact?: Buffer): string {
  const h = createHash('sha256')
  const part = (value: Buffer | string | undefined) => {
    const b = Buffer.from(value ?? '')
    h.update(`${b.length}:`).update(b)
  }
  const content = bundle.content
  if (content.$case === 'dsseEnvelope') {
    part('dsse')
    part(content.dsseEnvelope.payloadType)
    part(content.dsseEnvelope.payload)
    for (const s of content.dsseEnvelope.signatures) part(s.sig)
  } else {
    part('message')
    part(content.messageSignature.messageDigest?.digest)
    part(content.messageSignature.signature)
  }
  const vm = bundle.verificationMaterial
  const leaf =
    vm.content?.$case === 'certificate'
      ? vm.content.certificate.rawBytes
      : vm.content?.$case === 'x509CertificateChain'
        ? vm.content.x509CertificateChain.certificates[0]?.rawBytes
        : undefined
  part(leaf)
  for (const e of vm.tlogEntries) {
    part(e.logIndex)
    part(e.logId?.keyId)
    part(`${e.kindVersion?.kind}/${e.kindVersion?.version}`)
    part(e.integratedTime)
    part(e.inclusionPromise?.signedEntryTimestamp)
    part(e.canonicalizedBody)
    // Without a SET (Rekor v2) the proof and its checkpoint are the log's only word: a copy with another proof
    // is another bundle to verify, not a cache hit.
    if (!e.inclusionPromise && e.inclusionProof) {
      const p = e.inclusionProof
      part(`${p.logIndex}/${p.treeSize}`)
      part(p.rootHash)
      for (const hash of p.hashes) part(hash)
      part(p.checkpoint?.envelope)
    }
  }
  for (const t of vm.timestampVerificationData?.rfc3161Timestamps ?? []) part(t.signedTimestamp)
  part(artifact)
  part(identityText(policy.subjectAlternativeName))
  part(policy.issuer)
  return h.digest('hex')
}

export const hasInclusionProof = (bundle: Bundle): boolean =>
  bundle.verificationMaterial.tlogEntries.some(e => e.inclusionProof !== undefined)

/** Key → whether that verification also checked an inclusion proof (a SET-only pass does not cover one). */
export class VerifiedCache {
  readonly #passed = new Map<string, boolean>()

  covers(key: string, needsProof: boolean): boolean {
    const withProof = this.#passed.get(key)
    return withProof !== undefined && (withProof || !needsProof)
  }

  record(key: string, withProof: boolean): void {
    this.#passed.set(key, withProof || (this.#passed.get(key) ?? false))
  }
}

// Every signature of a subject verified locally before any of it is pushed: a trust misconfiguration then
// stops the run with nothing written, and what is pushed afterwards is byte-for-byte what passed here.
import type { CosignLayer } from '../publish/cosign-layout.js'
import { bundleFromLayer } from '../sigstore/verify/layer-bundle.js'
import type { PublishedVerifier } from '../verify/index.js'
import type { SignedSubject } from './attest-subject.js'

/** `sig`: the `.sig` layer of the tag layout, when there is one; `.att` layers travel on their entries. */
export function verifyBeforePush(
  s: SignedSubject,
  sig: CosignLayer | undefined,
  verifier: PublishedVerifier
): void {
  const subject = { repo: s.subject.repository, digest: s.subject.digest }
  const base = s.subject.ref
  for (const { statement, signed } of s.entries) {
    const what = `${base} ${statement.kind} (before pushing)`
    verifier.verifyItem(what, { bundle: signed.bundle }, subject, statement.predicateType)
  }
  if (s.signedPayload)
    verifier.verifyItem(
      `${base} signature (before pushing)`,
      { bundle: s.signedPayload.bundle, artifact: s.payload },
      subject
    )
  // The tag layout's annotations rebuilt as a consumer reads them: the cache proves they carry the material
  // that just verified (same certificate, entry, SET and signature) without a second cryptographic pass.
  const tagged: [CosignLayer, 'sig' | 'att', string, string?][] = [
    ...(sig ? [[sig, 'sig', 'signature-legacy'] as [CosignLayer, 'sig', string]] : []),
    ...s.entries.flatMap(({ statement, attLayer }): [CosignLayer, 'att', string, string][] =>
      attLayer ? [[attLayer, 'att', statement.kind, statement.predicateType]] : []
    )
  ]
  for (const [layer, kind, name, predicateType] of tagged) {
    const bundle = bundleFromLayer(layer.bytes, layer.annotations, kind)
    verifier.verifyItem(
      `${base} ${name} (.${kind} layer, before pushing)`,
      kind === 'sig' ? { bundle, artifact: layer.bytes } : { bundle },
      subject,
      predicateType
    )
  }
}

// Every signature of a subject verified locally before any of it is pushed: a trust misconfiguration then
// stops the run with nothing written, and what is pushed afterwards is byte-for-byte what passed here.
import type { CosignLayer } from '../publish/cosign-layout.js'
import { bundleFromLayer } from '../sigstore/verify/layer-bundle.js'
import type { PublishedVerifier } from '../verify/index.js'
import type { SignedSubject } from './attest-subject.js'

export interface SubjectLayers {
  sig?: CosignLayer
  /** `.att` layers, in the order of `attIndexes` (indexes into the subject's statements). */
  att: CosignLayer[]
  attIndexes: number[]
}

export function verifyBeforePush(s: SignedSubject, layers: SubjectLayers, verifier: PublishedVerifier): void {
  const subject = { repo: s.subject.repository, digest: s.subject.digest }
  const base = s.subject.ref
  s.statements.forEach((statement, i) => {
    const what = `${base} ${statement.kind} (before pushing)`
    verifier.verifyItem(what, { bundle: s.signed[i]!.bundle }, subject, statement.predicateType)
  })
  if (s.signedPayload)
    verifier.verifyItem(
      `${base} signature (before pushing)`,
      { bundle: s.signedPayload.bundle, artifact: s.payload },
      subject
    )
  // The tag layout's annotations rebuilt as a consumer reads them: the cache proves they carry the material
  // that just verified (same certificate, entry, SET and signature) without a second cryptographic pass.
  const tagged: [CosignLayer, 'sig' | 'att', string, string?][] = [
    ...(layers.sig ? [[layers.sig, 'sig', 'signature-legacy'] as [CosignLayer, 'sig', string]] : []),
    ...layers.att.map((l, j): [CosignLayer, 'att', string, string] => {
      const statement = s.statements[layers.attIndexes[j]!]!
      return [l, 'att', statement.kind, statement.predicateType]
    })
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

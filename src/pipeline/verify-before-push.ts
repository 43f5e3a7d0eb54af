// Every signature of a subject verified locally before any of it is pushed: a trust misconfiguration then
// stops the run with nothing written, and what is pushed afterwards is byte-for-byte what passed here.
import type { CosignLayer } from '../publish/cosign-layout.js'
import type { BundleVerifier, ExpectedIdentity } from '../sigstore/verify/bundle-verifier.js'
import { bundleFromLayer } from '../sigstore/verify/layer-bundle.js'
import { checkStatement } from '../sigstore/verify/published.js'
import type { SignedSubject } from './attest-subject.js'

export interface SubjectLayers {
  sig?: CosignLayer
  /** `.att` layers, in the order of `attIndexes` (indexes into the subject's statements). */
  att: CosignLayer[]
  attIndexes: number[]
}

export function verifyBeforePush(
  s: SignedSubject,
  layers: SubjectLayers,
  verifier: BundleVerifier,
  identity: ExpectedIdentity
): void {
  const base = s.subject.ref
  s.statements.forEach((statement, i) => {
    const what = `${base} ${statement.kind} (before pushing)`
    const bundle = s.signed[i]!.bundle
    verifier.verify(what, bundle, identity)
    checkStatement(bundle, s.subject.digest, statement.predicateType, what)
  })
  if (s.signedPayload)
    verifier.verify(`${base} signature (before pushing)`, s.signedPayload.bundle, identity, s.payload)
  // The tag layout's annotations rebuilt as a consumer reads them: the cache proves they carry the material
  // that just verified (same certificate, entry, SET and signature) without a second cryptographic pass.
  const tagged: [CosignLayer, 'sig' | 'att', string][] = [
    ...(layers.sig ? [[layers.sig, 'sig', 'signature-legacy'] as [CosignLayer, 'sig', string]] : []),
    ...layers.att.map((l, j): [CosignLayer, 'att', string] => [
      l,
      'att',
      s.statements[layers.attIndexes[j]!]!.kind
    ])
  ]
  for (const [layer, kind, name] of tagged) {
    const what = `${base} ${name} (.${kind} layer, before pushing)`
    verifier.verify(
      what,
      bundleFromLayer(layer.bytes, layer.annotations, kind),
      identity,
      kind === 'sig' ? layer.bytes : undefined
    )
  }
}

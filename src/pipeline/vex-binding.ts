// OpenVEX documents bound to every subject once, right after the plan: a document about another image refuses
// the run before any token, certificate or log entry exists.
import { bindOpenVex } from '../attest/openvex-bind.js'
import type { BoundOpenVex, VexTarget } from '../attest/openvex-bind.js'
import type { OpenVexDocument } from '../attest/openvex.js'
import { ociPurl } from '../sbom/index.js'
import type { RegistrySubject } from '../subject/index.js'

/** The subject as binding sees it: its purl written the way the SBOM names it (and vexctl and Trivy do). */
export function vexTarget(subject: RegistrySubject): VexTarget {
  const repository = subject.repository.toString()
  return {
    ref: subject.ref,
    purl: ociPurl(repository, subject.digest),
    repository,
    digest: subject.digest,
    ...(subject.index ? { index: subject.index } : {})
  }
}

/** VEX statements are about container images: an index and its platform images, never a chart or artifact. */
export const vexEligible = (subject: RegistrySubject): boolean =>
  subject.kind === 'image' || subject.kind === 'index'

/** subject ref → its bound documents, in input order; throws the first document that names another image. */
export function bindVexDocuments(
  documents: OpenVexDocument[],
  subjects: RegistrySubject[],
  now: Date
): Map<string, BoundOpenVex[]> {
  const bound = new Map<string, BoundOpenVex[]>()
  if (documents.length === 0) return bound
  for (const subject of subjects.filter(vexEligible)) {
    const target = vexTarget(subject)
    bound.set(
      subject.ref,
      documents.map(d => bindOpenVex(d, target, now))
    )
  }
  return bound
}

// A subject as the plan makes one, for unit tests that have no registry to plan against.
import { parseDigest, Repository } from '../../../src/oci/name.js'
import type { ImageKind, RegistrySubject } from '../../../src/subject/index.js'

export function subjectAt(repository: string, digest: string, kind: ImageKind = 'image'): RegistrySubject {
  const repo = Repository.parse(repository)
  const d = parseDigest(digest)
  const mediaType = 'application/vnd.oci.image.manifest.v1+json'
  const bytes = Buffer.from('{}')
  return {
    source: 'registry',
    input: `${repo}@${d}`,
    repository: repo,
    digest: d,
    ref: `${repo}@${d}`,
    descriptor: { mediaType, digest: d, size: bytes.length },
    kind,
    manifest: { digest: d, mediaType, bytes, json: {}, size: bytes.length }
  }
}

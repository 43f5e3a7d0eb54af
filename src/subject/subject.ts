// The one subject type: made once by the plan, handed unchanged to SBOM generation, signing, publishing,
// verification and outputs.
import type { Descriptor, FetchedManifest } from '../oci/manifest.js'
import type { Digest, Repository } from '../oci/name.js'

export type ImageKind = 'index' | 'image' | 'chart' | 'artifact'

/** An artifact in an OCI registry. `source` tells subject kinds apart (a file subject would be `'file'`). */
export interface RegistrySubject {
  readonly source: 'registry'
  /** The input line this subject came from (an index's platform images share their index's). */
  readonly input: string
  readonly repository: Repository
  readonly digest: Digest
  /** `registry/repository@digest`: how messages, reports and maps name it. */
  readonly ref: string
  /** The artifact's own descriptor, used as the referrers' `subject`. */
  readonly descriptor: Descriptor
  readonly kind: ImageKind
  /** `os/arch[/variant]` for a platform image of an index. */
  readonly platform?: string
  /** The index digest a platform image was found in. */
  readonly index?: Digest
  /** The manifest the plan read (digest-checked): nothing reads it a second time. */
  readonly manifest: FetchedManifest
}

/** A file on the runner (input subject-path) or a line of a checksums file (input subject-checksums). */
export interface FileSubject {
  readonly source: 'file'
  /** The pattern or checksums input this subject came from. */
  readonly input: string
  /** The file's base name, as actions/attest names a file subject in statements. */
  readonly name: string
  readonly digest: Digest
  /** `name` for a checksums line, the path as found otherwise: how messages and reports name it. */
  readonly ref: string
  /** The file read and hashed (absent for a checksums line: its bytes were never seen, so it gets no signature). */
  readonly path?: string
}

export type Subject = RegistrySubject | FileSubject

/** The name an in-toto statement gives the subject (cosign's `registry/repository`; a file's base name). */
export const statementName = (s: Subject): string => (s.source === 'file' ? s.name : s.repository.toString())

/** Only container images have layers an SBOM can be read from. */
export const sbomEligible = (s: Subject): boolean => s.source === 'registry' && s.kind === 'image'

export const registrySubjects = (subjects: readonly Subject[]): RegistrySubject[] =>
  subjects.filter((s): s is RegistrySubject => s.source === 'registry')

export const fileSubjects = (subjects: readonly Subject[]): FileSubject[] =>
  subjects.filter((s): s is FileSubject => s.source === 'file')

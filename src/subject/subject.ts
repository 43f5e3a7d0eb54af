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

export type Subject = RegistrySubject

/** The name an in-toto statement gives the subject (cosign's: `registry/repository`). */
export const statementName = (s: Subject): string => s.repository.toString()

/** Only container images have layers an SBOM can be read from. */
export const sbomEligible = (s: Subject): boolean => s.kind === 'image'

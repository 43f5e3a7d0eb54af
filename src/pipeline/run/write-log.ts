// Passes registry writes through and remembers which succeeded, so a run stopped part-way (its timeout)
// can say what is in the registry and what is not.
import type { Readable } from 'node:stream'
import type { Descriptor, FetchedManifest } from '../../oci/manifest.js'
import { parseReference } from '../../oci/reference.js'
import type { ImageReference } from '../../oci/reference.js'
import type { PublishRegistry } from '../../oci/publish-registry.js'

const name = (ref: ImageReference | string): string => (typeof ref === 'string' ? ref : ref.toString())
const repoOf = (ref: ImageReference | string): string =>
  (typeof ref === 'string' ? parseReference(ref) : ref).repoString()

export class WriteLog implements PublishRegistry {
  readonly #inner: PublishRegistry
  /** Manifests written (tags and referrers) and fallback-index entries added, as readable lines. */
  readonly written: string[] = []
  /** Repositories that received at least one manifest. */
  readonly repositories = new Set<string>()

  constructor(inner: PublishRegistry) {
    this.#inner = inner
  }

  getManifest(ref: ImageReference | string, opts?: { accept?: string[] }): Promise<FetchedManifest> {
    return this.#inner.getManifest(ref, opts)
  }
  headManifest(ref: ImageReference | string) {
    return this.#inner.headManifest(ref)
  }
  async putManifest(ref: ImageReference | string, bytes: Buffer, mediaType: string) {
    const result = await this.#inner.putManifest(ref, bytes, mediaType)
    this.written.push(name(ref))
    this.repositories.add(repoOf(ref))
    return result
  }
  readBlob(repo: ImageReference, digest: string, size?: number): Promise<Buffer> {
    return this.#inner.readBlob(repo, digest, size)
  }
  uploadBlob(
    repo: ImageReference,
    data: Buffer | (() => Readable),
    digest: string,
    size: number,
    opts?: { fresh?: boolean }
  ) {
    return this.#inner.uploadBlob(repo, data, digest, size, opts)
  }
  supportsReferrersApi(repo: ImageReference): Promise<boolean> {
    return this.#inner.supportsReferrersApi(repo)
  }
  listReferrers(repo: ImageReference, digest: string, artifactType?: string): Promise<Descriptor[]> {
    return this.#inner.listReferrers(repo, digest, artifactType)
  }
  async addReferrerToFallbackIndex(repo: ImageReference, subjectDigest: string, descriptor: Descriptor) {
    const result = await this.#inner.addReferrerToFallbackIndex(repo, subjectDigest, descriptor)
    this.written.push(`${repo.repoString()} fallback index entry ${descriptor.digest} for ${subjectDigest}`)
    this.repositories.add(repo.repoString())
    return result
  }
}

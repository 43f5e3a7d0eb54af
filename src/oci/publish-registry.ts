// The slice of the registry client that publishing and verification use; RegistryClient satisfies it. It lives in
// src/oci, below both, so publish and sigstore need not import each other for it.
import type { Readable } from 'node:stream'
import type { ImageReference } from './reference.js'
import type { Descriptor, FetchedManifest } from './manifest.js'

export interface PublishRegistry {
  getManifest(
    ref: ImageReference | string,
    opts?: { accept?: string[] }
  ): Promise<FetchedManifest & { etag?: string }>
  headManifest(
    ref: ImageReference | string
  ): Promise<{ digest: string; mediaType: string; size: number } | undefined>
  /** `ifMatch`: where the registry honours it, replace only the version with that ETag. */
  putManifest(
    ref: ImageReference | string,
    bytes: Buffer,
    mediaType: string,
    opts?: { ifMatch?: string; retry?: boolean }
  ): Promise<{ digest: string }>
  /** A small blob (signature layer, bundle) read whole, digest- and size-checked. */
  readBlob(repo: ImageReference, digest: string, size?: number): Promise<Buffer>
  uploadBlob(
    repo: ImageReference,
    data: Buffer | (() => Readable),
    digest: string,
    size: number,
    opts?: { fresh?: boolean }
  ): Promise<unknown>
  supportsReferrersApi(repo: ImageReference): Promise<boolean>
  listReferrers(repo: ImageReference, digest: string, artifactType?: string): Promise<Descriptor[]>
  addReferrerToFallbackIndex(
    repo: ImageReference,
    subjectDigest: string,
    descriptor: Descriptor
  ): Promise<unknown>
}

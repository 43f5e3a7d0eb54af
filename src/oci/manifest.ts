import { RegistryError } from './errors.js'
import { MANIFEST_ACCEPT } from './media-types.js'

export interface Platform {
  architecture: string
  os: string
  variant?: string
  'os.version'?: string
  'os.features'?: string[]
}

export interface Descriptor {
  mediaType: string
  digest: string
  size: number
  artifactType?: string
  annotations?: Record<string, string>
  platform?: Platform
  urls?: string[]
  data?: string
}

/** OCI image manifest, or Docker schema 2 manifest (same shape, different media types). */
export interface ImageManifest {
  schemaVersion: 2
  mediaType?: string
  artifactType?: string
  config: Descriptor
  layers: Descriptor[]
  subject?: Descriptor
  annotations?: Record<string, string>
}

/** OCI image index, or Docker manifest list (as made by `docker manifest create`). */
export interface ImageIndex {
  schemaVersion: 2
  mediaType?: string
  artifactType?: string
  manifests: Descriptor[]
  subject?: Descriptor
  annotations?: Record<string, string>
}

export type Manifest = ImageManifest | ImageIndex

/** A manifest read from a registry, already checked against its digest. */
export interface FetchedManifest {
  digest: string
  mediaType: string
  bytes: Buffer
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any
  size: number
}

/**
 * The media type of manifest bytes: the registry's Content-Type when it is one we know, else the JSON's own
 * `mediaType`, else inferred from the shape (OCI allows omitting mediaType).
 */
export function manifestMediaType(contentType: string | null, json: unknown, what: string): string {
  const header = contentType?.split(';')[0]?.trim()
  if (header && MANIFEST_ACCEPT.includes(header)) return header
  if (typeof json !== 'object' || json === null)
    throw new RegistryError('MANIFEST_INVALID', `${what} is not a JSON object`)
  const own = (json as { mediaType?: unknown }).mediaType
  if (typeof own === 'string' && own) return own
  if (Array.isArray((json as ImageIndex).manifests)) return 'application/vnd.oci.image.index.v1+json'
  if ((json as ImageManifest).config && Array.isArray((json as ImageManifest).layers))
    return 'application/vnd.oci.image.manifest.v1+json'
  throw new RegistryError(
    'MANIFEST_INVALID',
    `${what} has no media type and is neither a manifest nor an index`
  )
}

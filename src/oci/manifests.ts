import { computeDigest, digestAlgorithm, verifyDigest } from './digest.js'
import { DigestMismatchError, RegistryError } from './errors.js'
import { manifestMediaType, type FetchedManifest } from './manifest.js'
import { MANIFEST_ACCEPT } from './media-types.js'
import type { ImageReference } from './reference.js'
import { registryFailure, type RegistryTransport } from './transport.js'
import { repositoryScope } from './auth/authenticator.js'

// Manifests are small; anything bigger than this is not a manifest we should hold in memory.
const MAX_MANIFEST_BYTES = 8 * 1024 * 1024

export interface ManifestWithEtag extends FetchedManifest {
  /** The registry's ETag, for If-Match on a later PUT (undefined when it gives none). */
  etag?: string
}

function manifestPath(ref: ImageReference, identifier = ref.identifier): string {
  return `/v2/${ref.repository}/manifests/${identifier}`
}

/** GET a manifest or index, checked against the digest it was asked by (or the registry's Docker-Content-Digest). */
export async function getManifest(
  t: RegistryTransport,
  ref: ImageReference,
  accept = MANIFEST_ACCEPT
): Promise<ManifestWithEtag> {
  const res = await t.request(ref.registry, manifestPath(ref), {
    headers: { accept: accept.join(', ') },
    scopes: [repositoryScope(ref.repository, 'pull')]
  })
  if (res.status !== 200)
    return registryFailure(res, `fetching manifest ${ref}`, { operation: 'fetch', tag: ref.tag })
  const bytes = await res.buffer(MAX_MANIFEST_BYTES)
  const claimed = res.headers.get('docker-content-digest') ?? undefined
  const expected = ref.digest ?? claimed
  if (expected) verifyDigest(`manifest ${ref}`, bytes, expected)
  let json: unknown
  try {
    json = JSON.parse(bytes.toString('utf8'))
  } catch (cause) {
    throw new RegistryError('MANIFEST_INVALID', `manifest ${ref} is not valid JSON`, { cause })
  }
  const digest = expected ?? computeDigest(bytes)
  const etag = res.headers.get('etag') ?? undefined
  return {
    digest,
    mediaType: manifestMediaType(res.headers.get('content-type'), json, `manifest ${ref}`),
    bytes,
    json,
    size: bytes.length,
    ...(etag ? { etag } : {})
  }
}

/** HEAD a manifest: undefined when absent; falls back to GET + hash when the registry gives no digest. */
export async function headManifest(
  t: RegistryTransport,
  ref: ImageReference,
  accept = MANIFEST_ACCEPT
): Promise<{ digest: string; mediaType: string; size: number } | undefined> {
  const res = await t.request(ref.registry, manifestPath(ref), {
    method: 'HEAD',
    headers: { accept: accept.join(', ') },
    scopes: [repositoryScope(ref.repository, 'pull')]
  })
  res.discard()
  if (res.status === 404) return undefined
  const digest = res.headers.get('docker-content-digest')
  const mediaType = res.headers.get('content-type')?.split(';')[0]?.trim()
  const size = Number(res.headers.get('content-length'))
  if (
    res.status === 200 &&
    digest &&
    (!ref.digest || digest === ref.digest) &&
    mediaType &&
    accept.includes(mediaType)
  )
    return { digest, mediaType, size }
  if (res.status !== 200 && res.status !== 405)
    return registryFailure(res, `checking manifest ${ref}`, { operation: 'check', tag: ref.tag })
  const full = await getManifest(t, ref, accept).catch((err: unknown) => {
    if (err instanceof RegistryError && err.code === 'REGISTRY_NOT_FOUND') return undefined
    throw err
  })
  return full && { digest: full.digest, mediaType: full.mediaType, size: full.size }
}

/** PUT a manifest by tag or digest; answers the digest of the bytes, checked against the registry's. */
export async function putManifest(
  t: RegistryTransport,
  ref: ImageReference,
  bytes: Buffer,
  mediaType: string,
  opts: { ifMatch?: string; retry?: boolean } = {}
): Promise<{ digest: string; status: number }> {
  const algorithm = ref.digest ? digestAlgorithm(ref.digest) : 'sha256'
  const digest = computeDigest(bytes, algorithm)
  if (ref.digest && ref.digest !== digest)
    throw new DigestMismatchError(`manifest to push as ${ref}`, ref.digest, digest)
  const headers: Record<string, string> = { 'content-type': mediaType }
  if (opts.ifMatch) headers['if-match'] = opts.ifMatch
  const res = await t.request(ref.registry, manifestPath(ref), {
    method: 'PUT',
    headers,
    body: bytes,
    scopes: [repositoryScope(ref.repository, 'push')],
    ...(opts.retry === false ? { retry: false } : {})
  })
  if (res.status !== 201 && res.status !== 200 && res.status !== 204)
    return registryFailure(res, `pushing manifest ${ref}`, { operation: 'push', tag: ref.tag })
  res.discard()
  const theirs = res.headers.get('docker-content-digest')
  if (theirs && digestAlgorithm(theirs) === algorithm && theirs !== digest)
    throw new DigestMismatchError(`manifest pushed as ${ref} (the registry rewrote it)`, digest, theirs)
  return { digest, status: res.status }
}

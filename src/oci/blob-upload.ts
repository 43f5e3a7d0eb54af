// Blob uploads: one PUT for small blobs, PATCH chunks for large ones, cross-repository mounts.
import { createHash } from 'node:crypto'
import { Readable } from 'node:stream'
import { repositoryScope } from './auth/authenticator.js'
import {
  blobExists,
  DEFAULT_CHUNK_SIZE,
  DEFAULT_CHUNK_THRESHOLD,
  type BlobSource,
  type UploadOptions
} from './blobs.js'
import { digestAlgorithm } from './digest.js'
import { DigestMismatchError, RegistryError } from './errors.js'
import type { ImageReference } from './reference.js'
import { registryFailure, type RegistryTransport } from './transport.js'

async function startUpload(
  t: RegistryTransport,
  ref: ImageReference,
  query = '',
  extraScopes: string[] = []
) {
  const res = await t.request(ref.registry, `/v2/${ref.repository}/blobs/uploads/${query}`, {
    method: 'POST',
    scopes: [repositoryScope(ref.repository, 'push'), ...extraScopes]
  })
  if (res.status !== 202 && res.status !== 201)
    return registryFailure(res, `starting a blob upload to ${ref.repoString()}`, {
      operation: query.startsWith('?mount=') ? 'mount' : 'upload'
    })
  res.discard()
  const location = res.headers.get('location')
  if (res.status === 202 && !location)
    throw new RegistryError('REGISTRY_ERROR', `${ref.registry} started an upload without a Location header`)
  return { status: res.status, location: location ? new URL(location, t.baseUrl(ref.registry)) : undefined }
}

function withDigest(location: URL, digest: string): URL {
  const url = new URL(location)
  url.searchParams.set('digest', digest)
  return url
}

async function finishMonolithic(
  t: RegistryTransport,
  ref: ImageReference,
  location: URL,
  data: BlobSource,
  digest: string,
  size: number
) {
  const res = await t.request(ref.registry, withDigest(location, digest), {
    method: 'PUT',
    headers: {
      'content-type': 'application/octet-stream',
      ...(Buffer.isBuffer(data) ? {} : { 'content-length': String(size) })
    },
    body: data,
    scopes: [repositoryScope(ref.repository, 'push')]
  })
  if (res.status !== 201 && res.status !== 204)
    return registryFailure(res, `uploading blob ${digest} to ${ref.repoString()}`, { operation: 'upload' })
  res.discard()
}

async function* fixedChunks(source: Readable, chunkSize: number): AsyncGenerator<Buffer> {
  let pending: Buffer[] = []
  let length = 0
  for await (const piece of source) {
    pending.push(piece as Buffer)
    length += (piece as Buffer).length
    while (length >= chunkSize) {
      const all = Buffer.concat(pending)
      yield all.subarray(0, chunkSize)
      pending = [all.subarray(chunkSize)]
      length = all.length - chunkSize
    }
  }
  if (length > 0) yield Buffer.concat(pending)
}

async function finishChunked(
  t: RegistryTransport,
  ref: ImageReference,
  start: URL,
  data: BlobSource,
  digest: string,
  size: number,
  chunkSize: number
) {
  const hash = createHash(digestAlgorithm(digest))
  const source = Buffer.isBuffer(data) ? Readable.from([data]) : data()
  let location = start
  let offset = 0
  for await (const chunk of fixedChunks(source, chunkSize)) {
    hash.update(chunk)
    const res = await t.request(ref.registry, location, {
      method: 'PATCH',
      headers: {
        'content-type': 'application/octet-stream',
        'content-range': `${offset}-${offset + chunk.length - 1}`
      },
      body: chunk,
      scopes: [repositoryScope(ref.repository, 'push')]
    })
    if (res.status !== 202)
      return registryFailure(res, `uploading bytes ${offset}- of blob ${digest} to ${ref.repoString()}`, {
        operation: 'upload'
      })
    res.discard()
    const next = res.headers.get('location')
    if (next) location = new URL(next, t.baseUrl(ref.registry))
    offset += chunk.length
  }
  const actual = `${digestAlgorithm(digest)}:${hash.digest('hex')}`
  if (actual !== digest || offset !== size) {
    await t
      .request(ref.registry, location, {
        method: 'DELETE',
        scopes: [repositoryScope(ref.repository, 'push')]
      })
      .then(
        r => r.discard(),
        () => undefined
      )
    throw new DigestMismatchError(
      `blob upload to ${ref.repoString()} (${offset} bytes, declared ${size})`,
      digest,
      actual
    )
  }
  await finishMonolithic(t, ref, location, Buffer.alloc(0), digest, 0)
}

async function uploadTo(
  t: RegistryTransport,
  ref: ImageReference,
  location: URL,
  data: BlobSource,
  digest: string,
  size: number,
  opts: UploadOptions
) {
  if (size > (opts.chunkThreshold ?? DEFAULT_CHUNK_THRESHOLD))
    return finishChunked(t, ref, location, data, digest, size, opts.chunkSize ?? DEFAULT_CHUNK_SIZE)
  return finishMonolithic(t, ref, location, data, digest, size)
}

/**
 * Proves push access without writing anything: opens an upload session (the registry authorises a push
 * there) and cancels it. A registry that cannot cancel just lets the empty session expire.
 */
export async function probeUpload(t: RegistryTransport, ref: ImageReference): Promise<void> {
  const started = await startUpload(t, ref)
  if (!started.location) return
  await t
    .request(ref.registry, started.location, {
      method: 'DELETE',
      scopes: [repositoryScope(ref.repository, 'push')]
    })
    .then(
      r => r.discard(),
      () => undefined
    )
}

/** Blobs up to this size go in the body of the POST that opens the upload, where the registry allows it. */
export const SINGLE_POST_LIMIT = 1024 * 1024

export interface BlobUploadOptions extends UploadOptions {
  /** Bytes made by this run: no HEAD asks whether they exist (were they there, they are sent again). */
  fresh?: boolean
  /** Try the OCI single-POST upload (`?digest=` with the bytes) for a small buffer; off once declined. */
  singlePost?: boolean
  /** Told when the registry answered a single POST with an ordinary session (202) or refused it. */
  onSinglePostDeclined?: () => void
}

/**
 * One POST carrying the bytes: 201 means stored; 202 opens an ordinary session the bytes go to again; a
 * refusal (no location) means the caller opens one.
 */
async function singlePost(t: RegistryTransport, ref: ImageReference, data: Buffer, digest: string) {
  const res = await t.request(
    ref.registry,
    `/v2/${ref.repository}/blobs/uploads/?digest=${encodeURIComponent(digest)}`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: data,
      scopes: [repositoryScope(ref.repository, 'push')]
    }
  )
  // A registry that refuses the form (4xx other than auth and rate limits) gets the two-step upload instead.
  if (res.status >= 400 && res.status < 500 && ![401, 403, 429].includes(res.status)) {
    res.discard()
    return { stored: false as const, location: undefined }
  }
  if (res.status !== 201 && res.status !== 202)
    return registryFailure(res, `uploading blob ${digest} to ${ref.repoString()} in one POST`, {
      operation: 'upload'
    })
  res.discard()
  const location = res.headers.get('location')
  if (res.status === 201) return { stored: true as const }
  if (!location)
    throw new RegistryError('REGISTRY_ERROR', `${ref.registry} started an upload without a Location header`)
  return { stored: false as const, location: new URL(location, t.baseUrl(ref.registry)) }
}

/**
 * Uploads a blob unless the repository has it: one POST with the bytes where the registry supports it,
 * else POST + one PUT, or PATCH chunks above the threshold.
 */
export async function uploadBlob(
  t: RegistryTransport,
  ref: ImageReference,
  data: BlobSource,
  digest: string,
  size: number,
  opts: BlobUploadOptions = {}
): Promise<{ digest: string; size: number; uploaded: boolean }> {
  if (!opts.fresh && (await blobExists(t, ref, digest))) return { digest, size, uploaded: false }
  let location: URL
  const small = size <= Math.min(SINGLE_POST_LIMIT, opts.chunkThreshold ?? DEFAULT_CHUNK_THRESHOLD)
  if (opts.singlePost && Buffer.isBuffer(data) && small) {
    const posted = await singlePost(t, ref, data, digest)
    if (posted.stored) return { digest, size, uploaded: true }
    opts.onSinglePostDeclined?.()
    location = posted.location ?? (await startUpload(t, ref)).location!
  } else {
    location = (await startUpload(t, ref)).location!
  }
  await uploadTo(t, ref, location, data, digest, size, opts)
  return { digest, size, uploaded: true }
}

/**
 * Mounts a blob from another repository of the same registry; when the registry declines (202), uploads
 * `fallback` through the session it opened instead.
 */
export async function mountBlob(
  t: RegistryTransport,
  ref: ImageReference,
  digest: string,
  from: ImageReference,
  fallback?: { data: BlobSource; size: number },
  opts: BlobUploadOptions = {}
): Promise<{ mounted: boolean; uploaded: boolean }> {
  if (from.registry !== ref.registry) {
    if (!fallback) return { mounted: false, uploaded: false }
    const up = await uploadBlob(t, ref, fallback.data, digest, fallback.size, opts)
    return { mounted: false, uploaded: up.uploaded }
  }
  const query = `?mount=${encodeURIComponent(digest)}&from=${encodeURIComponent(from.repository)}`
  let started
  try {
    started = await startUpload(t, ref, query, [repositoryScope(from.repository, 'pull')])
  } catch (err) {
    // Some registries refuse an impossible mount (404 BLOB_UNKNOWN, 403 on the source) instead of answering 202.
    const status = err instanceof RegistryError ? (err.status ?? 0) : 0
    if (!fallback || status < 400 || status >= 500 || status === 401) throw err
    const up = await uploadBlob(t, ref, fallback.data, digest, fallback.size, opts)
    return { mounted: false, uploaded: up.uploaded }
  }
  if (started.status === 201) return { mounted: true, uploaded: false }
  if (!fallback) {
    await t
      .request(ref.registry, started.location!, {
        method: 'DELETE',
        scopes: [repositoryScope(ref.repository, 'push')]
      })
      .then(
        r => r.discard(),
        () => undefined
      )
    return { mounted: false, uploaded: false }
  }
  await uploadTo(t, ref, started.location!, fallback.data, digest, fallback.size, opts)
  return { mounted: false, uploaded: true }
}

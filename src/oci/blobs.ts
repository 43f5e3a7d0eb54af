// Blob reads: streamed, digest-checked GETs and existence checks.
import { type Readable, pipeline } from 'node:stream'
import type { HttpResponse } from '../http/index.js'
import { repositoryScope } from './auth/authenticator.js'
import { DigestVerifier, verifiedChunks } from './digest.js'
import type { ImageReference } from './reference.js'
import { registryFailure, type RegistryTransport } from './transport.js'

/** Blob bytes: a buffer, or a factory for a fresh stream (called again if the upload must restart). */
export type BlobSource = Buffer | (() => Readable)

export interface UploadOptions {
  /** Blobs larger than this go up in PATCH chunks. */
  chunkThreshold?: number
  chunkSize?: number
}

export const DEFAULT_CHUNK_THRESHOLD = 32 * 1024 * 1024
export const DEFAULT_CHUNK_SIZE = 16 * 1024 * 1024

export function blobPath(ref: ImageReference, digest: string): string {
  return `/v2/${ref.repository}/blobs/${digest}`
}

/** The 200 answer to a blob GET, or the registry's refusal as a RegistryError. */
async function getBlob(
  t: RegistryTransport,
  ref: ImageReference,
  digest: string,
  init: { bulk?: boolean; buffered?: boolean; signal?: AbortSignal } = {}
): Promise<HttpResponse> {
  const res = await t.request(ref.registry, blobPath(ref, digest), {
    scopes: [repositoryScope(ref.repository, 'pull')],
    ...init
  })
  if (res.status !== 200)
    return registryFailure(res, `fetching blob ${digest} from ${ref.repoString()}`, { operation: 'fetch' })
  return res
}

const SMALL_BLOB_BYTES = 4 * 1024 * 1024

/** Streams a blob; the stream fails with DIGEST_MISMATCH at its end if the bytes do not hash to `digest`. */
export async function fetchBlob(
  t: RegistryTransport,
  ref: ImageReference,
  digest: string,
  size?: number
): Promise<Readable> {
  // A small blob is read inside the client's retry loop, so an answer that breaks off is asked for again.
  const small = size !== undefined && size <= SMALL_BLOB_BYTES
  const res = await getBlob(t, ref, digest, small ? { buffered: true } : {})
  const verifier = new DigestVerifier(`blob ${digest} from ${ref.repoString()}`, digest, size)
  return pipeline(res.body(), verifier, () => undefined)
}

/** Below this size a blob keeps the pooled connection: a new connection (TLS handshake) costs more than the copies. */
const BULK_MIN_BYTES = 1024 * 1024

/**
 * A long read (a layer): the blob as lent chunks, each valid until the next is asked for, fetched on a
 * connection of its own (the http client's bulk path) unless it is known to be small; the last step
 * throws DIGEST_MISMATCH if the bytes do not hash to `digest`.
 */
export async function blobChunks(
  t: RegistryTransport,
  ref: ImageReference,
  digest: string,
  size?: number,
  signal?: AbortSignal
): Promise<AsyncIterable<Buffer>> {
  const res = await getBlob(t, ref, digest, {
    bulk: size === undefined || size >= BULK_MIN_BYTES,
    ...(signal ? { signal } : {})
  })
  return verifiedChunks(res.chunks(), `blob ${digest} from ${ref.repoString()}`, digest, size)
}

export async function blobExists(
  t: RegistryTransport,
  ref: ImageReference,
  digest: string
): Promise<boolean> {
  const res = await t.request(ref.registry, blobPath(ref, digest), {
    method: 'HEAD',
    scopes: [repositoryScope(ref.repository, 'pull')]
  })
  res.discard()
  if (res.status === 200) return true
  if (res.status === 404) return false
  return registryFailure(res, `checking blob ${digest} in ${ref.repoString()}`, { operation: 'check' })
}

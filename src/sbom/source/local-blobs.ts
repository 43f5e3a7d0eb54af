// Digest-checked access to blobs of an OCI layout, whether it is a directory or inside a tar.
import type { Readable } from 'node:stream'
import {
  DigestVerifier,
  computeDigest,
  digestAlgorithm,
  digestProblem,
  type Descriptor
} from '../../oci/index.js'
import { SbomError } from '../errors.js'
import type { ManifestStore } from './resolve.js'

/** Files of a directory or an archive, by relative path. */
export interface FileAccess {
  where: string
  read(path: string): Promise<Buffer>
  open(path: string): Promise<Readable>
  exists(path: string): Promise<boolean>
  size(path: string): Promise<number>
}

export function blobPath(digest: string): string {
  // The registry client's digest rules: a sha384 or upper-case digest is refused here, not mis-hashed later.
  const problem = digestProblem(digest)
  if (problem) throw new SbomError('SBOM_BAD_MANIFEST', `"${digest}" is not a digest (${problem})`)
  return `blobs/${digest.replace(':', '/')}`
}

export async function readVerified(files: FileAccess, path: string, digest: string): Promise<Buffer> {
  const bytes = await files.read(path)
  const actual = computeDigest(bytes, digestAlgorithm(digest))
  if (actual !== digest) {
    throw new SbomError(
      'SBOM_DIGEST_MISMATCH',
      `${files.where}: ${path} hashes to ${actual}, expected ${digest}`
    )
  }
  return bytes
}

export async function openVerified(
  files: FileAccess,
  path: string,
  digest: string,
  size?: number
): Promise<Readable> {
  const stream = await files.open(path)
  const verifier = new DigestVerifier(`${files.where}: ${path}`, digest, size)
  stream.on('error', err => verifier.destroy(err))
  return stream.pipe(verifier)
}

/** Blobs under blobs/<alg>/<hex> (OCI image layout). */
export function layoutStore(files: FileAccess): ManifestStore {
  return {
    async manifest(desc: Descriptor) {
      const bytes = await readVerified(files, blobPath(desc.digest), desc.digest)
      return { json: parseJson(bytes, `${files.where}: manifest ${desc.digest}`), digest: desc.digest }
    },
    read: desc => readVerified(files, blobPath(desc.digest), desc.digest),
    open: desc => openVerified(files, blobPath(desc.digest), desc.digest, desc.size)
  }
}

export function parseJson(bytes: Buffer, what: string): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'))
  } catch (err) {
    throw new SbomError('SBOM_BAD_MANIFEST', `${what} is not valid JSON`, { cause: err })
  }
}

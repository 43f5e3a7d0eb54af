// Digest-checked access to blobs of an OCI layout, whether it is a directory or inside a tar.
import type { Readable } from 'node:stream'
import { DigestVerifier, computeDigest, type Descriptor } from '../../oci/index.js'
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
  const [alg, hex] = digest.split(':')
  if (!alg || !hex || !/^[a-z0-9]+$/.test(alg) || !/^[a-f0-9]+$/.test(hex)) {
    throw new SbomError('SBOM_BAD_MANIFEST', `"${digest}" is not a digest`)
  }
  return `blobs/${alg}/${hex}`
}

export async function readVerified(files: FileAccess, path: string, digest: string): Promise<Buffer> {
  const bytes = await files.read(path)
  const actual = computeDigest(bytes, digest.startsWith('sha512:') ? 'sha512' : 'sha256')
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

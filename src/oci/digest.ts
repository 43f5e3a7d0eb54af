import { createHash } from 'node:crypto'
import { Transform, type TransformCallback } from 'node:stream'
import { DigestMismatchError } from './errors.js'

const HEX_LENGTH: Record<string, number> = { sha256: 64, sha512: 128 }

/** Why `digest` is not an OCI digest we can check, or undefined when it is fine. */
export function digestProblem(digest: string): string | undefined {
  const colon = digest.indexOf(':')
  if (colon <= 0) return 'must look like sha256:<64 hex characters>'
  const algorithm = digest.slice(0, colon)
  const encoded = digest.slice(colon + 1)
  const length = HEX_LENGTH[algorithm]
  if (length === undefined) return `uses algorithm "${algorithm}"; only sha256 and sha512 are supported`
  if (encoded.length !== length) return `${algorithm} needs ${length} hex characters, got ${encoded.length}`
  if (!/^[0-9a-f]+$/.test(encoded)) return `${algorithm} hex must be lower-case 0-9a-f`
  return undefined
}

export function digestAlgorithm(digest: string): 'sha256' | 'sha512' {
  return digest.startsWith('sha512:') ? 'sha512' : 'sha256'
}

export function computeDigest(bytes: Buffer | string, algorithm: 'sha256' | 'sha512' = 'sha256'): string {
  return `${algorithm}:${createHash(algorithm).update(bytes).digest('hex')}`
}

/** Throws DIGEST_MISMATCH unless `bytes` hash to `expected` (with the expected digest's algorithm). */
export function verifyDigest(what: string, bytes: Buffer, expected: string): void {
  const actual = computeDigest(bytes, digestAlgorithm(expected))
  if (actual !== expected) throw new DigestMismatchError(what, expected, actual)
}

/** Passes bytes through unchanged and errors with DIGEST_MISMATCH at the end if they hash wrong. */
export class DigestVerifier extends Transform {
  private readonly hash
  private bytes = 0

  constructor(
    private readonly what: string,
    private readonly expected: string,
    private readonly expectedSize?: number
  ) {
    super()
    this.hash = createHash(digestAlgorithm(expected))
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.hash.update(chunk)
    this.bytes += chunk.length
    done(null, chunk)
  }

  override _flush(done: TransformCallback): void {
    const actual = `${digestAlgorithm(this.expected)}:${this.hash.digest('hex')}`
    if (actual !== this.expected) return done(new DigestMismatchError(this.what, this.expected, actual))
    if (this.expectedSize !== undefined && this.bytes !== this.expectedSize) {
      return done(
        new DigestMismatchError(
          `${this.what} (size ${this.bytes}, expected ${this.expectedSize})`,
          this.expected,
          actual
        )
      )
    }
    done()
  }
}

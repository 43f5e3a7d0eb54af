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

/** Hashes bytes as they pass and says at the end whether they were the expected blob. */
class DigestCheck {
  private readonly hash
  private bytes = 0

  constructor(
    private readonly what: string,
    private readonly expected: string,
    private readonly expectedSize?: number
  ) {
    this.hash = createHash(digestAlgorithm(expected))
  }

  update(chunk: Buffer): void {
    this.hash.update(chunk)
    this.bytes += chunk.length
  }

  /** The mismatch, or undefined when digest and size are right. */
  finish(): DigestMismatchError | undefined {
    const actual = `${digestAlgorithm(this.expected)}:${this.hash.digest('hex')}`
    if (actual !== this.expected) return new DigestMismatchError(this.what, this.expected, actual)
    if (this.expectedSize !== undefined && this.bytes !== this.expectedSize) {
      return new DigestMismatchError(
        `${this.what} (size ${this.bytes}, expected ${this.expectedSize})`,
        this.expected,
        actual
      )
    }
    return undefined
  }
}

/** Passes bytes through unchanged and errors with DIGEST_MISMATCH at the end if they hash wrong. */
export class DigestVerifier extends Transform {
  private readonly check

  constructor(what: string, expected: string, expectedSize?: number) {
    super()
    this.check = new DigestCheck(what, expected, expectedSize)
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.check.update(chunk)
    done(null, chunk)
  }

  override _flush(done: TransformCallback): void {
    done(this.check.finish())
  }
}

/** The same check over (possibly lent) chunks: the last step throws DIGEST_MISMATCH if they hash wrong. */
export async function* verifiedChunks(
  chunks: AsyncIterable<Buffer>,
  what: string,
  expected: string,
  expectedSize?: number
): AsyncGenerator<Buffer> {
  const check = new DigestCheck(what, expected, expectedSize)
  for await (const chunk of chunks) {
    check.update(chunk)
    yield chunk
  }
  const mismatch = check.finish()
  if (mismatch) throw mismatch
}

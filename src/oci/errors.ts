export type RegistryErrorCode =
  | 'REGISTRY_NOT_FOUND'
  | 'REGISTRY_UNAUTHORIZED'
  | 'REGISTRY_DENIED'
  | 'REGISTRY_ERROR'
  | 'REGISTRY_CONFLICT'
  | 'DIGEST_MISMATCH'
  | 'MANIFEST_INVALID'
  | 'AUTH_FAILED'
  | 'CREDENTIALS_UNAVAILABLE'
  | 'TAG_WRITE_RACED'
  | 'INSECURE_TOKEN_REALM'

/** A registry operation that failed; the message names the reference and what to do about it. */
export class RegistryError extends Error {
  readonly code: RegistryErrorCode
  readonly status?: number
  /** The registry's Retry-After, for callers that retry at their own level (tag writes). */
  readonly retryAfterMs?: number

  constructor(
    code: RegistryErrorCode,
    message: string,
    opts: { status?: number; cause?: unknown; retryAfterMs?: number } = {}
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause })
    this.name = 'RegistryError'
    this.code = code
    if (opts.status !== undefined) this.status = opts.status
    if (opts.retryAfterMs !== undefined) this.retryAfterMs = opts.retryAfterMs
  }
}

/**
 * A manifest PUT refused for a blob it names: distribution 2.8 can lose a blob's link when parallel jobs
 * commit the same digest at once (a shared config), so the blob is uploaded again.
 */
export const isBlobUnknown = (err: unknown): boolean =>
  err instanceof RegistryError && err.status === 400 && /BLOB_UNKNOWN/.test(err.message)

/** The bytes did not hash to the digest they were asked for by. */
export class DigestMismatchError extends RegistryError {
  readonly expected: string
  readonly actual: string

  constructor(what: string, expected: string, actual: string) {
    super(
      'DIGEST_MISMATCH',
      `${what}: content hashes to ${actual}, expected ${expected}; the registry served wrong bytes`
    )
    this.name = 'DigestMismatchError'
    this.expected = expected
    this.actual = actual
  }
}

/** Parallel writers kept replacing a tag (cosign's .sig/.att, the fallback index) and ours did not stick. */
export class TagRaceError extends RegistryError {
  readonly tag: string

  constructor(tag: string, message: string) {
    super('TAG_WRITE_RACED', message)
    this.name = 'TagRaceError'
    this.tag = tag
  }
}

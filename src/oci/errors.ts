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
  | 'INSECURE_TOKEN_REALM'

/** A registry operation that failed; the message names the reference and what to do about it. */
export class RegistryError extends Error {
  readonly code: RegistryErrorCode
  readonly status?: number

  constructor(code: RegistryErrorCode, message: string, opts: { status?: number; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause })
    this.name = 'RegistryError'
    this.code = code
    if (opts.status !== undefined) this.status = opts.status
  }
}

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

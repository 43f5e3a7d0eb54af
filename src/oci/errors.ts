import { CodedError, type Operation } from '../errors/index.js'

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

export interface RegistryErrorOptions {
  status?: number
  cause?: unknown
  /** The registry's Retry-After, for callers that retry at their own level (tag writes). */
  retryAfterMs?: number
  operation?: Operation
  tag?: string
  /** The OCI error codes of the registry's answer (`BLOB_UNKNOWN`, `TAG_INVALID`, …). */
  registryCodes?: string[]
}

/** A registry operation that failed; the message names the reference and what to do about it. */
export class RegistryError extends CodedError<RegistryErrorCode> {
  declare readonly retryAfterMs?: number
  readonly registryCodes: readonly string[]

  constructor(code: RegistryErrorCode, message: string, opts: RegistryErrorOptions = {}) {
    super(code, message, opts)
    this.name = 'RegistryError'
    if (opts.retryAfterMs !== undefined) this.retryAfterMs = opts.retryAfterMs
    this.registryCodes = opts.registryCodes ?? []
  }
}

/**
 * A manifest PUT refused for a blob it names: distribution 2.8 can lose a blob's link when parallel jobs
 * commit the same digest at once (a shared config), so the blob is uploaded again.
 */
export const isBlobUnknown = (err: unknown): boolean =>
  err instanceof RegistryError &&
  err.status === 400 &&
  err.registryCodes.some(c => c === 'BLOB_UNKNOWN' || c === 'MANIFEST_BLOB_UNKNOWN')

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
  declare readonly tag: string

  constructor(tag: string, message: string) {
    super('TAG_WRITE_RACED', message, { tag })
    this.name = 'TagRaceError'
  }
}

// One error type for the SBOM generator: a string-literal code tests and the CLI can branch on.

export type SbomErrorCode =
  | 'SBOM_BAD_SOURCE'
  | 'SBOM_BAD_MANIFEST'
  | 'SBOM_PLATFORM_NOT_FOUND'
  | 'SBOM_BLOB_MISSING'
  | 'SBOM_DIGEST_MISMATCH'
  | 'SBOM_CORRUPT_LAYER'
  | 'SBOM_LAYER_TOO_LARGE'
  | 'SBOM_BAD_ARCHIVE'

export class SbomError extends Error {
  readonly code: SbomErrorCode
  constructor(code: SbomErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.code = code
    this.name = 'SbomError'
  }
}

/** Message of anything thrown, without assuming it is an Error. */
export function describeError(err: unknown): string {
  if (err instanceof Error) return err.message
  return String(err)
}

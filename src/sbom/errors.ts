// One error type for the SBOM generator: a string-literal code tests and the CLI can branch on.
import { CodedError } from '../errors/index.js'

export type SbomErrorCode =
  | 'SBOM_BAD_SOURCE'
  | 'SBOM_BAD_MANIFEST'
  | 'SBOM_PLATFORM_NOT_FOUND'
  | 'SBOM_BLOB_MISSING'
  | 'SBOM_DIGEST_MISMATCH'
  | 'SBOM_CORRUPT_LAYER'
  | 'SBOM_LAYER_TOO_LARGE'
  | 'SBOM_BAD_ARCHIVE'

export class SbomError extends CodedError<SbomErrorCode> {
  constructor(code: SbomErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options)
    this.name = 'SbomError'
  }
}

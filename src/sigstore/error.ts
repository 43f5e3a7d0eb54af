// One error type for the Sigstore side so callers and tests branch on a stable `code`, never on message text.
import { CodedError } from '../errors/index.js'

export type SigstoreErrorCode =
  | 'MISSING_ID_TOKEN_PERMISSION'
  | 'ID_TOKEN_REQUEST_FAILED'
  | 'ID_TOKEN_INVALID'
  | 'FULCIO_REQUEST_FAILED'
  | 'REKOR_REQUEST_FAILED'
  | 'REKOR_V2_NEEDS_TSA'
  | 'TSA_REQUEST_FAILED'
  | 'PUBLIC_REKOR_PRIVATE_REPOSITORY'
  | 'TRUSTED_ROOT_INVALID'
  | 'SIGNING_CONFIG_INVALID'
  | 'SIGNING_CONFIG_NO_SERVICE'
  | 'SIGNING_CONFIG_UNSUPPORTED'
  | 'VERIFICATION_FAILED'

/** Which check a verification failed, where the classifier needs more than VERIFICATION_FAILED. */
export type VerificationCheck = 'sct'

export class SigstoreError extends CodedError<SigstoreErrorCode> {
  declare readonly check?: VerificationCheck
  constructor(
    code: SigstoreErrorCode,
    message: string,
    options?: { cause?: unknown; check?: VerificationCheck }
  ) {
    super(code, message, options)
    this.name = 'SigstoreError'
    if (options?.check) this.check = options.check
  }
}

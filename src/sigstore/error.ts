// One error type for the Sigstore side so callers and tests branch on a stable `code`, never on message text.
export type SigstoreErrorCode =
  | 'MISSING_ID_TOKEN_PERMISSION'
  | 'ID_TOKEN_REQUEST_FAILED'
  | 'ID_TOKEN_INVALID'
  | 'FULCIO_REQUEST_FAILED'
  | 'REKOR_REQUEST_FAILED'
  | 'TSA_REQUEST_FAILED'
  | 'PUBLIC_REKOR_PRIVATE_REPOSITORY'
  | 'TRUSTED_ROOT_INVALID'
  | 'VERIFICATION_FAILED'

export class SigstoreError extends Error {
  readonly code: SigstoreErrorCode
  constructor(code: SigstoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'SigstoreError'
    this.code = code
  }
}

/** Text of any thrown value, including non-Error rejections. */
export function describe(err: unknown): string {
  if (err instanceof Error) return err.message
  return typeof err === 'string' ? err : JSON.stringify(err)
}

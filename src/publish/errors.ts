// Publishing failures name the artifact and the tag or referrer at fault.
export type PublishErrorCode = 'PUBLISH_FAILED' | 'PUBLISH_NOT_CONFIRMED' | 'GITHUB_ATTESTATION_FAILED'

export class PublishError extends Error {
  readonly code: PublishErrorCode
  constructor(code: PublishErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'PublishError'
    this.code = code
  }
}

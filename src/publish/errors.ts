// Publishing failures name the artifact and the tag or referrer at fault.
import { CodedError, type ErrorFacts } from '../errors/index.js'

export type PublishErrorCode = 'PUBLISH_FAILED' | 'PUBLISH_NOT_CONFIRMED' | 'GITHUB_ATTESTATION_FAILED'

export class PublishError extends CodedError<PublishErrorCode> {
  constructor(code: PublishErrorCode, message: string, facts?: ErrorFacts) {
    super(code, message, facts)
    this.name = 'PublishError'
  }
}

// Pipeline failures name the subject and the phase, so the edge can print them as they are.
import { CodedError } from '../errors/index.js'

export type PipelineErrorCode =
  | 'SUBJECT_INVALID'
  | 'SUBJECT_NOT_FOUND'
  | 'SUBJECT_FAILED'
  | 'WRITE_ACCESS_DENIED'
  | 'PUBLISH_AFTER_LOGGING_FAILED'

export class PipelineError extends CodedError<PipelineErrorCode> {
  declare readonly subject: string
  readonly phase: string
  /** Within the attest phase: which step failed. */
  readonly step?: 'sign' | 'publish' | 'verify'
  constructor(
    code: PipelineErrorCode,
    subject: string,
    phase: string,
    message: string,
    options?: { cause?: unknown; step?: 'sign' | 'publish' | 'verify' }
  ) {
    super(code, `${subject} [${phase}]: ${options?.step ? `${options.step}: ` : ''}${message}`, {
      cause: options?.cause,
      subject
    })
    this.name = 'PipelineError'
    this.phase = phase
    if (options?.step) this.step = options.step
  }
}

// Pipeline failures name the subject and the phase, so the edge can print them as they are.
export type PipelineErrorCode =
  | 'SUBJECT_INVALID'
  | 'SUBJECT_NOT_FOUND'
  | 'SUBJECT_FAILED'
  | 'WRITE_ACCESS_DENIED'
  | 'PUBLISH_AFTER_LOGGING_FAILED'

export class PipelineError extends Error {
  readonly code: PipelineErrorCode
  readonly subject: string
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
    super(`${subject} [${phase}]: ${options?.step ? `${options.step}: ` : ''}${message}`, options)
    this.name = 'PipelineError'
    this.code = code
    this.subject = subject
    this.phase = phase
    if (options?.step) this.step = options.step
  }
}

// Pipeline failures name the subject and the phase, so the edge can print them as they are.
export type PipelineErrorCode = 'SUBJECT_INVALID' | 'SUBJECT_NOT_FOUND' | 'SUBJECT_FAILED'

export class PipelineError extends Error {
  readonly code: PipelineErrorCode
  readonly subject: string
  readonly phase: string
  constructor(
    code: PipelineErrorCode,
    subject: string,
    phase: string,
    message: string,
    options?: { cause?: unknown }
  ) {
    super(`${subject} [${phase}]: ${message}`, options)
    this.name = 'PipelineError'
    this.code = code
    this.subject = subject
    this.phase = phase
  }
}

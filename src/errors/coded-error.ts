// The one base of every error this project throws: a stable `code` to branch on, the `cause`, and the facts a
// classifier reads (operation, tag, subject, status) so that nothing has to parse message text.

/** What a failed registry call was doing; a classifier tells writes from reads by it. */
export type Operation = 'fetch' | 'check' | 'list' | 'probe' | 'push' | 'upload' | 'mount'

const WRITES: ReadonlySet<Operation> = new Set<Operation>(['push', 'upload', 'mount'])

export const isWriteOperation = (op: Operation | undefined): boolean => op !== undefined && WRITES.has(op)

/** Structured facts about a failure; every field is optional and set only where the thrower knows it. */
export interface ErrorFacts {
  cause?: unknown
  operation?: Operation
  /** The tag being read or written (e.g. `sha256-<hex>.sig`). */
  tag?: string
  /** The subject the failure belongs to, as the user wrote it. */
  subject?: string
  /** The HTTP status that decided the failure. */
  status?: number
}

export abstract class CodedError<C extends string = string> extends Error {
  readonly code: C
  // `declare`: a fact the thrower did not know stays absent, not an own property holding undefined.
  declare readonly operation?: Operation
  declare readonly tag?: string
  declare readonly subject?: string
  declare readonly status?: number

  constructor(code: C, message: string, facts: ErrorFacts = {}) {
    super(message, facts.cause === undefined ? undefined : { cause: facts.cause })
    this.code = code
    if (facts.operation !== undefined) this.operation = facts.operation
    if (facts.tag !== undefined) this.tag = facts.tag
    if (facts.subject !== undefined) this.subject = facts.subject
    if (facts.status !== undefined) this.status = facts.status
  }
}

// in-toto Statement v1 with exactly the four fields cosign v3.1 accepts (it parses strictly).
import { CodedError } from '../errors/index.js'
import type { Digest, Repository } from '../oci/name.js'

export const STATEMENT_TYPE = 'https://in-toto.io/Statement/v1'

export interface Subject {
  name: string
  digest: Record<string, string>
}

export interface Statement<P extends object = Record<string, unknown>> {
  _type: typeof STATEMENT_TYPE
  subject: Subject[]
  predicateType: string
  predicate: P
}

export class StatementError extends CodedError<'INVALID_SUBJECT'> {
  constructor(message: string, options?: { cause?: unknown }) {
    super('INVALID_SUBJECT', message, options)
    this.name = 'StatementError'
  }
}

/** A repository (its type carries no tag or digest) and its checked digest → the statement subject. */
export function subjectFor(repository: Repository, digest: Digest): Subject {
  // cosign and every verifier match subjects by sha256; other algorithms would never be found.
  if (!digest.startsWith('sha256:'))
    throw new StatementError(`subject digest ${JSON.stringify(digest)} is not sha256:<64 hex>`)
  return { name: repository.toString(), digest: { sha256: digest.slice('sha256:'.length) } }
}

export function buildStatement<P extends object>(
  subjects: Subject[],
  predicateType: string,
  predicate: P
): Statement<P> {
  return { _type: STATEMENT_TYPE, subject: subjects, predicateType, predicate }
}

export function serializeStatement(statement: Statement<object>): Buffer {
  // Key order fixed here; extra fields on the object are dropped so the payload stays strictly parseable.
  const { _type, subject, predicateType, predicate } = statement
  return Buffer.from(
    JSON.stringify({
      _type,
      subject: subject.map(({ name, digest }) => ({ name, digest })),
      predicateType,
      predicate
    })
  )
}

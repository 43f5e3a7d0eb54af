// What signed material says about its subject (digest, name, predicate type), checked the same way for every
// caller: a DSSE statement, or the simple-signing payload of a cosign `.sig` layer.
import { CodedError } from '../errors/index.js'
import type { Bundle } from '@sigstore/bundle'
import { COSIGN_SIGN_PREDICATE } from '../publish/bundle-referrer.js'

export interface SubjectExpectation {
  /** `sha256:<hex>` the material must name. */
  digest: string
  /** `registry/repository` the statement's subject must be named (unchecked when absent: others name it their way). */
  name?: string
  /** Predicate type the statement must carry (unchecked when absent). */
  predicateType?: string
  /** cosign v3.1 parses statements strictly: refuse top-level fields beyond in-toto's four. */
  strictStatement?: boolean
}

/** One failed check of one item; the message names the check, the caller says which item. */
export class CheckFailed extends CodedError<'CHECK_FAILED'> {
  constructor(message: string, options?: { cause?: unknown }) {
    super('CHECK_FAILED', message, options)
    this.name = 'CheckFailed'
  }
}

export interface StatementFacts {
  /** `signature` (cosign's sign statement) or the predicate type. */
  kind: string
  predicateType: string
  predicate?: Record<string, unknown>
}

interface Statement {
  subject?: { name?: string; digest?: Record<string, string> }[]
  predicateType?: string
  predicate?: Record<string, unknown>
}

const STATEMENT_KEYS = ['_type', 'subject', 'predicateType', 'predicate']

export function checkStatement(bundle: Bundle, expect: SubjectExpectation): StatementFacts {
  if (bundle.content.$case !== 'dsseEnvelope') throw new CheckFailed('bundle holds no DSSE envelope')
  let statement: Statement
  try {
    statement = JSON.parse(bundle.content.dsseEnvelope.payload.toString('utf8')) as Statement
  } catch (cause) {
    throw new CheckFailed('DSSE payload is not a JSON statement', { cause })
  }
  if (expect.strictStatement) {
    const extra = Object.keys(statement).filter(k => !STATEMENT_KEYS.includes(k))
    if (extra.length)
      throw new CheckFailed(`statement has fields stock verifiers reject: ${extra.join(', ')}`)
  }
  const hex = expect.digest.replace(/^sha256:/, '')
  const names = (s: { name?: string; digest?: Record<string, string> }) =>
    s.digest?.sha256 === hex && (expect.name === undefined || s.name === expect.name)
  if (!statement.subject?.some(names))
    throw new CheckFailed(
      `statement subject does not name ${expect.name ? `${expect.name}@` : ''}${expect.digest}`
    )
  const predicateType = statement.predicateType ?? 'unknown'
  if (expect.predicateType && predicateType !== expect.predicateType)
    throw new CheckFailed(`predicateType is ${predicateType}, expected ${expect.predicateType}`)
  return {
    kind: predicateType === COSIGN_SIGN_PREDICATE ? 'signature' : predicateType,
    predicateType,
    ...(statement.predicate ? { predicate: statement.predicate } : {})
  }
}

/** The `.sig` layer's simple-signing payload names the image digest it signs. */
export function checkSignedPayload(payload: Buffer, expect: SubjectExpectation): void {
  let parsed: { critical?: { image?: Record<string, string> } }
  try {
    parsed = JSON.parse(payload.toString('utf8')) as typeof parsed
  } catch (cause) {
    throw new CheckFailed('signed payload is not JSON', { cause })
  }
  if (parsed.critical?.image?.['docker-manifest-digest'] !== expect.digest)
    throw new CheckFailed('signed payload names another digest')
}

// A caller's own predicate (actions/attest's predicate-type + predicate-path/predicate), checked before signing.
import { readFileSync, statSync } from 'node:fs'
import { CodedError, errorText } from '../errors/index.js'
import { CYCLONEDX_PREDICATE, DEFAULT_SBOM_LIMIT, SPDX_PREDICATE } from './sbom-predicate.js'

/** The same ceiling as SBOM statements: past it Rekor entries and registry layers get refused. */
export const DEFAULT_PREDICATE_LIMIT = DEFAULT_SBOM_LIMIT

/** Types this tool writes itself, each with the input that produces it instead. */
export const RESERVED_PREDICATE_TYPES: Record<string, string> = {
  'https://slsa.dev/provenance/v1': 'the provenance input (built from the verified OIDC token)',
  'https://slsa.dev/provenance/v0.2': 'the provenance input (built from the verified OIDC token)',
  [CYCLONEDX_PREDICATE]: 'the sbom input (sbom: FILE attests a CycloneDX or SPDX file you made)',
  [SPDX_PREDICATE]: 'the sbom input (sbom: FILE attests a CycloneDX or SPDX file you made)',
  // cosign's bundle-format signature statement (src/publish/bundle-referrer.ts; attest cannot import publish).
  'https://sigstore.dev/cosign/sign/v1': 'the formats input (the signature is written for every subject)'
}

export type PredicateInput = 'predicate-type' | 'predicate-path' | 'predicate'

export class CustomPredicateError extends CodedError<'INVALID_PREDICATE'> {
  constructor(
    readonly input: PredicateInput,
    readonly problem: string,
    options?: { cause?: unknown }
  ) {
    super('INVALID_PREDICATE', `input "${input}": ${problem}`, options)
    this.name = 'CustomPredicateError'
  }
}

export interface CustomPredicate {
  predicateType: string
  predicate: Record<string, unknown>
  /** Where it came from, for messages: the file path, or "inline". */
  source: string
}

const fail = (input: PredicateInput, problem: string, cause?: unknown): never => {
  throw new CustomPredicateError(input, problem, cause === undefined ? undefined : { cause })
}
const mib = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MiB`

/** cosign's --type takes a URI only if Go's url.ParseRequestURI does: scheme://authority, no opaque URNs. */
export function checkPredicateType(type: string): string {
  const example = 'write an absolute URI such as https://example.com/attestations/my-predicate/v1'
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/\s?#]+[^\s]*$/.test(type))
    fail('predicate-type', `"${type}" is not an absolute URI (scheme://host/path); ${example}`)
  try {
    new URL(type)
  } catch (cause) {
    fail('predicate-type', `"${type}" does not parse as a URI; ${example}`, cause)
  }
  const instead = RESERVED_PREDICATE_TYPES[type]
  if (instead)
    fail(
      'predicate-type',
      `"${type}" is written by oci-attest itself; use ${instead}, or give your own type URI`
    )
  return type
}

/**
 * The three inputs as given (undefined = not set) → the predicate, or undefined when none is asked for.
 * Every problem is an error naming the input and the fix, raised before anything is signed.
 */
export function readCustomPredicate(
  given: { type?: string; path?: string; inline?: string },
  limit = DEFAULT_PREDICATE_LIMIT
): CustomPredicate | undefined {
  const { type, path, inline } = given
  if (type === undefined) {
    if (path !== undefined)
      fail(
        'predicate-path',
        "is given without predicate-type; set predicate-type to the predicate's type URI"
      )
    if (inline !== undefined)
      fail('predicate', "is given without predicate-type; set predicate-type to the predicate's type URI")
    return undefined
  }
  const predicateType = checkPredicateType(type)
  if (path !== undefined && inline !== undefined)
    fail(
      'predicate',
      'and predicate-path are both given; give the predicate either inline or as a file, not both'
    )
  if (path === undefined && inline === undefined)
    fail(
      'predicate-type',
      'is given without a predicate; set predicate-path to a JSON file (or predicate to inline JSON)'
    )
  const input: PredicateInput = path !== undefined ? 'predicate-path' : 'predicate'
  const what = path !== undefined ? `file ${path}` : 'the inline predicate'
  let text: string
  if (path !== undefined) {
    let size = 0
    try {
      const st = statSync(path)
      if (!st.isFile()) fail(input, `${path} is not a file; give the path of a JSON file`)
      size = st.size
    } catch (cause) {
      if (cause instanceof CustomPredicateError) throw cause
      fail(input, `file ${path} cannot be read (${errorText(cause)}); check the path`, cause)
    }
    // Checked before reading, so a huge file is refused without loading it.
    if (size > limit) fail(input, tooLarge(what, size, limit))
    text = readFileSync(path, 'utf8')
  } else {
    text = inline!
    const size = Buffer.byteLength(text)
    if (size > limit) fail(input, tooLarge(what, size, limit))
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (cause) {
    fail(input, `${what} is not valid JSON (${errorText(cause)}); give a JSON object`, cause)
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    fail(
      input,
      `${what} is JSON but not an object (in-toto predicates are objects); wrap it, e.g. {"data": …}`
    )
  return { predicateType, predicate: value as Record<string, unknown>, source: path ?? 'inline' }
}

function tooLarge(what: string, size: number, limit: number): string {
  return `${what} is ${mib(size)}, over the ${mib(limit)} limit for a signed predicate; make it smaller (or attach the data elsewhere and attest its digest)`
}

// OpenVEX documents given as input: read, size-checked and schema-checked before anything is signed.
import { readFileSync, statSync } from 'node:fs'
import { CodedError, errorText } from '../errors/index.js'
import { DEFAULT_PREDICATE_LIMIT } from './custom-predicate.js'
import { checkOpenVexSchema } from './openvex-schema.js'

/** The in-toto predicate type of an OpenVEX document: what cosign's `--type openvex` selects (no version). */
export const OPENVEX_PREDICATE = 'https://openvex.dev/ns'

export type OpenVexCode = 'INVALID_VEX' | 'VEX_OTHER_PRODUCT'

/** A problem with one document: the file, the JSON path in it ("$" for the whole), and what is wrong. */
export class OpenVexError extends CodedError<OpenVexCode> {
  constructor(
    code: OpenVexCode,
    readonly file: string,
    readonly path: string,
    readonly problem: string,
    options?: { cause?: unknown; subject?: string }
  ) {
    super(code, `${file}: ${path}: ${problem}`, options)
    this.name = 'OpenVexError'
  }
}

export interface OpenVexDocument {
  /** The path it was read from, for messages and reports. */
  file: string
  /** The document as given, schema-checked (v0.2.0). */
  document: Record<string, unknown>
}

/** Most problems shown for one document: past these the author has a different document to fix. */
const SHOWN = 8

/** The input's value (paths one per line or comma-separated) → its paths, blank entries dropped. */
export function vexPaths(value: string): string[] {
  return value
    .split(/[\n,]/)
    .map(p => p.trim())
    .filter(Boolean)
}

export function readOpenVexDocuments(paths: string[], limit = DEFAULT_PREDICATE_LIMIT): OpenVexDocument[] {
  const seen = new Set<string>()
  return paths.map(file => {
    if (seen.has(file))
      throw new OpenVexError('INVALID_VEX', file, '$', 'is given twice; list each document once')
    seen.add(file)
    return readOpenVexDocument(file, limit)
  })
}

export function readOpenVexDocument(file: string, limit = DEFAULT_PREDICATE_LIMIT): OpenVexDocument {
  const fail = (problem: string, cause?: unknown): never => {
    throw new OpenVexError('INVALID_VEX', file, '$', problem, cause === undefined ? undefined : { cause })
  }
  let size = 0
  try {
    const st = statSync(file)
    if (!st.isFile()) fail('is not a file; give the path of an OpenVEX JSON document')
    size = st.size
  } catch (cause) {
    if (cause instanceof OpenVexError) throw cause
    fail(`cannot be read (${errorText(cause)}); check the path`, cause)
  }
  // Checked before reading, so a huge file is refused without loading it.
  if (size > limit)
    fail(
      `is ${(size / 1024 / 1024).toFixed(1)} MiB, over the ${(limit / 1024 / 1024).toFixed(1)} MiB limit for a signed predicate; split it into several documents`
    )
  let value: unknown
  try {
    value = JSON.parse(readFileSync(file, 'utf8'))
  } catch (cause) {
    fail(`is not valid JSON (${errorText(cause)}); an OpenVEX document is a JSON object`, cause)
  }
  const problems = checkOpenVexSchema(value)
  if (problems.length > 0) {
    const [first, ...rest] = problems
    const more = rest
      .slice(0, SHOWN - 1)
      .map(p => `; ${p.path}: ${p.problem}`)
      .join('')
    const hidden = rest.length > SHOWN - 1 ? `; and ${rest.length - SHOWN + 1} more` : ''
    throw new OpenVexError(
      'INVALID_VEX',
      file,
      first!.path,
      `${first!.problem}${more}${hidden} (not a valid OpenVEX v0.2.0 document)`
    )
  }
  return { file, document: value as Record<string, unknown> }
}

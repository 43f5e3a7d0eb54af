// An SBOM file as an attestation predicate: format detected from its content, size checked before signing.
import { readFile, stat } from 'node:fs/promises'
import { CodedError } from '../errors/index.js'

export const CYCLONEDX_PREDICATE = 'https://cyclonedx.org/bom'
export const SPDX_PREDICATE = 'https://spdx.dev/Document'
/** Predicates beyond this make Rekor entries and registry layers that some stores refuse. */
export const DEFAULT_SBOM_LIMIT = 16 * 1024 * 1024

export type SbomKind = 'cyclonedx' | 'spdx'

export type SbomPredicateErrorCode = 'SBOM_TOO_LARGE' | 'SBOM_UNREADABLE' | 'SBOM_UNKNOWN_FORMAT'

export class SbomPredicateError extends CodedError<SbomPredicateErrorCode> {
  constructor(code: SbomPredicateErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options)
    this.name = 'SbomPredicateError'
  }
}

export interface SbomPredicate {
  kind: SbomKind
  predicateType: string
  predicate: object
  path?: string
}

/** Detects CycloneDX (`bomFormat`) or SPDX (`spdxVersion`) JSON. */
export function sbomPredicate(document: unknown, where = 'the SBOM'): SbomPredicate {
  const doc = document as Record<string, unknown> | null
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new SbomPredicateError(
      'SBOM_UNKNOWN_FORMAT',
      `${where} is not a JSON object; give CycloneDX or SPDX JSON`
    )
  }
  if (doc.bomFormat === 'CycloneDX')
    return { kind: 'cyclonedx', predicateType: CYCLONEDX_PREDICATE, predicate: doc }
  if (typeof doc.spdxVersion === 'string' && doc.spdxVersion.startsWith('SPDX-')) {
    return { kind: 'spdx', predicateType: SPDX_PREDICATE, predicate: doc }
  }
  throw new SbomPredicateError(
    'SBOM_UNKNOWN_FORMAT',
    `${where} is neither CycloneDX JSON ("bomFormat": "CycloneDX") nor SPDX JSON ("spdxVersion": "SPDX-2.x")`
  )
}

export async function sbomPredicateFromFile(
  path: string,
  limit = DEFAULT_SBOM_LIMIT
): Promise<SbomPredicate> {
  let size: number
  try {
    size = (await stat(path)).size
  } catch (cause) {
    throw new SbomPredicateError('SBOM_UNREADABLE', `SBOM file ${path} cannot be read; check the path`, {
      cause
    })
  }
  assertSbomSize(size, limit, `SBOM file ${path}`)
  let doc: unknown
  try {
    doc = JSON.parse(await readFile(path, 'utf8'))
  } catch (cause) {
    throw new SbomPredicateError('SBOM_UNREADABLE', `SBOM file ${path} is not valid JSON`, { cause })
  }
  return { ...sbomPredicate(doc, `SBOM file ${path}`), path }
}

export function assertSbomSize(size: number, limit: number, what: string): void {
  if (size <= limit) return
  const mib = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MiB`
  throw new SbomPredicateError(
    'SBOM_TOO_LARGE',
    `${what} is ${mib(size)}, over the ${mib(limit)} limit for a signed SBOM predicate; ` +
      'trim it (e.g. drop file-level entries) or raise the limit knowingly'
  )
}

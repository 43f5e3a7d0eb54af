// Windows executables and libraries (.exe/.dll/.bpl) named and versioned from their version resources,
// as Syft's pe-binary-package-cataloger reports them (file name and "UNKNOWN" when they carry none).
import { errorText } from '../../errors/index.js'
import { formatPurl } from '../purl.js'
import { readPe } from './pe-reader.js'
import type { CatalogContext, CatalogedFile, Cataloger, FileCandidate, Package } from './types.js'

export const PE_CATALOGER = 'pe-binary-package-cataloger'
/** Syft's globs are case-sensitive: `*.dll` and `*.DLL` match, `*.Dll` does not. */
export const PE_NAME = /\.(?:exe|dll|bpl|EXE|DLL|BPL)$/
export const PE_CAP = 512 * 1024 * 1024
/** Go's unicode.IsSpace (strings.TrimSpace and strings.Fields split on these). */
const GO_SPACE = '\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000'
const TRIM = new RegExp(`^[${GO_SPACE}]+|[${GO_SPACE}]+$`, 'g')
const FIELDS = new RegExp(`[^${GO_SPACE}]+`, 'g')
/** Go regexp `[\s\xa0]+`: RE2's \s is ASCII whitespace without \v. */
const SPACE_RUN = /[\t\n\f\r \u00a0]+/g

const goTrim = (value: string): string => value.replace(TRIM, '')

/** Syft's spaceNormalize: trim, collapse whitespace runs to one space, drop control characters. */
export function spaceNormalize(value: string): string {
  const trimmed = goTrim(value)
  if (trimmed === '') return ''
  // eslint-disable-next-line no-control-regex
  const cleaned = trimmed.replace(SPACE_RUN, ' ').replace(/[\x00-\x1f]/g, '')
  return goTrim(cleaned.replace(SPACE_RUN, ' '))
}

/** Leading whitespace-separated words up to the first word without a digit after one with a digit. */
export function versionFromResource(value: string): string {
  let out = ''
  for (const word of goTrim(value).match(FIELDS) ?? []) {
    if (/[0-9]/.test(out) && !/[0-9]/.test(word)) return out
    out = out === '' ? word : `${out} ${word}`
  }
  return out
}

export function peName(fields: Map<string, string>, path: string): string {
  const company = (fields.get('CompanyName') ?? '').toLowerCase()
  const product = (fields.get('ProductName') ?? '').toLowerCase()
  // Microsoft's own files share a product name ("Microsoft® Windows® Operating System"): describe instead
  const order =
    company.includes('microsoft') || product.includes('microsoft')
      ? ['FileDescription', 'InternalName', 'OriginalFilename', 'ProductName']
      : ['ProductName', 'FileDescription', 'InternalName', 'OriginalFilename']
  for (const key of order) {
    const value = spaceNormalize(fields.get(key) ?? '')
    if (value !== '') return value
  }
  const base = path.slice(path.lastIndexOf('/') + 1)
  const noExe = base.endsWith('.exe') ? base.slice(0, -4) : base
  return noExe.endsWith('.dll') ? noExe.slice(0, -4) : noExe
}

export function pePackage(fields: Map<string, string>, path: string): Package | undefined {
  const name = peName(fields, path)
  if (name === '') return undefined // Syft drops packages without a name
  const version =
    versionFromResource(fields.get('ProductVersion') ?? '') ||
    versionFromResource(fields.get('FileVersion') ?? '')
  const product =
    spaceNormalize(fields.get('ProductName') ?? '') || spaceNormalize(fields.get('FileDescription') ?? '')
  // Syft gives a purl to Ghostscript only; other PE packages have none
  const purl =
    version && product.toLowerCase().includes('ghostscript')
      ? formatPurl({ type: 'generic', name: 'ghostscript', version })
      : ''
  const metadata: Record<string, string> = {}
  for (const key of [...fields.keys()].sort()) {
    const value = fields.get(key)!
    if (value !== '') metadata[key] = spaceNormalize(value)
  }
  return {
    name,
    version: version || 'UNKNOWN',
    type: 'binary',
    purl,
    foundBy: PE_CATALOGER,
    locations: [path],
    metadata,
    ...(fields.get('CompanyName') ? { vendor: fields.get('CompanyName')! } : {})
  }
}

export const peCataloger: Cataloger = {
  name: PE_CATALOGER,
  wants: (file: FileCandidate) => PE_NAME.test(file.path) && file.size >= 64 && file.size <= PE_CAP,
  parse(file: CatalogedFile, ctx: CatalogContext): Package[] {
    const where = `${file.path} (layer ${file.layer.diffId})`
    let pe: ReturnType<typeof readPe>
    try {
      pe = readPe(file.data)
    } catch (cause) {
      ctx.warn(`${where}: PE reader failed (${errorText(cause)}); no package reported for it`)
      return []
    }
    if (typeof pe === 'string') {
      ctx.warn(`${where}: not a readable PE file (${pe}); no package reported for it`)
      return []
    }
    if (pe.problems.length > 0) ctx.warn(`${where}: PE file partly unreadable (${pe.problems.join('; ')})`)
    if (pe.clr) return [] // .NET assemblies belong to the dotnet catalogers, as in Syft
    const pkg = pePackage(pe.versionResources, file.path)
    return pkg ? [pkg] : []
  }
}

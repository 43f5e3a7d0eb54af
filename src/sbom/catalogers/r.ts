// Installed R packages: the DEBIAN-style `DESCRIPTION` file R writes into every installed package directory.
import { formatPurl } from '../purl.js'
import type { CatalogContext, CatalogedFile, Cataloger, FileCandidate, Package } from './types.js'

export const R_CATALOGER = 'r-package-cataloger'
const CAP = 1024 * 1024

/** `Key: value` fields; indented lines continue the previous value (joined with newlines). */
export function parseDescription(text: string): Map<string, string> {
  const fields = new Map<string, string>()
  let key = ''
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '')
    if (line === '') continue
    if (line.startsWith(' ') || line.startsWith('\t')) {
      if (key !== '') fields.set(key, `${fields.get(key)}\n${line.trim()}`)
      continue
    }
    const colon = line.indexOf(':')
    if (colon < 0) {
      key = ''
      continue
    }
    key = line.slice(0, colon)
    fields.set(key, line.slice(colon + 1).trim())
  }
  return fields
}

/** `GPL (>= 2)` → `GPL2+`; `MIT + file LICENSE` → `MIT`; alternatives split on `|` (Syft's reading). */
export function rLicenses(field: string | undefined): string[] {
  if (!field) return []
  const out: string[] = []
  for (const part of field.split('|').map(p => p.trim())) {
    if (part.includes('(') && part.includes(')')) {
      const space = part.indexOf(' ')
      if (space > 0) {
        out.push(part.slice(0, space) + constraintSuffix(part.slice(space + 1)))
        continue
      }
    }
    if (part.includes('+') && part.includes('LICENSE')) {
      out.push(part.split(' ')[0]!)
      continue
    }
    if (part === 'file LICENSE' || part === '') continue
    out.push(part)
  }
  return out
}

/** `(>= 2)` means "version 2 or later" (`2+`); other operators keep the version; unreadable gives "". */
function constraintSuffix(constraint: string): string {
  const bare = constraint.replaceAll('(', '').replaceAll(')', '')
  const suffix = (op: string, version: string): string =>
    op === '>' || op === '>=' ? version + '+' : version
  if (bare.includes(',')) {
    // SPDX cannot say "between": the first constraint decides.
    for (const piece of bare.split(',')) {
      const space = piece.indexOf(' ')
      if (space >= 0) return suffix(piece.slice(0, space), piece.slice(space + 1))
    }
  }
  const words = bare.split(' ')
  return words.length === 2 ? suffix(words[0]!, words[1]!) : ''
}

export const rPackageCataloger: Cataloger = {
  name: R_CATALOGER,
  wants: (file: FileCandidate) => file.size <= CAP && file.path.endsWith('/DESCRIPTION'),
  parse(file: CatalogedFile, _ctx: CatalogContext): Package[] {
    const fields = parseDescription(file.data.toString('utf8'))
    const name = fields.get('Package')
    const version = fields.get('Version')
    // Any file called DESCRIPTION (git's .git/description is lower case) is a candidate: only R's declare both.
    if (!name || !version) return []
    const pkg: Package = {
      name,
      version,
      type: 'R-package',
      purl: formatPurl({ type: 'cran', name, version }),
      foundBy: R_CATALOGER,
      locations: [file.path]
    }
    const licenses = rLicenses(fields.get('License'))
    if (licenses.length > 0) pkg.licenses = licenses
    return [pkg]
  }
}

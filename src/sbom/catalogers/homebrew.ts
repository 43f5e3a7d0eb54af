// Homebrew: an installed formula keeps a copy of its Ruby recipe at Cellar/<name>/<version>/.brew/<name>.rb;
// taps keep theirs at Library/Taps/<org>/<tap>/Formula/<name>.rb.
import { formatPurl } from '../purl.js'
import type { CatalogContext, CatalogedFile, Cataloger, FileCandidate, Package } from './types.js'

export const HOMEBREW_CATALOGER = 'homebrew-cataloger'
const CAP = 4 * 1024 * 1024

function isFormula(path: string): boolean {
  const parts = path.split('/')
  if (!path.endsWith('.rb') || parts.length < 5) return false
  if (parts.at(-2) === '.brew' && parts.at(-5) === 'Cellar') return true
  return parts.at(-2) === 'Formula' && parts.at(-5) === 'Taps' && parts.at(-6) === 'Library'
}

/** Between the first and the last double quote of the line, as Syft reads `desc "…"` and `license "…"`. */
function quoted(line: string): string {
  const start = line.indexOf('"')
  const end = line.lastIndexOf('"')
  return start >= 0 && end > start ? line.slice(start + 1, end) : ''
}

/** The formula's own `name`/`version`, else Cellar/<name>/<version>/.brew (or the file name for a tap). */
export function parseFormula(text: string, path: string): { name: string; version: string; license: string } {
  let fields: Record<string, string> = {}
  for (const raw of text.split('\n')) {
    const line = raw.trim()
    // Only the class body describes the formula.
    if (line.includes('class ') && line.includes(' < Formula')) {
      fields = {}
      continue
    }
    for (const key of ['license', 'name', 'version'])
      if (line.startsWith(key + ' ') || line.startsWith(key + '\t')) fields[key] = quoted(line)
  }
  const license = fields['license'] ?? ''
  if (fields['name'] && fields['version'])
    return { name: fields['name'], version: fields['version'], license }
  const parts = path.split('/')
  const brew = parts.lastIndexOf('.brew')
  if (brew >= 2) return { name: parts[brew - 2]!, version: parts[brew - 1]!, license }
  return { name: parts.at(-1)!.replace(/\.rb$/, ''), version: '', license }
}

export const homebrewCataloger: Cataloger = {
  name: HOMEBREW_CATALOGER,
  wants: (file: FileCandidate) => file.size <= CAP && isFormula(file.path),
  parse(file: CatalogedFile, _ctx: CatalogContext): Package[] {
    const { name, version, license } = parseFormula(file.data.toString('utf8'), file.path)
    const pkg: Package = {
      name,
      version: version || 'UNKNOWN',
      type: 'homebrew',
      purl: formatPurl({ type: 'brew', name, version }),
      foundBy: HOMEBREW_CATALOGER,
      locations: [file.path]
    }
    if (license !== '') pkg.licenses = [license]
    return [pkg]
  }
}

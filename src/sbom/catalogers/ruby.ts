// Installed Ruby gems: the gemspecs RubyGems writes under `specifications/` (default gems in `specifications/default`).
import { formatPurl } from '../purl.js'
import type { CatalogContext, CatalogedFile, Cataloger, FileCandidate, Package } from './types.js'

export const RUBY_CATALOGER = 'ruby-installed-gemspec-cataloger'
const CAP = 4 * 1024 * 1024

/** `**\/specifications/**\/*.gemspec`: a `specifications` directory anywhere above the file. */
function isInstalledGemspec(path: string): boolean {
  if (!path.endsWith('.gemspec')) return false
  const dirs = path.split('/').slice(0, -1)
  return dirs.includes('specifications')
}

/** `"\u00E9"`-style escapes RubyGems writes for non-ASCII characters, as the characters. */
function unescapeUnicode(line: string): string {
  return line.replace(/\\u([0-9A-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
}

/** Gemspecs are Ruby, read line by line as text: `s.<field> = "value"` and `s.<field> = ["a", "b"]`. */
const SCALARS = { name: /\.name\s*=\s*["'](.*)["'] */, version: /\.version\s*=\s*["'](.*)["'] */ }
const LISTS = { licenses: /\.licenses\s*=\s*\[(.*)\] */ }

function listItems(raw: string): string[] {
  return raw.split(',').map(item => item.replace(/^[" ]+|[" ]+$/g, ''))
}

export function parseGemspec(text: string): { name?: string; version?: string; licenses?: string[] } {
  const fields: { name?: string; version?: string; licenses?: string[] } = {}
  for (const raw of text.split('\n')) {
    const line = unescapeUnicode(raw.trim().replaceAll('.freeze', ''))
    if (line === '') continue
    const name = SCALARS.name.exec(line)?.[1]
    if (name) {
      fields.name = name
      continue
    }
    const version = SCALARS.version.exec(line)?.[1]
    if (version) {
      fields.version = version
      continue
    }
    const licenses = LISTS.licenses.exec(line)?.[1]
    if (licenses) fields.licenses = listItems(licenses)
  }
  return fields
}

export const rubyGemspecCataloger: Cataloger = {
  name: RUBY_CATALOGER,
  wants: (file: FileCandidate) => file.size <= CAP && isInstalledGemspec(file.path),
  parse(file: CatalogedFile, ctx: CatalogContext): Package[] {
    const spec = parseGemspec(file.data.toString('utf8'))
    if (!spec.name) {
      ctx.warn(`${file.path} (layer ${file.layer.diffId}): gemspec without a literal name`)
      return []
    }
    const pkg: Package = {
      name: spec.name,
      // Syft reports a version it cannot read (computed in Ruby) as "UNKNOWN"; the purl carries none.
      version: spec.version || 'UNKNOWN',
      type: 'gem',
      purl: formatPurl({ type: 'gem', name: spec.name, version: spec.version }),
      foundBy: RUBY_CATALOGER,
      locations: [file.path]
    }
    const licenses = spec.licenses?.filter(l => l !== '')
    if (licenses && licenses.length > 0) pkg.licenses = licenses
    return [pkg]
  }
}

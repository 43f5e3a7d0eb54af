// Installed Python distributions: *.dist-info/METADATA, *.egg-info/PKG-INFO and single-file *.egg-info.
import { formatPurl } from '../purl.js'
import type { CatalogContext, CatalogedFile, Cataloger, FileCandidate, Package } from './types.js'

const TROVE_SPDX: Record<string, string> = {
  'MIT License': 'MIT',
  'MIT No Attribution License (MIT-0)': 'MIT-0',
  'ISC License (ISCL)': 'ISC',
  'Python Software Foundation License': 'PSF-2.0',
  'Mozilla Public License 2.0 (MPL 2.0)': 'MPL-2.0',
  'The Unlicense (Unlicense)': 'Unlicense',
  'Boost Software License 1.0 (BSL-1.0)': 'BSL-1.0',
  'Zope Public License': 'ZPL-2.1'
}

export const PYTHON_CATALOGER = 'python-installed-package-cataloger'
const CAP = 8 * 1024 * 1024

/** PEP 503 normalisation, as Syft names Python packages. */
export function normalizePythonName(name: string): string {
  return name.replace(/[-_.]+/g, '-').toLowerCase()
}

function isMetadataPath(path: string): boolean {
  const lower = path.toLowerCase()
  return (
    /dist-info\/metadata$/.test(lower) || /egg-info\/pkg-info$/.test(lower) || lower.endsWith('.egg-info')
  )
}

/** Email-header fields up to the first blank line (the body is the long description). */
function headers(text: string): Map<string, string[]> {
  const fields = new Map<string, string[]>()
  let last: string[] | undefined
  for (const line of text.split('\n')) {
    const l = line.replace(/\r$/, '')
    if (l === '') break
    if ((l.startsWith(' ') || l.startsWith('\t')) && last) {
      last[last.length - 1] += '\n' + l.trim()
      continue
    }
    const colon = l.indexOf(':')
    if (colon <= 0) continue
    const key = l.slice(0, colon).trim().toLowerCase()
    const value = l.slice(colon + 1).trim()
    last = fields.get(key) ?? []
    last.push(value)
    fields.set(key, last)
  }
  return fields
}

function licenses(fields: Map<string, string[]>): string[] | undefined {
  const expression = fields.get('license-expression')?.[0]
  if (expression) return [expression]
  const license = fields.get('license')?.[0]
  // Some projects paste the whole license text into License:; a name is one short line.
  if (license && license !== 'UNKNOWN' && !license.includes('\n') && license.length <= 100) return [license]
  // Trove classifiers name licenses loosely; the unambiguous ones map to SPDX ids (Syft reaches the same ids
  // by classifying the license file text, which we do not read).
  const classifiers = (fields.get('classifier') ?? [])
    .filter(c => c.startsWith('License ::'))
    .map(c => c.split(' :: ').pop()!)
    .map(name => TROVE_SPDX[name] ?? name)
  return classifiers.length > 0 ? classifiers : undefined
}

/** Home-page, else the Project-URL labelled Homepage (PEP 753 normalises labels: "home-page", "homepage"). */
function homepageOf(fields: Map<string, string[]>): string | undefined {
  const direct = fields.get('home-page')?.[0]
  if (direct && direct !== 'UNKNOWN') return direct
  for (const entry of fields.get('project-url') ?? []) {
    const comma = entry.indexOf(',')
    if (comma < 0) continue
    const label = entry
      .slice(0, comma)
      .replace(/[\s_.-]/g, '')
      .toLowerCase()
    if (label === 'homepage') return entry.slice(comma + 1).trim()
  }
  return undefined
}

export const pythonCataloger: Cataloger = {
  name: PYTHON_CATALOGER,
  wants: (file: FileCandidate) => file.size <= CAP && isMetadataPath(file.path),
  parse(file: CatalogedFile, ctx: CatalogContext): Package[] {
    const fields = headers(file.data.toString('utf8'))
    const rawName = fields.get('name')?.[0]
    const version = fields.get('version')?.[0] ?? ''
    if (!rawName) {
      ctx.warn(`${file.path} (layer ${file.layer.diffId}): Python metadata without a Name field`)
      return []
    }
    const name = normalizePythonName(rawName)
    const pkg: Package = {
      name,
      version,
      type: 'python',
      purl: formatPurl({ type: 'pypi', name, version }),
      foundBy: PYTHON_CATALOGER,
      locations: [file.path],
      // Syft relates every Requires-Dist, extras included, to what is installed beside it.
      dependsOn: (fields.get('requires-dist') ?? [])
        .map(r => normalizePythonName(r.split(/[\s;(<>=!~[]/)[0]!))
        .filter(r => r !== '')
    }
    const l = licenses(fields)
    if (l) pkg.licenses = l
    const author = fields.get('author')?.[0]
    if (author) pkg.author = author
    const email = fields.get('author-email')?.[0]
    if (email) pkg.authorEmail = email
    // Summary and the home page are the project's own words; Syft keeps them but writes neither.
    const summary = fields.get('summary')?.[0]
    if (summary && summary !== 'UNKNOWN') pkg.description = summary
    const homepage = homepageOf(fields)
    if (homepage) pkg.homepage = homepage
    return [pkg]
  }
}

// npm packages from any package.json that names itself (node_modules or an application's own).
import { errorText } from '../../errors/index.js'
import { formatPurl } from '../purl.js'
import type { CatalogContext, CatalogedFile, Cataloger, FileCandidate, Package } from './types.js'

export const NPM_CATALOGER = 'javascript-package-cataloger'
const CAP = 4 * 1024 * 1024

export function npmPurl(name: string, version: string): string {
  const slash = name.indexOf('/')
  return formatPurl({
    type: 'npm',
    namespace: slash > 0 ? name.slice(0, slash) : '',
    name: slash > 0 ? name.slice(slash + 1) : name,
    version
  })
}

function licensesOf(json: Record<string, unknown>): string[] | undefined {
  const one = (v: unknown): string | undefined =>
    typeof v === 'string'
      ? v
      : v && typeof v === 'object' && typeof (v as { type?: unknown }).type === 'string'
        ? (v as { type: string }).type
        : undefined
  const single = one(json['license'])
  if (single) return [single]
  const many = Array.isArray(json['licenses'])
    ? json['licenses'].map(one).filter((x): x is string => !!x)
    : []
  return many.length > 0 ? many : undefined
}

/** `"Name <email> (url)"` as npm's people fields are written in string form. */
const PERSON = /^\s*([^<(]*)(?:\s+<(.*)>)?(?:\s\((.*)\))?\s*$/

/** One person (string or object) the way Syft prints it: `name <email> (url)`. */
function person(value: unknown): string {
  let name = ''
  let email = ''
  let url = ''
  if (typeof value === 'string') {
    const m = PERSON.exec(value)
    if (!m) return ''
    ;[name, email, url] = [m[1] ?? '', m[2] ?? '', m[3] ?? '']
  } else if (value && typeof value === 'object' && !Array.isArray(value)) {
    const o = value as Record<string, unknown>
    const str = (v: unknown): string => (typeof v === 'string' ? v : '')
    ;[name, email, url] = [str(o['name']), str(o['email']), str(o['url'])]
  }
  return name + (email ? ` <${email}>` : '') + (url ? ` (${url})` : '')
}

/** Syft's npm author: author, then authors, contributors and maintainers (each a list or one person). */
function authorOf(json: Record<string, unknown>): string {
  const parts = [person(json['author'])]
  for (const key of ['authors', 'contributors', 'maintainers']) {
    const v = json[key]
    if (v === undefined || v === null) continue
    parts.push((Array.isArray(v) ? v : [v]).map(person).join(', '))
  }
  return parts.filter(p => p !== '').join(', ')
}

function repositoryUrl(v: unknown): string {
  if (typeof v === 'string') return v
  if (v && typeof v === 'object' && typeof (v as { url?: unknown }).url === 'string')
    return (v as { url: string }).url
  return ''
}

export const npmCataloger: Cataloger = {
  name: NPM_CATALOGER,
  wants: (file: FileCandidate) => file.path.endsWith('/package.json') && file.size <= CAP,
  parse(file: CatalogedFile, ctx: CatalogContext): Package[] {
    let json: unknown
    try {
      json = JSON.parse(file.data.toString('utf8'))
    } catch (cause) {
      ctx.warn(`${file.path} (layer ${file.layer.diffId}): not JSON (${errorText(cause)})`)
      return []
    }
    if (!json || typeof json !== 'object' || Array.isArray(json)) return []
    const obj = json as Record<string, unknown>
    const name = obj['name']
    const version = obj['version']
    // Build tools drop name-less package.json files ({"type":"module"}) all over dist trees: not packages.
    if (typeof name !== 'string' || name === '' || typeof version !== 'string' || version === '') return []
    const pkg: Package = {
      name,
      version,
      type: 'npm',
      purl: npmPurl(name, version),
      foundBy: NPM_CATALOGER,
      // Syft draws no relationships from package.json alone (several versions may share a name).
      locations: [file.path]
    }
    const l = licensesOf(obj)
    if (l) pkg.licenses = l
    const author = authorOf(obj)
    if (author) pkg.author = author
    if (typeof obj['description'] === 'string' && obj['description']) pkg.description = obj['description']
    if (typeof obj['homepage'] === 'string' && obj['homepage']) pkg.homepage = obj['homepage']
    const repo = repositoryUrl(obj['repository'])
    if (repo) pkg.downloadUrl = repo
    return [pkg]
  }
}

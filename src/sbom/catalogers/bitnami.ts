// Bitnami images describe what they built from source in SPDX documents (/opt/bitnami/<app>/.spdx-<app>.spdx)
// and, in older images, /opt/bitnami/.bitnami_components.json; Syft reports their pkg:bitnami packages.
import { formatPurl, type PurlParts } from '../purl.js'
import type { CatalogContext, CatalogedFile, Cataloger, FileCandidate, Package } from './types.js'

export const BITNAMI_CATALOGER = 'bitnami-cataloger'
const CAP = 32 * 1024 * 1024
const COMPONENTS = '/opt/bitnami/.bitnami_components.json'

function isBitnamiSpdx(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1)
  return path.startsWith('/opt/bitnami/') && base.startsWith('.spdx-') && base.endsWith('.spdx')
}

const decode = (s: string): string => {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

/** Reads a purl into its parts (then written again the way Syft re-serialises purls it reads from SBOMs). */
export function parsePurl(purl: string): PurlParts | undefined {
  const m = /^pkg:([^/?#@]+)\/([^?#]+?)(?:\?([^#]*))?(?:#(.*))?$/.exec(purl.trim())
  if (!m) return undefined
  let path = m[2]!
  let version: string | undefined
  const at = path.lastIndexOf('@')
  if (at >= 0) {
    version = decode(path.slice(at + 1))
    path = path.slice(0, at)
  }
  const segments = path.split('/').filter(s => s !== '')
  const name = segments.pop()
  if (!name) return undefined
  const qualifiers: Record<string, string> = {}
  for (const pair of (m[3] ?? '').split('&')) {
    const eq = pair.indexOf('=')
    if (eq > 0) qualifiers[pair.slice(0, eq).toLowerCase()] = decode(pair.slice(eq + 1))
  }
  return {
    type: m[1]!.toLowerCase(),
    namespace: segments.map(decode).join('/'),
    name: decode(name),
    ...(version !== undefined ? { version } : {}),
    qualifiers,
    ...(m[4] ? { subpath: decode(m[4]) } : {})
  }
}

interface SpdxPackage {
  name?: unknown
  versionInfo?: unknown
  licenseDeclared?: unknown
  externalRefs?: Array<{ referenceType?: unknown; referenceLocator?: unknown }>
}

function fromSpdx(doc: Record<string, unknown>, path: string): Package[] {
  const packages: Package[] = []
  for (const p of Array.isArray(doc['packages']) ? (doc['packages'] as SpdxPackage[]) : []) {
    const locator = (Array.isArray(p.externalRefs) ? p.externalRefs : []).find(
      r => r?.referenceType === 'purl'
    )?.referenceLocator
    if (typeof locator !== 'string' || !locator.startsWith('pkg:bitnami')) continue
    const parts = parsePurl(locator)
    const name = typeof p.name === 'string' ? p.name : ''
    if (!parts || name === '') continue
    const version = typeof p.versionInfo === 'string' ? p.versionInfo : ''
    const pkg: Package = {
      name,
      version: version || 'UNKNOWN',
      type: 'bitnami',
      purl: formatPurl(parts),
      foundBy: BITNAMI_CATALOGER,
      locations: [path]
    }
    const declared = p.licenseDeclared
    if (typeof declared === 'string' && declared !== '' && declared !== 'NOASSERTION' && declared !== 'NONE')
      pkg.licenses = [declared]
    packages.push(pkg)
  }
  // Syft lists an embedded SBOM's packages sorted by name, then version.
  return packages.sort((a, b) =>
    a.name !== b.name
      ? a.name < b.name
        ? -1
        : 1
      : a.version < b.version
        ? -1
        : a.version > b.version
          ? 1
          : 0
  )
}

function fromComponents(doc: Record<string, unknown>, path: string): Package[] {
  return Object.keys(doc)
    .sort()
    .flatMap(name => {
      const e = doc[name]
      if (!e || typeof e !== 'object') return []
      const entry = e as Record<string, unknown>
      const str = (k: string): string => (typeof entry[k] === 'string' ? (entry[k] as string) : '')
      const version = str('version')
      return [
        {
          name,
          version: version || 'UNKNOWN',
          type: 'bitnami',
          purl: formatPurl({
            type: 'bitnami',
            name,
            version,
            qualifiers: { arch: str('arch'), distro: str('distro') }
          }),
          foundBy: BITNAMI_CATALOGER,
          locations: [path]
        }
      ]
    })
}

export const bitnamiCataloger: Cataloger = {
  name: BITNAMI_CATALOGER,
  wants: (file: FileCandidate) => file.size <= CAP && (file.path === COMPONENTS || isBitnamiSpdx(file.path)),
  parse(file: CatalogedFile, ctx: CatalogContext): Package[] {
    let doc: unknown
    try {
      doc = JSON.parse(file.data.toString('utf8'))
    } catch {
      // Tag-value SPDX (or anything else) is not what Bitnami writes here, and Syft skips it too.
      return []
    }
    if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
      ctx.warn(`${file.path} (layer ${file.layer.diffId}): not a JSON object`)
      return []
    }
    const obj = doc as Record<string, unknown>
    if (file.path === COMPONENTS) return fromComponents(obj, file.path)
    return typeof obj['spdxVersion'] === 'string' ? fromSpdx(obj, file.path) : []
  }
}

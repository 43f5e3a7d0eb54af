// Alpine's lib/apk/db/installed: one-letter `K:value` lines, blank-line separated packages.
import { distroQualifier, formatPurl } from '../purl.js'
import type {
  CatalogContext,
  CatalogedFile,
  Cataloger,
  Distro,
  FileCandidate,
  Package,
  PackageFile
} from './types.js'

export const APK_CATALOGER = 'apk-db-cataloger'
const DB_CAP = 64 * 1024 * 1024
const REPOSITORIES = /^https:\/\/.*\.alpinelinux\.org\/alpine\/v([^/]+)\/([a-zA-Z0-9_]+)$/m

interface ApkEntry {
  name: string
  version: string
  arch: string
  origin: string
  license: string
  maintainer: string
  url: string
  description: string
  depends: string[]
  provides: string[]
  files: PackageFile[]
}

export function apkPurl(
  e: { name: string; version: string; arch: string; origin: string },
  distro: Distro | undefined
): string {
  if (!distro) return ''
  return formatPurl({
    type: 'apk',
    namespace: distro.id.toLowerCase(),
    name: e.name,
    version: e.version,
    qualifiers: {
      arch: e.arch,
      upstream: e.origin !== e.name ? e.origin : undefined,
      distro: distroQualifier(distro)
    }
  })
}

/** `so:libc.musl-x86_64.so.1 cmd:sh=1.36 busybox>=1.2` → names without version constraints. */
function names(value: string): string[] {
  return value
    .split(/\s+/)
    .map(k => k.split(/[<>=~]/)[0]!.trim())
    .filter(k => k !== '')
}

function parseEntries(text: string, warn: (m: string) => void): ApkEntry[] {
  const entries: ApkEntry[] = []
  let e: ApkEntry | undefined
  let dir = '/'
  const fresh = (): ApkEntry => ({
    name: '',
    version: '',
    arch: '',
    origin: '',
    license: '',
    maintainer: '',
    url: '',
    description: '',
    depends: [],
    provides: [],
    files: []
  })
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (line === '') {
      if (e) entries.push(e)
      e = undefined
      dir = '/'
      continue
    }
    const colon = line.indexOf(':')
    if (colon !== 1) {
      warn(`line ${i + 1} is not a one-letter "K:value" field`)
      continue
    }
    const value = line.slice(2)
    if (value === '') continue
    e ??= fresh()
    switch (line[0]) {
      case 'P':
        e.name = value
        break
      case 'V':
        e.version = value
        break
      case 'A':
        e.arch = value
        break
      case 'o':
        e.origin = value
        break
      case 'L':
        e.license = value
        break
      case 'm':
        e.maintainer = value
        break
      case 'U':
        e.url = value
        break
      case 'T':
        e.description = value
        break
      case 'D':
        e.depends = names(value)
        break
      case 'p':
        e.provides = names(value)
        break
      case 'F':
        dir = '/' + value.replace(/^\/+/, '')
        break
      case 'R':
        e.files.push({ path: (dir === '/' ? '' : dir) + '/' + value })
        break
      case 'Z': {
        // Z:Q1<base64 sha1> is the checksum of the file named by the preceding R: line.
        const last = e.files[e.files.length - 1]
        if (last && value.startsWith('Q1'))
          last.digest = { algorithm: 'sha1', value: Buffer.from(value.slice(2), 'base64').toString('hex') }
        break
      }
    }
  }
  if (e) entries.push(e)
  return entries
}

/** Licenses: an SPDX-looking expression stays whole, otherwise Syft splits on spaces. */
function licenses(raw: string): string[] | undefined {
  if (raw === '') return undefined
  return / (AND|OR|WITH) /.test(raw) ? [raw] : raw.split(' ').filter(l => l !== '')
}

export const apkCataloger: Cataloger = {
  name: APK_CATALOGER,
  wants: (file: FileCandidate) =>
    (file.path.endsWith('/lib/apk/db/installed') && file.size <= DB_CAP) ||
    (file.path === '/etc/apk/repositories' && file.size <= 1024 * 1024),
  parse(file: CatalogedFile, ctx: CatalogContext): Package[] {
    if (!file.path.endsWith('/lib/apk/db/installed')) return []
    const warn = (m: string): void => ctx.warn(`${file.path} (layer ${file.layer.diffId}): ${m}`)
    return parseEntries(file.data.toString('utf8'), warn)
      .filter(e => e.name !== '')
      .map(e => {
        const pkg: Package = {
          name: e.name,
          version: e.version,
          type: 'apk',
          purl: apkPurl(e, ctx.distro),
          foundBy: APK_CATALOGER,
          locations: [file.path],
          provides: e.provides,
          dependsOn: e.depends,
          files: e.files,
          metadata: { arch: e.arch, origin: e.origin }
        }
        const l = licenses(e.license)
        if (l) pkg.licenses = l
        if (e.maintainer) pkg.publisher = e.maintainer
        if (e.description) pkg.description = e.description
        if (e.url) pkg.downloadUrl = e.url
        return pkg
      })
  },
  /** Without os-release Syft falls back to the Alpine release named in /etc/apk/repositories. */
  enrich(packages: Package[], files: CatalogedFile[], ctx: CatalogContext): void {
    if (ctx.distro) return
    const repos = files.find(f => f.path === '/etc/apk/repositories')
    const m = repos ? REPOSITORIES.exec(repos.data.toString('utf8')) : null
    if (!m) return
    const distro: Distro = {
      id: 'alpine',
      versionId: m[1]!,
      fields: { ID: 'alpine', NAME: 'Alpine Linux', VERSION_ID: m[1]! }
    }
    for (const p of packages) {
      if (p.foundBy !== APK_CATALOGER) continue
      p.purl = apkPurl(
        {
          name: p.name,
          version: p.version,
          arch: p.metadata?.['arch'] ?? '',
          origin: p.metadata?.['origin'] ?? ''
        },
        distro
      )
    }
  }
}

// dpkg databases: `status` and distroless `status.d/<pkg>`; md5sums and DEP-5 copyright enrich them.
import { errorText } from '../../errors/index.js'
import { formatPurl, distroQualifier } from '../purl.js'
import { parseStanzas, relationNames } from './deb-control.js'
import { parseDebCopyright } from './deb-copyright.js'
import { distroIsLike } from './os-release.js'
import type {
  CatalogContext,
  CatalogedFile,
  Cataloger,
  Distro,
  FileCandidate,
  Package,
  PackageFile
} from './types.js'

export const DPKG_CATALOGER = 'dpkg-db-cataloger'
const DB_CAP = 64 * 1024 * 1024
const SIDE_CAP = 8 * 1024 * 1024
/** Files dpkg keeps next to a package's control data in status.d; they describe no package. */
const SIDE_FILE =
  /\.(md5sums|conffiles|list|preinst|postinst|prerm|postrm|triggers|shlibs|symbols|templates|config)$/

function isStatusFile(path: string): boolean {
  return path.endsWith('/lib/dpkg/status') || path.endsWith('/lib/opkg/status')
}

function isStatusDEntry(path: string): boolean {
  const dir = path.slice(0, path.lastIndexOf('/'))
  return dir.endsWith('/lib/dpkg/status.d') && !SIDE_FILE.test(path)
}

/** Debian-family only: Syft writes no purl for a dpkg package on an unknown or foreign distro. */
export function debPurl(
  name: string,
  version: string,
  arch: string,
  source: string,
  sourceVersion: string,
  distro: Distro | undefined
): string {
  if (!distro || !distroIsLike(distro, 'debian')) return ''
  const upstream = source === '' ? undefined : sourceVersion === '' ? source : `${source}@${sourceVersion}`
  return formatPurl({
    type: 'deb',
    namespace: distro.id,
    name,
    version,
    qualifiers: { arch, upstream, distro: distroQualifier(distro) }
  })
}

function parseDb(file: CatalogedFile, ctx: CatalogContext): Package[] {
  const problems: { line: number; message: string }[] = []
  const stanzas = parseStanzas(file.data.toString('utf8'), problems)
  for (const p of problems) ctx.warn(`${file.path}:${p.line} (layer ${file.layer.diffId}): ${p.message}`)
  const packages: Package[] = []
  for (const stanza of stanzas) {
    const name = stanza.get('Package') ?? ''
    if (name === '' || (stanza.get('Status') ?? '').includes('deinstall')) continue
    const version = stanza.get('Version') ?? ''
    const arch = stanza.get('Architecture') ?? ''
    // "Source: glibc (2.36-9)" names the source package and its version when they differ.
    const sourceMatch = /^(\S+)(?: \((.*)\))?/.exec(stanza.get('Source') ?? '')
    const source = sourceMatch?.[1] ?? ''
    const sourceVersion = sourceMatch?.[2] ?? ''
    const pkg: Package = {
      name,
      version,
      type: 'deb',
      purl: debPurl(name, version, arch, source, sourceVersion, ctx.distro),
      foundBy: DPKG_CATALOGER,
      locations: [file.path],
      provides: relationNames(stanza.get('Provides')),
      dependsOn: [...relationNames(stanza.get('Depends')), ...relationNames(stanza.get('Pre-Depends'))],
      metadata: { arch, source, sourceVersion }
    }
    const maintainer = stanza.get('Maintainer')
    if (maintainer) pkg.publisher = maintainer
    // The synopsis (first line) and Homepage are the package's own words; Syft keeps them but writes neither.
    const synopsis = (stanza.get('Description') ?? '').split('\n')[0]!.trim()
    if (synopsis) pkg.description = synopsis
    const homepage = stanza.get('Homepage')
    if (homepage) pkg.homepage = homepage
    const license = stanza.get('License')
    if (license) pkg.licenses = [license]
    const conffiles = stanza.get('Conffiles')
    if (conffiles) pkg.files = parseConffiles(conffiles)
    packages.push(pkg)
  }
  return packages
}

function parseConffiles(text: string): PackageFile[] {
  const files: PackageFile[] = []
  for (const line of text.split('\n')) {
    const [path, md5] = line.trim().split(' ')
    if (!path) continue
    const entry: PackageFile = { path: path.startsWith('/') ? path : '/' + path }
    if (md5) entry.digest = { algorithm: 'md5', value: md5 }
    files.push(entry)
  }
  return files
}

function parseMd5sums(text: string): PackageFile[] {
  const files: PackageFile[] = []
  for (const line of text.split('\n')) {
    const space = line.indexOf(' ')
    if (space < 0) continue
    const path = line.slice(space + 1).trim()
    files.push({
      path: path.startsWith('/') ? path : '/' + path,
      digest: { algorithm: 'md5', value: line.slice(0, space).trim() }
    })
  }
  return files
}

function mergeFiles(pkg: Package, extra: PackageFile[]): void {
  const byPath = new Map((pkg.files ?? []).map(f => [f.path, f]))
  for (const f of extra) if (!byPath.has(f.path)) byPath.set(f.path, f)
  pkg.files = [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}

function enrich(packages: Package[], files: CatalogedFile[], ctx: CatalogContext): void {
  const byPath = new Map(files.map(f => [f.path, f]))
  for (const pkg of packages) {
    if (pkg.foundBy !== DPKG_CATALOGER) continue
    const db = pkg.locations[0] ?? ''
    const dir = db.slice(0, db.lastIndexOf('/'))
    const infoDir = dir.endsWith('status.d') ? dir : `${dir}/info`
    const arch = pkg.metadata?.['arch'] ?? ''
    const key = arch !== '' && arch !== 'all' ? `${pkg.name}:${arch}` : pkg.name
    const md5 = byPath.get(`${infoDir}/${key}.md5sums`) ?? byPath.get(`${infoDir}/${pkg.name}.md5sums`)
    if (md5) {
      mergeFiles(pkg, parseMd5sums(md5.data.toString('utf8')))
      pkg.locations.push(md5.path)
    }
    const root = db.slice(0, db.indexOf('/var/lib/dpkg/') >= 0 ? db.indexOf('/var/lib/dpkg/') : 0)
    const copyright = byPath.get(`${root}/usr/share/doc/${pkg.name}/copyright`)
    if (copyright) {
      try {
        const licenses = parseDebCopyright(copyright.data.toString('utf8'))
        if (licenses.length > 0) pkg.licenses = [...new Set([...(pkg.licenses ?? []), ...licenses])]
        pkg.locations.push(copyright.path)
      } catch (cause) {
        ctx.warn(`${copyright.path}: unreadable copyright file (${errorText(cause)})`)
      }
    }
  }
}

export const dpkgCataloger: Cataloger = {
  name: DPKG_CATALOGER,
  wants(file: FileCandidate): boolean {
    const p = file.path
    if (isStatusFile(p) || isStatusDEntry(p)) return file.size <= DB_CAP
    if (p.endsWith('.md5sums') && (p.includes('/lib/dpkg/info/') || p.includes('/lib/dpkg/status.d/')))
      return file.size <= SIDE_CAP
    return /^\/usr\/share\/doc\/[^/]+\/copyright$/.test(p) && file.size <= SIDE_CAP
  },
  parse(file: CatalogedFile, ctx: CatalogContext): Package[] {
    if (!isStatusFile(file.path) && !isStatusDEntry(file.path)) return []
    return parseDb(file, ctx)
  },
  enrich
}

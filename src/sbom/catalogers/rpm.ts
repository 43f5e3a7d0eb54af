// rpm databases (sqlite, ndb, Berkeley DB hash) → packages with Syft's rpm purls.
import { errorText } from '../../errors/index.js'
import { distroQualifier, formatPurl } from '../purl.js'
import { bdbBlobs, isBdbHash } from './rpm-db-bdb.js'
import { isNdb, ndbBlobs } from './rpm-db-ndb.js'
import { isSqlite, sqliteBlobs } from './rpm-db-sqlite.js'
import { RpmHeader, TAG } from './rpm-header.js'
import type { CatalogContext, CatalogedFile, Cataloger, Distro, FileCandidate, Package } from './types.js'

export const RPM_CATALOGER = 'rpm-db-cataloger'
const DB_CAP = 512 * 1024 * 1024
const DB_PATH = /\/(var\/lib|usr\/share|usr\/lib\/sysimage)\/rpm\/(Packages|Packages\.db|rpmdb\.sqlite)$/

export interface RpmPurlInput {
  name: string
  version: string
  release: string
  epoch?: number
  arch?: string
  sourceRpm?: string
}

export function rpmPurl(p: RpmPurlInput, distro: Distro | undefined): string {
  let namespace = distro?.id ?? ''
  if (namespace === 'rhel' || namespace === 'hummingbird') namespace = 'redhat'
  if (namespace.startsWith('opensuse')) namespace = 'opensuse'
  return formatPurl({
    type: 'rpm',
    namespace,
    name: p.name,
    version: `${p.version}-${p.release}`,
    qualifiers: {
      arch: p.arch,
      epoch: p.epoch === undefined ? undefined : String(p.epoch),
      upstream: p.sourceRpm,
      distro: distroQualifier(distro)
    }
  })
}

function blobsOf(file: CatalogedFile, warn: (m: string) => void): Buffer[] {
  if (isSqlite(file.data)) return sqliteBlobs(file.data)
  if (isNdb(file.data)) return ndbBlobs(file.data, warn)
  if (isBdbHash(file.data)) return bdbBlobs(file.data, warn)
  throw new Error('neither sqlite, ndb nor Berkeley DB hash')
}

function packageOf(header: RpmHeader, file: CatalogedFile, distro: Distro | undefined): Package | undefined {
  const name = header.string(TAG.NAME)
  const version = header.string(TAG.VERSION)
  const release = header.string(TAG.RELEASE) ?? ''
  if (!name || !version) return undefined
  const epoch = header.int32(TAG.EPOCH)
  const arch = header.string(TAG.ARCH)
  const sourceRpm = header.string(TAG.SOURCERPM)
  const license = header.string(TAG.LICENSE)
  const pkg: Package = {
    name,
    version: epoch === undefined ? `${version}-${release}` : `${epoch}:${version}-${release}`,
    type: 'rpm',
    purl: rpmPurl({ name, version, release, epoch, arch, sourceRpm }, distro),
    foundBy: RPM_CATALOGER,
    locations: [file.path],
    // Rich dependencies "(a if b)" name no single package; Syft leaves them out too.
    provides: header.stringArray(TAG.PROVIDENAME).filter(k => k !== '' && !k.trim().startsWith('(')),
    dependsOn: header.stringArray(TAG.REQUIRENAME).filter(k => k !== '' && !k.trim().startsWith('(')),
    files: header.files().map(path => ({ path })),
    metadata: {
      arch: arch ?? '',
      release,
      sourceRpm: sourceRpm ?? '',
      ...(epoch === undefined ? {} : { epoch: String(epoch) })
    }
  }
  const modularity = header.string(TAG.MODULARITYLABEL)
  if (modularity) pkg.metadata!['modularityLabel'] = modularity
  if (license) pkg.licenses = [license]
  const vendor = header.string(TAG.VENDOR)
  if (vendor) pkg.publisher = vendor
  // Summary and URL are the package's own words; Syft keeps neither.
  const summary = header.string(TAG.SUMMARY)
  if (summary) pkg.description = summary
  const url = header.string(TAG.URL)
  if (url) pkg.homepage = url
  return pkg
}

/** Syft lets a package provide its own files, so "Requires: /bin/sh" resolves to the owner of /bin/sh. */
function provideRequiredPaths(packages: Package[]): void {
  const wanted = new Set(packages.flatMap(p => (p.dependsOn ?? []).filter(d => d.startsWith('/'))))
  for (const p of packages) {
    for (const f of p.files ?? [])
      if (wanted.has(f.path) && !p.provides!.includes(f.path)) p.provides!.push(f.path)
  }
}

export const rpmCataloger: Cataloger = {
  name: RPM_CATALOGER,
  wants: (file: FileCandidate) => DB_PATH.test(file.path) && file.size <= DB_CAP,
  parse(file: CatalogedFile, ctx: CatalogContext): Package[] {
    const where = `${file.path} (layer ${file.layer.diffId})`
    let blobs: Buffer[]
    try {
      blobs = blobsOf(file, m => ctx.warn(`${where}: ${m}`))
    } catch (cause) {
      ctx.warn(`${where}: unreadable rpm database: ${errorText(cause)}`)
      return []
    }
    const packages: Package[] = []
    for (const blob of blobs) {
      try {
        const pkg = packageOf(RpmHeader.parse(blob), file, ctx.distro)
        if (pkg) packages.push(pkg)
        else ctx.warn(`${where}: header without a name or version skipped`)
      } catch (cause) {
        ctx.warn(`${where}: bad package header skipped: ${errorText(cause)}`)
      }
    }
    provideRequiredPaths(packages)
    return packages
  }
}

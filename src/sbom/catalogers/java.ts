// Java archives (jar, war, ear…) and the archives nested in them (Spring Boot BOOT-INF/lib, WEB-INF/lib).
import { createHash } from 'node:crypto'
import { errorText } from '../../errors/index.js'
import { formatPurl } from '../purl.js'
import { generateCpes } from './cpe.js'
import {
  archiveFilename,
  cpeGroupIds,
  manifestVendorNames,
  groupIdFor,
  parseManifest,
  parsePomProperties,
  selectLicenses,
  selectName,
  selectVersion,
  type Manifest,
  type PomProperties
} from './java-archive.js'
import type { CatalogContext, CatalogedFile, Cataloger, FileCandidate, Package } from './types.js'
import { listZip, readZipEntry, type ZipEntry } from './zip.js'

export const JAVA_CATALOGER = 'java-archive-cataloger'
const ARCHIVE = /\.(jar|war|ear|par|sar|nar|jpi|hpi|kar|far|lpkg|rar|zap)$/i
const ARCHIVE_CAP = 512 * 1024 * 1024
const MEMBER_CAP = 16 * 1024 * 1024
const NESTED_CAP = 256 * 1024 * 1024
/** Bytes all nested reads of one top-level archive may expand to: bounds time spent on zip bombs. */
const EXPANSION_BUDGET = 2 * 1024 * 1024 * 1024

interface Budget {
  left: number
  warned: boolean
}
/** Nesting deeper than a fat jar inside an ear inside a war is not seen in practice; bounds zip quines. */
const MAX_DEPTH = 4

interface JavaPkg extends Package {
  props?: PomProperties
  manifest?: Manifest
}

function finalize(p: JavaPkg): Package {
  const group = groupIdFor(p.props, p.manifest) || p.name
  const purl = formatPurl({ type: 'maven', namespace: group, name: p.name, version: p.version })
  const type = /io\.jenkins\.plugins|org\.jenkins-ci\.plugins/.test(purl) ? 'jenkins-plugin' : p.type
  const { props: _p, manifest: _m, ...rest } = p
  // Syft generates CPEs before stubbing the version, from group ids only the archive's own files give.
  const artifactId = p.props?.artifactId.trim() ?? ''
  const cpes = generateCpes(
    { ...rest, purl, type },
    {
      groupIds: cpeGroupIds(p.props, p.manifest),
      artifactId: artifactId.includes('.') ? '' : artifactId,
      vendorNames: manifestVendorNames(p.manifest)
    }
  )
  // Syft ≥ 1.5x reports an undeterminable version as "UNKNOWN"; the purl carries none.
  return { ...rest, version: p.version || 'UNKNOWN', purl, type, ...(cpes.length ? { cpes } : {}) }
}

function parseArchive(
  data: Buffer,
  realPath: string,
  virtualPath: string,
  depth: number,
  ctx: CatalogContext,
  budget: Budget
): Package[] {
  let entries: ZipEntry[]
  try {
    entries = listZip(data)
  } catch (cause) {
    ctx.warn(`${virtualPath}: not a readable zip archive (${errorText(cause)})`)
    return []
  }
  const read = (e: ZipEntry, cap: number): Buffer | undefined => {
    if (budget.left <= 0) {
      if (!budget.warned)
        ctx.warn(`${virtualPath}: expanded more than ${EXPANSION_BUDGET} bytes; rest skipped`)
      budget.warned = true
      return undefined
    }
    try {
      const bytes = readZipEntry(data, e, Math.min(cap, budget.left))
      budget.left -= bytes.length
      return bytes
    } catch (cause) {
      ctx.warn(`${virtualPath}: ${errorText(cause)}`)
      return undefined
    }
  }
  const file = archiveFilename(virtualPath.slice(virtualPath.lastIndexOf(':') + 1))
  const manifests = entries.filter(e => e.name === 'META-INF/MANIFEST.MF')
  const manifestBytes = manifests.length === 1 ? read(manifests[0]!, MEMBER_CAP) : undefined
  const manifest = manifestBytes ? parseManifest(manifestBytes.toString('utf8')) : undefined
  const props = entries
    .filter(e => /(^|\/)pom\.properties$/.test(e.name))
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .map(e => {
      const bytes = read(e, MEMBER_CAP)
      return bytes ? parsePomProperties(bytes.toString('utf8'), e.name) : undefined
    })
    .filter((p): p is PomProperties => p !== undefined)

  const packages: Package[] = []
  let main: JavaPkg | undefined
  let mainOut: Package | undefined
  if (manifest && !manifest.main.has('Weave-Classes')) {
    // Main identity: the pom.properties whose artifactId fits the file name, else manifest and file name.
    const artifacts = new Set(props.map(p => p.artifactId))
    const fits = (id: string): boolean =>
      id !== '' &&
      file.name !== '' &&
      (artifacts.has(file.name) ? id === file.name : id.startsWith(file.name) || file.name.endsWith(id))
    const best = props.find(p => fits(p.artifactId))
    main = {
      name: best?.artifactId || selectName(manifest, file.name),
      version: best?.version || selectVersion(manifest, file.version),
      type: /^(jpi|hpi)$/i.test(file.extension) ? 'jenkins-plugin' : 'java-archive',
      purl: '',
      foundBy: JAVA_CATALOGER,
      locations: [realPath],
      metadata: { virtualPath },
      manifest
    }
    const licenses = selectLicenses(manifest)
    if (licenses.length > 0) main.licenses = licenses
    const aux: JavaPkg[] = []
    for (const p of props) {
      const parentGroup = groupIdFor(main.props, main.manifest)
      // A pom.properties describing the archive itself completes the main package instead of adding one.
      const same =
        `${cleanGroup(p.groupId)}|${p.artifactId}|${p.version}` ===
          `${parentGroup}|${main.name}|${main.version}` || main.name === p.artifactId
      if (same) {
        main.name = p.artifactId
        main.version = p.version
        main.props ??= p
        continue
      }
      aux.push({
        name: p.artifactId,
        version: p.version,
        type: 'java-archive',
        purl: '',
        foundBy: JAVA_CATALOGER,
        locations: [realPath],
        metadata: { virtualPath: `${virtualPath}:${p.groupId}:${p.artifactId}` },
        props: p
      })
    }
    if (main.name !== '') {
      main.dependsOn = aux.map(a => a.name)
      // Syft digests the archive that is the main package (already in memory), never pom.properties ones.
      main.digests = [{ algorithm: 'sha1', value: createHash('sha1').update(data).digest('hex') }]
      const vendor = manifest.main.get('Specification-Vendor') || manifest.main.get('Implementation-Vendor')
      if (vendor) main.vendor = vendor
      mainOut = finalize(main)
      packages.push(mainOut)
    }
    packages.push(...aux.map(finalize))
  }
  if (depth >= MAX_DEPTH) return packages
  for (const nested of entries.filter(e => ARCHIVE.test(e.name)).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const bytes = read(nested, NESTED_CAP)
    if (!bytes) continue
    const inner = parseArchive(bytes, realPath, `${virtualPath}:${nested.name}`, depth + 1, ctx, budget)
    // Syft relates a nested archive's package to the archive that holds it.
    if (mainOut && inner[0]) mainOut.dependsOn!.push(inner[0].name)
    packages.push(...inner)
  }
  return packages
}

function cleanGroup(g: string): string {
  return g.split(';')[0]!.split('#')[0]!.trim()
}

export const javaArchiveCataloger: Cataloger = {
  name: JAVA_CATALOGER,
  wants: (f: FileCandidate) => ARCHIVE.test(f.path) && f.size <= ARCHIVE_CAP,
  parse(file: CatalogedFile, ctx: CatalogContext): Package[] {
    // Java purls do not depend on the distro: reading ctx.distro (even by spreading ctx) would make the
    // reader keep every archive for a second parse.
    return parseArchive(
      file.data,
      file.path,
      file.path,
      0,
      { warn: m => ctx.warn(`${m} (layer ${file.layer.diffId})`) },
      { left: EXPANSION_BUDGET, warned: false }
    )
  }
}

// Go modules compiled into executables, with the main module version derived as Syft derives it.
import { errorText } from '../../errors/index.js'
import { formatPurl } from '../purl.js'
import { parseModinfo, readGoBuildInfoRaw, type GoBuildInfo, type GoModule } from './go-buildinfo.js'
import type { CatalogContext, CatalogedFile, Cataloger, FileCandidate, Package } from './types.js'
import { bytesOf } from './file-bytes.js'

export const GO_CATALOGER = 'go-module-binary-cataloger'
const DEVEL = '(devel)'
/** Larger executables are rare and would dominate the reader's buffering. */
const BINARY_CAP = 512 * 1024 * 1024

export function isExecutableCandidate(file: FileCandidate, cap = BINARY_CAP): boolean {
  return (file.mode & 0o111) !== 0 && file.size >= 64 && file.size <= cap
}

export function golangPurl(modulePath: string, version: string): string {
  const slash = modulePath.lastIndexOf('/')
  const split = slash > 0 && slash < modulePath.length - 1
  return formatPurl({
    type: 'golang',
    namespace: split ? modulePath.slice(0, slash) : '',
    name: split ? modulePath.slice(slash + 1) : modulePath,
    version
  })
}

const BUILD_FLAG_PATTERNS = [
  String.raw`\.[a-zA-Z0-9]*([rR]elease)?([gG]it)?([bB]uild)?[vV]er(sion)?=(\S+/)*(?<version>v?\d+.\d+.\d+[-\w]*)`,
  String.raw`\.[a-zA-Z0-9]*([tT]ag)=(\S+/)*(?<version>v?\d+.\d+.\d+[-\w]*)`
]

/** `-X main.version=1.2.3` or `-X <main module>/….version=…` → "v1.2.3" (Syft's from-ld-flags). */
export function versionFromLdflags(ldflags: string, mainModule: string): string | undefined {
  if (!ldflags) return undefined
  for (const pattern of BUILD_FLAG_PATTERNS) {
    const re = new RegExp(`(main|${mainModule.replace(/\//g, '\\/')}\\/[^\\s]*)${pattern}`, 'm')
    let m: RegExpExecArray | null
    try {
      m = re.exec(ldflags)
    } catch {
      return undefined // a module path that is not a valid pattern (Syft does not escape it either)
    }
    const v = m?.groups?.['version']
    if (v) return v.startsWith('v') ? v : `v${v}`
  }
  return undefined
}

/** module.PseudoVersion("", "", vcs.time, vcs.revision[:12]): v0.0.0-yyyymmddhhmmss-rev. */
export function pseudoVersion(revision: string, time: string): string {
  const t = new Date(time)
  const stamp = Number.isNaN(t.getTime())
    ? '00010101000000'
    : t.toISOString().replace(/[-:T]/g, '').slice(0, 14)
  return `v0.0.0-${stamp}-${revision.slice(0, 12)}`
}

function mainVersion(info: GoBuildInfo, main: GoModule): string {
  if (main.version !== DEVEL) return main.version
  const settings = new Map(info.settings)
  const fromFlags = versionFromLdflags(settings.get('-ldflags') ?? '', main.path)
  if (fromFlags) return fromFlags
  const rev = settings.get('vcs.revision')
  const time = settings.get('vcs.time')
  if (rev !== undefined && time !== undefined) return pseudoVersion(rev, time)
  return ''
}

function modulePackage(
  mod: GoModule,
  version: string | undefined,
  file: CatalogedFile,
  meta: Record<string, string>
): Package {
  let name = mod.path
  let v = version ?? mod.version
  if (mod.replace) {
    // A replacement by a local directory keeps the original path; either way the replacement's version counts.
    if (!mod.replace.path.startsWith('.') && !mod.replace.path.startsWith('/')) name = mod.replace.path
    v = mod.replace.version
  }
  if (v === DEVEL) v = ''
  const pkg: Package = {
    name,
    version: v,
    type: 'go-module',
    purl: golangPurl(name, v),
    foundBy: GO_CATALOGER,
    locations: [file.path],
    metadata: { ...meta }
  }
  // go.sum's "h1:<base64>" is a SHA-256 (over the module's file hashes); Syft writes it as the package checksum.
  const sum = (mod.replace ?? mod).sum
  const h1 = sum?.startsWith('h1:') ? Buffer.from(sum.slice(3), 'base64') : undefined
  if (h1?.length === 32) pkg.digests = [{ algorithm: 'sha256', value: h1.toString('hex') }]
  return pkg
}

export function goPackages(info: GoBuildInfo, file: CatalogedFile): Package[] {
  const deps = [...info.deps]
  let main = info.main
  if ((!main && info.path) || main?.path === 'command-line-arguments') {
    // Built from files rather than a module: the single (devel) dependency, if any, is the main module.
    const devel = deps.filter(d => d.version === DEVEL)
    if (devel.length === 1) {
      main = devel[0]
      deps.splice(deps.indexOf(devel[0]!), 1)
    } else main = { path: info.path, version: DEVEL }
  }
  const settings = new Map(info.settings)
  const meta = {
    goVersion: info.goVersion.split(' ')[0]!,
    arch: settings.get('GOARCH') ?? '',
    mainModule: main?.path ?? ''
  }
  const packages: Package[] = []
  let mainPkg: Package | undefined
  if (main && main.path !== '') {
    mainPkg = modulePackage(main, mainVersion(info, main), file, meta)
    // Syft ≥ 1.5x names an underivable main module version "UNKNOWN" (the purl keeps no version).
    if (mainPkg.version === '') mainPkg.version = 'UNKNOWN'
    packages.push(mainPkg)
  }
  for (const dep of deps) {
    if (main && dep.path === main.path && dep.version === main.version && dep.sum === main.sum) continue
    const p = modulePackage(dep, undefined, file, meta)
    if (p.name !== '') packages.push(p)
  }
  // Syft relates every dependency to the main module ("dependency-of").
  if (mainPkg) mainPkg.dependsOn = packages.filter(p => p !== mainPkg).map(p => p.name)
  const stdlibVersion = meta.goVersion
  // Syft derives stdlib from the module packages found; a binary without modules yields nothing.
  if (packages.length > 0 && /^go\d/.test(stdlibVersion)) {
    packages.push({
      name: 'stdlib',
      version: stdlibVersion,
      type: 'go-module',
      purl: formatPurl({ type: 'golang', name: 'stdlib', version: stdlibVersion.replace(/^go/, '') }),
      foundBy: GO_CATALOGER,
      locations: [file.path],
      licenses: ['BSD-3-Clause'],
      cpes: [stdlibCpe(stdlibVersion)],
      metadata: { ...meta }
    })
    if (mainPkg) mainPkg.dependsOn!.push('stdlib')
  }
  return packages
}

/** cpe:2.3:a:golang:go:<1.22.1>:-:… or with the rc/beta candidate as the update field. */
function stdlibCpe(goVersion: string): string {
  const v = goVersion.replace(/^go/, '').split('+')[0]!
  const m = /^(\d+\.\d+(?:\.\d+)?)(rc\d+|beta\d+|alpha\d+)?/.exec(v)
  return `cpe:2.3:a:golang:go:${m?.[1] ?? v}:${m?.[2] ?? '-'}:*:*:*:*:*:*`
}

export const goBinaryCataloger: Cataloger = {
  name: GO_CATALOGER,
  wants: file => isExecutableCandidate(file),
  parse(file: CatalogedFile, ctx: CatalogContext): Package[] {
    let raw: ReturnType<typeof readGoBuildInfoRaw>
    try {
      raw = readGoBuildInfoRaw(bytesOf(file))
    } catch (cause) {
      ctx.warn(`${file.path} (layer ${file.layer.diffId}): unreadable Go build info (${errorText(cause)})`)
      return []
    }
    if (!raw) return []
    if (raw.modinfo === '') {
      ctx.warn(
        `${file.path} (layer ${file.layer.diffId}): Go ${raw.goVersion} binary without module information`
      )
    }
    return goPackages(parseModinfo(raw.goVersion, raw.modinfo), file)
  }
}

// The cross-file half of the CPAN cataloger: packlist versions (perllocal.pod, else the main module's
// $VERSION), MYMETA.json licenses and prerequisites, and one package per installed distribution.
import { formatPurl } from '../purl.js'
import type { CatalogContext, CatalogedFile, Package } from './types.js'

interface PerllocalEntry {
  module: string
  installedInto: string
  version: string
}

/** perllocal.pod stanzas, in file order: `C<Module> L<Name|Name>`, `C<installed into: DIR>`, `C<VERSION: V>`. */
export function parsePerllocal(text: string): PerllocalEntry[] {
  const entries: PerllocalEntry[] = []
  for (const line of text.split('\n')) {
    const module = /C<Module>\s+L<([^|>]+)/.exec(line)
    if (module) {
      entries.push({ module: module[1]!.trim(), installedInto: '', version: '' })
      continue
    }
    const current = entries.at(-1)
    if (!current) continue
    const into = /C<installed into:\s*([^>]*)>/.exec(line)
    if (into) current.installedInto = into[1]!.trim()
    const version = /C<VERSION:\s*([^>]*)>/.exec(line)
    if (version) current.version = version[1]!.trim()
  }
  return entries
}

const VERSION_LINE =
  /^[ \t]*(?:our[ \t]+|my[ \t]+)?\$(?:[A-Za-z_][A-Za-z0-9_]*::)*VERSION[ \t]*=[ \t]*(?:qv\()?['"]?(v?[0-9][0-9._]*)/
const PACKAGE_VERSION_LINE = /^[ \t]*package[ \t]+[A-Za-z_][A-Za-z0-9_:]*[ \t]+(v?[0-9][0-9._]*)[ \t]*[;{]/

/** The first literal `$VERSION = '…'` (or `package Name v1.2.3;`) of a module; computed versions give "". */
export function versionFromModule(text: string): string {
  for (const line of text.split('\n')) {
    const m = VERSION_LINE.exec(line) ?? PACKAGE_VERSION_LINE.exec(line)
    if (m) return m[1]!.replace(/\.+$/, '')
  }
  return ''
}

/** Shallowest packlist entry ending in the main module's file (libwww-perl lists Bundle/LWP.pm before LWP.pm). */
function mainModuleFile(dist: string, files: string[]): string {
  const suffix = '/' + dist.replaceAll('-', '/') + '.pm'
  let best = ''
  for (const f of files) {
    if (!f.endsWith(suffix)) continue
    if (best === '' || f.split('/').length < best.split('/').length) best = f
  }
  return best
}

const isPrimary = (path: string): boolean => path.endsWith('/install.json') || path.endsWith('/.packlist')

/** Primary evidence first, then supporting evidence, each by path (Syft's location order). */
function sortLocations(p: Package): void {
  p.locations = [...new Set(p.locations)].sort((a, b) =>
    isPrimary(a) === isPrimary(b) ? (a < b ? -1 : a > b ? 1 : 0) : isPrimary(a) ? -1 : 1
  )
}

const asList = (v: unknown): string[] =>
  typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []

function applyMyMeta(p: Package, file: CatalogedFile, ctx: CatalogContext): void {
  let meta: Record<string, unknown>
  try {
    meta = JSON.parse(file.data.toString('utf8')) as Record<string, unknown>
  } catch {
    ctx.warn(`${file.path}: MYMETA.json is not JSON`)
    return
  }
  const spdx = meta['x_spdx_expression']
  const licenses = typeof spdx === 'string' && spdx !== '' ? [spdx] : asList(meta['license'])
  if (licenses.length > 0) p.licenses = licenses
  // Runtime and build prerequisites (develop and test ones describe authoring, not the installed copy).
  const requires = new Set<string>()
  const prereqs = (meta['prereqs'] ?? {}) as Record<string, Record<string, Record<string, unknown>>>
  for (const phase of ['runtime', 'build'])
    for (const m of Object.keys(prereqs[phase]?.['requires'] ?? {})) requires.add(m)
  for (const flat of ['requires', 'build_requires'])
    for (const m of Object.keys((meta[flat] ?? {}) as Record<string, unknown>)) requires.add(m)
  if (requires.size > 0) p.dependsOn = [...requires].sort()
  p.locations.push(file.path)
}

function resolvePacklistVersion(
  p: Package,
  pods: Array<[string, PerllocalEntry[]]>,
  modules: Map<string, CatalogedFile>
): void {
  const packlist = p.locations[0]!
  let best = -1
  let version = ''
  let evidence = ''
  // The stanza for this packlist: same module, its libdir a prefix of the packlist (longest wins), last one wins.
  for (const [path, entries] of pods) {
    for (const e of entries) {
      if (e.version === '' || e.module.replaceAll('::', '-') !== p.name) continue
      const libdir = e.installedInto.replace(/\/$/, '')
      if (libdir === '' || !packlist.startsWith('/' + libdir.replace(/^\/+/, '') + '/')) continue
      if (libdir.length >= best) [best, version, evidence] = [libdir.length, e.version, path]
    }
  }
  if (version === '') {
    const main = modules.get(
      mainModuleFile(
        p.name,
        (p.files ?? []).map(f => f.path)
      )
    )
    if (!main) return
    version = versionFromModule(main.data.toString('utf8'))
    evidence = main.path
  }
  p.version = version || 'UNKNOWN'
  p.purl = formatPurl({ type: 'cpan', name: p.name, version })
  p.locations.push(evidence)
}

export function enrichCpan(packages: Package[], files: CatalogedFile[], ctx: CatalogContext): void {
  const byPath = new Map(files.map(f => [f.path, f]))
  const pods: Array<[string, PerllocalEntry[]]> = files
    .filter(f => f.path.endsWith('/perllocal.pod'))
    .map(f => [f.path, parsePerllocal(f.data.toString('utf8'))])
  for (const p of packages) {
    if (p.metadata?.['mainModule'] === undefined) {
      const mymeta = byPath.get(p.locations[0]!.replace(/install\.json$/, 'MYMETA.json'))
      if (mymeta) applyMyMeta(p, mymeta, ctx)
    } else if (p.version === 'UNKNOWN') {
      resolvePacklistVersion(p, pods, byPath)
    }
  }
  const merged = mergeDistributions(packages)
  for (const p of merged) sortLocations(p)
  packages.splice(0, packages.length, ...merged)
}

/**
 * One package per installed distribution and tree: a packlist folds into the install.json package of its tree
 * with the same name and version, or whose `provides` lists the packlist's module (libwww-perl's auto/LWP),
 * when the packlist's version agrees or is unknown.
 */
function mergeDistributions(packages: Package[]): Package[] {
  const fromRecord = (p: Package): boolean => p.metadata?.['mainModule'] === undefined
  const ordered = [...packages.filter(fromRecord), ...packages.filter(p => !fromRecord(p))]
  const merged: Package[] = []
  const byKey = new Map<string, Package>()
  const byModule = new Map<string, Package>()
  for (const p of ordered) {
    const tree = p.metadata?.['tree'] ?? ''
    const key = `${tree}|${p.name}@${p.version}`
    const module = p.metadata?.['mainModule']
    const target = byKey.get(key) ?? (module !== undefined ? byModule.get(`${tree}|${module}`) : undefined)
    if (target && (byKey.get(key) === target || p.version === 'UNKNOWN' || p.version === target.version)) {
      target.locations.push(...p.locations)
      if (p.files?.length) target.files = [...(target.files ?? []), ...p.files]
      if (p.licenses && !target.licenses) target.licenses = p.licenses
      continue
    }
    byKey.set(key, p)
    for (const m of p.provides ?? []) if (!byModule.has(`${tree}|${m}`)) byModule.set(`${tree}|${m}`, p)
    merged.push(p)
  }
  return merged
}

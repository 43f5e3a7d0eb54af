// .NET applications: the NuGet packages an `<app>.deps.json` says were resolved into the build, kept as Syft's
// dotnet-deps-binary-cataloger keeps them (packages that ship assemblies, or depend on ones that do).
import { formatPurl } from '../purl.js'
import type { CatalogContext, CatalogedFile, Cataloger, FileCandidate, Package } from './types.js'

export const DOTNET_CATALOGER = 'dotnet-deps-binary-cataloger'
const CAP = 32 * 1024 * 1024

/** Assembly mergers: an app built with one claims no DLLs for what it merged, so claims are not required. */
const BUNDLERS = new Set([
  'ILRepack.Lib.MSBuild.Task',
  'ILRepack.Lib',
  'ILRepack.Lib.MSBuild',
  'ILRepack.Lib.NET',
  'ILRepack.NETStandard',
  'ILRepack.FullAuto',
  'ILMerge',
  'JetBrains.Build.ILRepack',
  'PostSharp.Community.Packer',
  'Brokenevent.ILStrip',
  'Brokenevent.ILStrip.CLI',
  'Costura.Fody',
  'Fody'
])

interface Library {
  type?: unknown
  path?: unknown
  sha512?: unknown
}

interface Entry {
  /** "Name/Version" keys of what this library depends on. */
  deps: Set<string>
  /** runtime, resources, compile or native assets listed in any target. */
  claimsFiles: boolean
  library: Library | undefined
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === 'object' && !Array.isArray(v)
const nonEmpty = (v: unknown): boolean => isObject(v) && Object.keys(v).length > 0

function splitNameVersion(key: string): [string, string] {
  const [name = '', version = ''] = key.split('/')
  return [name, version]
}

/** Every library across all targets, with its dependencies and whether it brings any asset. */
function entriesOf(doc: Record<string, unknown>): Map<string, Entry> {
  const libraries = isObject(doc['libraries']) ? doc['libraries'] : {}
  const entries = new Map<string, Entry>()
  for (const target of Object.values(isObject(doc['targets']) ? doc['targets'] : {})) {
    if (!isObject(target)) continue
    for (const [key, lib] of Object.entries(target)) {
      if (!isObject(lib)) continue
      const entry = entries.get(key) ?? {
        deps: new Set<string>(),
        claimsFiles: false,
        library: isObject(libraries[key]) ? (libraries[key] as Library) : undefined
      }
      if (isObject(lib['dependencies']))
        for (const [n, v] of Object.entries(lib['dependencies'])) entry.deps.add(`${n}/${String(v)}`)
      if (['runtime', 'resources', 'compile', 'native'].some(k => nonEmpty(lib[k]))) entry.claimsFiles = true
      entries.set(key, entry)
    }
  }
  return entries
}

/** Whether anything reachable through dependencies (not the library itself) brings assets. */
function childClaims(entries: Map<string, Entry>, key: string): boolean {
  const seen = new Set<string>()
  const stack = [...(entries.get(key)?.deps ?? [])]
  while (stack.length > 0) {
    const next = stack.pop()!
    if (seen.has(next)) continue
    seen.add(next)
    const e = entries.get(next)
    if (!e) continue
    if (e.claimsFiles) return true
    stack.push(...e.deps)
  }
  return false
}

/** `MyApp.deps.json` describes the project MyApp: that project library is the application itself. */
function rootName(path: string): string {
  return /([^\\/]+)\.deps\.json$/.exec(path)?.[1] ?? ''
}

export function dotnetPackages(doc: Record<string, unknown>, path: string): Package[] {
  const entries = entriesOf(doc)
  const bundled = [...entries.keys()].some(k => BUNDLERS.has(splitNameVersion(k)[0]))
  const root = [...entries].find(
    ([key, e]) => e.library?.type === 'project' && splitNameVersion(key)[0] === rootName(path)
  )?.[0]
  const kept = new Set<string>()
  for (const [key, e] of entries) {
    if (key === root) {
      kept.add(key)
      continue
    }
    const lib = e.library
    // Reference assemblies without a package behind them, and other projects of the solution, are not packages.
    if (lib?.type === 'referenceassembly' && !lib.sha512 && !lib.path) continue
    if (lib?.type === 'project') continue
    if (!e.claimsFiles && !childClaims(entries, key) && !bundled) continue
    kept.add(key)
  }
  // A dependency that was left out is looked through to the nearest kept ones.
  const nearestKept = (key: string, seen: Set<string>): string[] => {
    if (seen.has(key)) return []
    seen.add(key)
    if (kept.has(key)) return [key]
    return [...(entries.get(key)?.deps ?? [])].flatMap(d => nearestKept(d, seen))
  }
  const packages: Package[] = []
  const order = [...kept].filter(k => k !== root).sort()
  for (const key of root ? [root, ...order] : order) {
    const [name, version] = splitNameVersion(key)
    const dependsOn = [...entries.get(key)!.deps]
      .filter(d => entries.has(d))
      .flatMap(d => nearestKept(d, new Set()))
      .map(d => splitNameVersion(d)[0])
    packages.push({
      name,
      version: version || 'UNKNOWN',
      type: 'dotnet',
      purl: formatPurl({ type: 'nuget', name, version }),
      foundBy: DOTNET_CATALOGER,
      locations: [path],
      ...(dependsOn.length > 0 ? { dependsOn: [...new Set(dependsOn)] } : {})
    })
  }
  return packages
}

export const dotnetDepsCataloger: Cataloger = {
  name: DOTNET_CATALOGER,
  wants: (file: FileCandidate) => file.size <= CAP && file.path.endsWith('.deps.json'),
  parse(file: CatalogedFile, ctx: CatalogContext): Package[] {
    let doc: unknown
    try {
      doc = JSON.parse(file.data.toString('utf8'))
    } catch {
      doc = undefined
    }
    if (!isObject(doc)) {
      ctx.warn(`${file.path} (layer ${file.layer.diffId}): not a .NET deps.json`)
      return []
    }
    return dotnetPackages(doc, file.path)
  }
}

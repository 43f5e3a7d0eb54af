// .NET applications: the NuGet packages an `<app>.deps.json` says were resolved into the build, kept as Syft's
// dotnet-deps-binary-cataloger keeps them (packages that ship assemblies, or depend on ones that do).
import { formatPurl } from '../purl.js'
import { assemblyPackage, runtimeVersionOf } from './dotnet-pe.js'
import { PE_CAP, PE_NAME } from './pe.js'
import { readPe } from './pe-reader.js'
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
  /** Where those assets sit relative to the deps.json (`lib/net6.0/` prefixes dropped, native paths as listed). */
  assets: Set<string>
  library: Library | undefined
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === 'object' && !Array.isArray(v)
const nonEmpty = (v: unknown): boolean => isObject(v) && Object.keys(v).length > 0

/** `runtimes/linux-x64/lib/net6.0/Foo.dll` and `lib/net6.0/Foo.dll` are deployed as `Foo.dll`. */
function trimLibPrefix(asset: string): string {
  return /^(?:runtimes\/[^/]+\/)?lib\/net[^/]+\/(.+)/.exec(asset)?.[1] ?? asset
}

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
        assets: new Set<string>(),
        library: isObject(libraries[key]) ? (libraries[key] as Library) : undefined
      }
      if (isObject(lib['dependencies']))
        for (const [n, v] of Object.entries(lib['dependencies'])) entry.deps.add(`${n}/${String(v)}`)
      if (['runtime', 'resources', 'compile', 'native'].some(k => nonEmpty(lib[k]))) entry.claimsFiles = true
      for (const kind of ['runtime', 'resources', 'compile', 'native']) {
        const listed = lib[kind]
        if (!isObject(listed)) continue
        for (const asset of Object.keys(listed))
          entry.assets.add(kind === 'native' ? asset : trimLibPrefix(asset))
      }
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
  const appDir = path.slice(0, path.lastIndexOf('/'))
  const packages: Package[] = []
  const order = [...kept].filter(k => k !== root).sort()
  for (const key of root ? [root, ...order] : order) {
    const [name, version] = splitNameVersion(key)
    const assets = [...entries.get(key)!.assets].map(a => ({ path: `${appDir}/${a}` }))
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
      ...(assets.length > 0 ? { files: assets } : {}),
      ...(dependsOn.length > 0 ? { dependsOn: [...new Set(dependsOn)] } : {})
    })
  }
  return packages
}

const isDepsJson = (path: string): boolean => path.endsWith('.deps.json')

export const dotnetDepsCataloger: Cataloger = {
  name: DOTNET_CATALOGER,
  wants: (file: FileCandidate) =>
    isDepsJson(file.path)
      ? file.size <= CAP
      : PE_NAME.test(file.path) && file.size >= 64 && file.size <= PE_CAP,
  parse(file: CatalogedFile, ctx: CatalogContext): Package[] {
    if (!isDepsJson(file.path)) {
      // Only .NET assemblies are ours (the pe-binary cataloger reports the rest); unreadable PE files are its to report.
      const pe = readPe(file.data)
      return typeof pe !== 'string' && pe.clr
        ? [assemblyPackage(pe.versionResources, file.path, DOTNET_CATALOGER)]
        : []
    }
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
  },
  // Needs no files: it relates the assemblies to the deps.json packages already found.
  keepForEnrich: () => false,
  enrich: pairAssemblies
}

/**
 * An assembly a deps.json (in its directory or above) lists as an asset belongs to that deps.json's package, not
 * to a package of its own; shared-framework DLLs make one Microsoft.NETCore.App per version unless a deps.json
 * already names that runtime.
 */
export function pairAssemblies(packages: Package[]): void {
  const owners = new Map<string, Package[]>()
  for (const p of packages)
    if (isDepsJson(p.locations[0]!))
      for (const f of p.files ?? []) owners.set(f.path, [...(owners.get(f.path) ?? []), p])
  const runtimesNamed = new Set(
    packages
      .filter(p => isDepsJson(p.locations[0]!) && /^(runtimepack\.)?microsoft\.netcore\.app/i.test(p.name))
      .map(p => p.version)
  )
  const runtimes = new Map<string, Package>()
  const kept: Package[] = []
  for (const p of packages) {
    const path = p.locations[0]!
    if (isDepsJson(path)) {
      kept.push(p)
      continue
    }
    const claimedBy = owners.get(path)
    if (claimedBy) {
      for (const owner of claimedBy) if (!owner.locations.includes(path)) owner.locations.push(path)
      continue
    }
    const runtime = runtimeVersionOf(path)
    if (runtime === undefined) kept.push(p)
    else if (!runtimesNamed.has(runtime)) {
      const prior = runtimes.get(runtime)
      if (prior) prior.locations.push(path)
      else {
        runtimes.set(runtime, p)
        kept.push(p)
      }
    }
  }
  for (const p of runtimes.values()) p.locations.sort()
  packages.splice(0, packages.length, ...kept)
}

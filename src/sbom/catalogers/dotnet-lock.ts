// NuGet lock files (packages.lock.json, written by `dotnet restore` with RestorePackagesWithLockFile): one
// section per target framework (and per runtime, "net8.0/linux-x64"), each package with its resolved version.
// Syft tags this cataloger for images too, so a source tree copied into an image is read.
import { formatPurl } from '../purl.js'
import type { CatalogContext, CatalogedFile, Cataloger, FileCandidate, Package } from './types.js'

export const DOTNET_LOCK_CATALOGER = 'dotnet-packages-lock-cataloger'
const CAP = 16 * 1024 * 1024
/** A package listed under several frameworks keeps its most direct kind. */
const PRECEDENCE = ['Project', 'Direct', 'CentralTransitive', 'Transitive']

interface LockDep {
  type?: string
  resolved?: string
  contentHash?: string
  dependencies?: Record<string, string>
}

interface Entry {
  name: string
  dep: LockDep
  /** NuGet IDs are case-insensitive: two spellings at one version are one package. */
  key: string
}

const rank = (type: string): number => {
  const i = PRECEDENCE.indexOf(type)
  return i >= 0 ? i : PRECEDENCE.length
}
const moreDirect = (a: string, b: string): boolean => (rank(a) !== rank(b) ? rank(a) < rank(b) : a < b)
const byteOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
/** What dependsOn and provides carry, so an edge reaches the version its own framework resolved. */
const ref = (key: string): string => `nuget-lock:${key}`

function entriesOf(section: Record<string, LockDep>): Entry[] {
  return Object.keys(section)
    .sort(byteOrder)
    .map(name => {
      const dep = section[name] ?? {}
      return { name, dep, key: `${name.toLowerCase()}/${dep.resolved ?? ''}` }
    })
}

export function parsePackagesLock(text: string, path: string): Package[] {
  const doc = JSON.parse(text) as { dependencies?: Record<string, Record<string, LockDep>> }
  if (typeof doc !== 'object' || doc === null) throw new Error('not a JSON object')
  const sections = doc.dependencies ?? {}
  const frameworks = Object.keys(sections)
    .sort(byteOrder)
    .map(name => {
      const entries = entriesOf(sections[name] ?? {})
      return { name, entries, byName: new Map(entries.map(e => [e.name.toLowerCase(), e])) }
    })
  const merged = new Map<string, Entry>()
  for (const f of frameworks)
    for (const e of f.entries) {
      const prior = merged.get(e.key)
      if (!prior || moreDirect(e.dep.type ?? '', prior.dep.type ?? '')) merged.set(e.key, e)
    }
  const packages = new Map<string, Package>()
  for (const [key, e] of merged) {
    const version = e.dep.resolved ?? ''
    packages.set(key, {
      name: e.name,
      // A project reference resolves to no version: Syft reports UNKNOWN, and a purl without one.
      version: version || 'UNKNOWN',
      type: 'dotnet',
      purl: formatPurl({ type: 'nuget', name: e.name, version }),
      foundBy: DOTNET_LOCK_CATALOGER,
      locations: [path],
      provides: [ref(key)],
      metadata: {
        lockType: e.dep.type ?? '',
        ...(e.dep.contentHash ? { contentHash: e.dep.contentHash } : {})
      }
    })
  }
  const byFramework = new Map(frameworks.map(f => [f.name, f]))
  for (const f of frameworks) {
    // A runtime section ("net8.0/linux-x64") may name packages only its framework's section lists.
    const baseName = f.name.split('/')[0]!
    const base = baseName !== f.name ? byFramework.get(baseName) : undefined
    for (const e of f.entries) {
      const parent = packages.get(e.key)!
      for (const child of Object.keys(e.dep.dependencies ?? {}).sort(byteOrder)) {
        const target = f.byName.get(child.toLowerCase()) ?? base?.byName.get(child.toLowerCase())
        if (!target || target.key === e.key) continue
        const deps = (parent.dependsOn ??= [])
        if (!deps.includes(ref(target.key))) deps.push(ref(target.key))
      }
    }
  }
  return [...packages.values()]
}

export const dotnetPackagesLockCataloger: Cataloger = {
  name: DOTNET_LOCK_CATALOGER,
  wants: (file: FileCandidate) => file.size <= CAP && file.path.endsWith('/packages.lock.json'),
  parse(file: CatalogedFile, ctx: CatalogContext): Package[] {
    try {
      return parsePackagesLock(file.data.toString('utf8'), file.path)
    } catch (err) {
      ctx.warn(`not a NuGet lock file: ${(err as Error).message}`)
      return []
    }
  }
}

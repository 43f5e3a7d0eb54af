// Nix: packages are store paths. Nix's own database (/nix/var/nix/db/db.sqlite: ValidPaths, Refs,
// DerivationOutputs) is the better source and wins when it lists anything; otherwise the store's top-level
// entries (directories mostly, offered by path) are read by name, related through the .drv files beside them.
import { formatPurl } from '../purl.js'
import { parseDerivation, type Derivation } from './nix-derivation.js'
import { isStoreEntry, parseStorePath, type StorePath } from './nix-store-path.js'
import { withSqlite } from './sqlite.js'
import type { CatalogContext, CatalogedFile, Cataloger, EntryKind, FileCandidate, Package } from './types.js'

export const NIX_CATALOGER = 'nix-cataloger'
const DB_SUFFIX = '/nix/var/nix/db/db.sqlite'
const SCHEMA_SUFFIX = '/nix/var/nix/db/schema'
/** The only database schema Syft reads; a database declaring another one is skipped. */
const SCHEMA = 10
const DRV_CAP = 4 * 1024 * 1024
const SCHEMA_CAP = 4096

function nixPurl(sp: Pick<StorePath, 'name' | 'version' | 'output'>, hash: string, drvPath: string): string {
  return formatPurl({
    type: 'nix',
    name: sp.name,
    version: sp.version,
    qualifiers: { output: sp.output, outputhash: hash, drvpath: drvPath.slice(drvPath.lastIndexOf('/') + 1) }
  })
}

function storePackage(sp: StorePath, source: 'store' | 'db', location: string, drvPath = ''): Package {
  return {
    name: sp.name,
    version: sp.version,
    type: 'nix',
    purl: nixPurl(sp, sp.hash, drvPath),
    foundBy: NIX_CATALOGER,
    locations: source === 'db' ? [location, sp.path] : [sp.path],
    // Store paths identify packages exactly (names repeat across outputs): dependencies go by path.
    provides: [sp.path],
    metadata: { source, storePath: sp.path, outputHash: sp.hash, ...(sp.output ? { output: sp.output } : {}) }
  }
}

interface DbRow {
  id: number
  path: string | null
  hash: string | null
  deriver: string | null
}

/** Every valid path with a name and version, its output from DerivationOutputs, its references as dependsOn. */
function readDatabase(file: CatalogedFile): Package[] {
  return withSqlite(file.data, db => {
    const rows = db.prepare('SELECT id, path, hash, deriver FROM ValidPaths').all() as unknown as DbRow[]
    const outputs = new Map<string, string>()
    for (const o of db.prepare('SELECT id, path FROM DerivationOutputs').all() as Array<{
      id: string
      path: string
    }>)
      outputs.set(o.path, o.id)
    const pathById = new Map<number, string>()
    for (const r of rows) if (r.path !== null) pathById.set(r.id, r.path)
    const refs = new Map<number, string[]>()
    for (const r of db.prepare('SELECT referrer, reference FROM Refs').all() as Array<{
      referrer: number
      reference: number
    }>) {
      const target = pathById.get(r.reference)
      if (r.referrer === r.reference || target === undefined || !pathById.has(r.referrer)) continue
      const list = refs.get(r.referrer) ?? []
      if (!list.includes(target)) list.push(target)
      refs.set(r.referrer, list)
    }
    const packages: Package[] = []
    for (const r of rows) {
      if (r.path === null) continue
      const parsed = parseStorePath(r.path)
      if (!parsed) continue
      // The database's hash and output are the truth; the name only gives name and version.
      const sp = { ...parsed, path: r.path, hash: r.hash ?? '', output: outputs.get(r.path) ?? parsed.output }
      const pkg = storePackage(sp, 'db', file.path, r.deriver ?? '')
      if (r.deriver) pkg.metadata!['deriver'] = r.deriver
      const deps = refs.get(r.id)
      if (deps) pkg.dependsOn = deps
      packages.push(pkg)
    }
    return packages
  })
}

/** Store paths a store package was built from: the named outputs of its input derivations and its sources. */
function storeInputs(drv: Derivation, drvs: Map<string, Derivation>): string[] {
  const deps: string[] = []
  for (const [drvPath, names] of drv.inputDrvs) {
    const input = drvs.get(drvPath)
    for (const n of names) {
      const out = input?.outputs.get(n)
      if (out) deps.push(out)
    }
  }
  return [...deps, ...drv.inputSrcs.filter(s => s !== '')]
}

function finishStore(packages: Package[], drvs: Map<string, Derivation>): Package[] {
  const drvByOutput = new Map<string, string>()
  for (const [drvPath, drv] of drvs)
    for (const out of drv.outputs.values()) if (out !== '') drvByOutput.set(out, drvPath)
  for (const p of packages) {
    const storePath = p.metadata!['storePath']!
    const drvPath = drvByOutput.get(storePath)
    if (!drvPath) continue
    p.purl = nixPurl(
      { name: p.name, version: p.version, output: p.metadata!['output'] ?? '' },
      p.metadata!['outputHash']!,
      drvPath
    )
    p.locations.push(drvPath)
    p.metadata!['derivation'] = drvPath
    const deps = storeInputs(drvs.get(drvPath)!, drvs)
    if (deps.length > 0) p.dependsOn = deps
  }
  return packages
}

export const nixCataloger: Cataloger = {
  name: NIX_CATALOGER,
  wants: (file: FileCandidate) =>
    file.path.endsWith(DB_SUFFIX) ||
    (file.path.endsWith(SCHEMA_SUFFIX) && file.size <= SCHEMA_CAP) ||
    (file.path.endsWith('.drv') && file.size <= DRV_CAP && isStoreEntry(file.path)),
  wantsEntry: (path: string, _kind: EntryKind) => isStoreEntry(path) && !path.endsWith('.drv'),
  parse(file: CatalogedFile, _ctx: CatalogContext): Package[] {
    if (file.pathOnly) {
      const sp = parseStorePath(file.path)
      return sp && sp.name !== '' && sp.version !== '' ? [storePackage(sp, 'store', sp.path)] : []
    }
    // Derivations and the schema file only inform enrich().
    if (!file.path.endsWith(DB_SUFFIX)) return []
    return readDatabase(file)
  },
  keepForEnrich: (file: FileCandidate) => !file.pathOnly && !file.path.endsWith(DB_SUFFIX),
  enrich(packages: Package[], files: CatalogedFile[], ctx: CatalogContext): Package[] {
    const drvs = new Map<string, Derivation>()
    const skippedDbs = new Set<string>()
    for (const f of files) {
      if (f.pathOnly) continue
      if (f.path.endsWith(SCHEMA_SUFFIX)) {
        const schema = Number.parseInt(f.data.toString('utf8').split('\n')[0]!.trim(), 10)
        if (Number.isInteger(schema) && schema !== SCHEMA) {
          ctx.warn(`${f.path}: Nix database schema ${schema} is not read (only ${SCHEMA})`)
          skippedDbs.add(f.path.slice(0, -'schema'.length) + 'db.sqlite')
        }
        continue
      }
      if (!f.path.endsWith('.drv')) continue
      try {
        drvs.set(f.path, parseDerivation(f.data.toString('utf8')))
      } catch (err) {
        ctx.warn(`${f.path}: ${(err as Error).message}`)
      }
    }
    const fromDb = packages.filter(p => p.metadata?.['source'] === 'db' && !skippedDbs.has(p.locations[0]!))
    if (fromDb.length > 0) {
      for (const p of fromDb) {
        const deriver = p.metadata!['deriver']
        if (deriver && drvs.has(deriver)) p.locations.push(deriver)
      }
      return fromDb
    }
    return finishStore(
      packages.filter(p => p.metadata?.['source'] === 'store'),
      drvs
    )
  }
}

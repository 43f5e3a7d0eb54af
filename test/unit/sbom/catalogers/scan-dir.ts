// Test harness: offers a fixture directory's files to catalogers the way the layer reader offers a layer's.
import { lstat, readFile, readdir } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { osReleaseCataloger } from '../../../../src/sbom/catalogers/os-release.js'
import type {
  CatalogContext,
  CatalogedFile,
  Cataloger,
  Distro,
  EntryKind,
  FileCandidate,
  Package
} from '../../../../src/sbom/catalogers/types.js'

const LAYER = { index: 0, diffId: 'sha256:fixture' }

/**
 * Every entry under root with image-absolute paths: regular files with their size and mode, directories and
 * symlinks by path only (the layer reader offers those to `wantsEntry` alone, and never follows symlinks).
 */
async function* walk(
  root: string,
  dir = root
): AsyncGenerator<{ abs: string; kind: EntryKind; candidate: FileCandidate }> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const abs = join(dir, entry.name)
    const path = '/' + relative(root, abs).split('\\').join('/')
    const s = await lstat(abs)
    const candidate = { path, size: entry.isFile() ? s.size : 0, mode: s.mode & 0o7777 }
    if (entry.isDirectory()) {
      yield { abs, kind: 'directory', candidate }
      yield* walk(root, abs)
    } else if (entry.isFile()) yield { abs, kind: 'file', candidate }
    else if (entry.isSymbolicLink()) yield { abs, kind: 'symlink', candidate }
  }
}

export interface ScanResult {
  packages: Package[]
  warnings: string[]
  distro: Distro | undefined
}

export async function scanDir(root: string, catalogers: Cataloger[]): Promise<ScanResult> {
  const wanted = new Map<Cataloger, CatalogedFile[]>(catalogers.map(c => [c, []]))
  const identity: CatalogedFile[] = []
  for await (const { abs, kind, candidate } of walk(root)) {
    for (const c of catalogers)
      if (c.wantsEntry?.(candidate.path, kind))
        wanted.get(c)!.push({ ...candidate, data: Buffer.alloc(0), layer: LAYER, pathOnly: kind })
    if (kind !== 'file') continue
    const takers = catalogers.filter(c => c.wants(candidate))
    const os = osReleaseCataloger.wants(candidate)
    if (takers.length === 0 && !os) continue
    const file: CatalogedFile = { ...candidate, data: await readFile(abs), layer: LAYER }
    if (os) identity.push(file)
    // A cataloger that reads headers only gets the prefix the layer reader would keep.
    for (const c of takers)
      wanted.get(c)!.push(c.headerBytes ? { ...file, data: file.data.subarray(0, c.headerBytes) } : file)
  }
  const warnings: string[] = []
  const distro = osReleaseCataloger.parseDistro(identity)
  const ctx: CatalogContext = { warn: m => warnings.push(m) }
  if (distro) ctx.distro = distro
  const packages: Package[] = []
  for (const [cataloger, files] of wanted) {
    const found: Package[] = []
    for (const file of files) found.push(...(await cataloger.parse(file, ctx)))
    packages.push(...(cataloger.enrich?.(found, files, ctx) ?? found))
  }
  return { packages, warnings, distro }
}

export function byName(packages: Package[], name: string): Package {
  const found = packages.filter(p => p.name === name)
  if (found.length !== 1) throw new Error(`expected exactly one package named ${name}, found ${found.length}`)
  return found[0]!
}

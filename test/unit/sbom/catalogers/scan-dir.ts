// Test harness: offers a fixture directory's files to catalogers the way the layer reader offers a layer's.
import { lstat, readFile, readdir } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { osReleaseCataloger } from '../../../../src/sbom/catalogers/os-release.js'
import type {
  CatalogContext,
  CatalogedFile,
  Cataloger,
  Distro,
  FileCandidate,
  Package
} from '../../../../src/sbom/catalogers/types.js'

const LAYER = { index: 0, diffId: 'sha256:fixture' }

/** Regular files under root with image-absolute paths; symlinks are not files (the layer reader skips them too). */
async function* walk(root: string, dir = root): AsyncGenerator<{ abs: string; candidate: FileCandidate }> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const abs = join(dir, entry.name)
    const path = '/' + relative(root, abs).split('\\').join('/')
    if (entry.isDirectory()) {
      yield* walk(root, abs)
    } else if (entry.isFile()) {
      const s = await lstat(abs)
      yield { abs, candidate: { path, size: s.size, mode: s.mode & 0o7777 } }
    }
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
  for await (const { abs, candidate } of walk(root)) {
    const takers = catalogers.filter(c => c.wants(candidate))
    const os = osReleaseCataloger.wants(candidate)
    if (takers.length === 0 && !os) continue
    const file: CatalogedFile = { ...candidate, data: await readFile(abs), layer: LAYER }
    if (os) identity.push(file)
    for (const c of takers) wanted.get(c)!.push(file)
  }
  const warnings: string[] = []
  const distro = osReleaseCataloger.parseDistro(identity)
  const ctx: CatalogContext = { warn: m => warnings.push(m) }
  if (distro) ctx.distro = distro
  const packages: Package[] = []
  for (const [cataloger, files] of wanted) {
    const found: Package[] = []
    for (const file of files) found.push(...(await cataloger.parse(file, ctx)))
    cataloger.enrich?.(found, files, ctx)
    packages.push(...found)
  }
  return { packages, warnings, distro }
}

export function byName(packages: Package[], name: string): Package {
  const found = packages.filter(p => p.name === name)
  if (found.length !== 1) throw new Error(`expected exactly one package named ${name}, found ${found.length}`)
  return found[0]!
}

// Runs catalogers over one layer's wanted files as soon as the layer is read, so buffers are freed
// early. The distro is not known yet (it comes from the merged filesystem): a cataloger that reads
// ctx.distro keeps its file for a second parse once the distro is known.
import { readFile } from 'node:fs/promises'
import type { CatalogContext, CatalogedFile, Cataloger, Package } from '../catalogers/types.js'
import { describeError } from '../errors.js'
import { releaseLayer, type LayerContents } from './read-layer.js'

/** What one wanted file of one layer contributed. */
export interface ParsedFile {
  path: string
  size: number
  mode: number
  sha256: string
  cataloger: number
  packages: Package[]
  /** Kept when the final parse needs it again (distro-dependent purls) or for enrich(). */
  retained?: CatalogedFile
  needsDistro: boolean
}

export interface ParsedLayer extends Omit<LayerContents, 'files'> {
  parsed: ParsedFile[]
  /** Files the identity reader wanted (os-release...), kept whole: they are small. */
  identityFiles: CatalogedFile[]
  /** `type\0name\0version` of every package any database of this layer listed (for crediting). */
  listed: Set<string>
}

export function packageKey(p: Package): string {
  return `${p.type}\0${p.name}\0${p.version}`
}

/** Files that enrich packages (md5sums, copyright) are small; a big one is not kept for enrich(). */
const ENRICH_CAP = 4 * 1024 * 1024

/** Large files are parsed one at a time so only one of them is in memory at once. */
let bigParse: Promise<void> = Promise.resolve()

export async function parseLayer(
  contents: LayerContents,
  catalogers: Cataloger[],
  warn: (message: string) => void
): Promise<ParsedLayer> {
  const { files, ...rest } = contents
  const result: ParsedLayer = { ...rest, parsed: [], identityFiles: [], listed: new Set() }
  try {
    for (const file of files.values()) {
      const where = `layer ${contents.layer.index} (${contents.layer.digest}) ${file.path}`
      const run = async (): Promise<void> => {
        const data = file.data ?? (await readFile(file.spillPath!))
        const cataloged: CatalogedFile = {
          path: file.path,
          size: file.size,
          mode: file.mode,
          layer: file.layer,
          data
        }
        for (const index of file.wantedBy) {
          if (index === 0) {
            result.identityFiles.push(cataloged)
            continue
          }
          const cataloger = catalogers[index - 1]!
          result.parsed.push(await parseOne(cataloger, index - 1, cataloged, file.sha256, where, warn))
        }
      }
      if (file.spillPath) {
        const turn = bigParse.then(run)
        bigParse = turn.catch(() => undefined)
        await turn
      } else await run()
      file.data = undefined
    }
  } finally {
    await releaseLayer(contents)
  }
  for (const p of result.parsed) for (const pkg of p.packages) result.listed.add(packageKey(pkg))
  return result
}

async function parseOne(
  cataloger: Cataloger,
  index: number,
  file: CatalogedFile,
  sha256: string,
  where: string,
  warn: (message: string) => void
): Promise<ParsedFile> {
  let needsDistro = false
  const warnings: string[] = []
  const ctx: CatalogContext = {
    get distro() {
      needsDistro = true
      return undefined
    },
    warn: message => warnings.push(message)
  }
  const parsed: ParsedFile = {
    path: file.path,
    size: file.size,
    mode: file.mode,
    sha256,
    cataloger: index,
    packages: [],
    needsDistro: false
  }
  try {
    parsed.packages = await cataloger.parse(file, ctx)
  } catch (err) {
    warn(`${cataloger.name}: ${where}: ${describeError(err)}`)
  }
  parsed.needsDistro = needsDistro
  // Distro-dependent files are parsed again later; their warnings would come twice.
  if (!needsDistro) for (const w of warnings) warn(`${cataloger.name}: ${where}: ${w}`)
  if (needsDistro || (parsed.packages.length === 0 && cataloger.enrich && file.size <= ENRICH_CAP)) {
    parsed.retained = file
  }
  return parsed
}

/** Second parse with the final distro, for files whose first parse asked for it. */
export async function reparse(
  cataloger: Cataloger,
  file: CatalogedFile,
  ctx: CatalogContext,
  warn: (message: string) => void
): Promise<Package[]> {
  try {
    return await cataloger.parse(file, ctx)
  } catch (err) {
    warn(
      `${cataloger.name}: layer ${file.layer.index} (${file.layer.diffId}) ${file.path}: ${describeError(err)}`
    )
    return []
  }
}

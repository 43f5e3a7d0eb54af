// Runs catalogers over each wanted file the moment the reader has it, so its buffer is freed at once.
// The distro is not known yet (it comes from the merged filesystem): a cataloger that reads ctx.distro
// keeps its file for a second parse once the distro is known.
import { errorText } from '../../errors/index.js'
import { open } from 'node:fs/promises'
import { descriptorBytes } from '../catalogers/file-bytes.js'
import type { CatalogContext, CatalogedFile, Cataloger, Package } from '../catalogers/types.js'
import type { FileConsumer, LayerContents, LayerFile } from './read-layer.js'
import { releaseBuffer } from './release-memory.js'

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

export interface ParsedLayer extends LayerContents {
  parsed: ParsedFile[]
  /** Files the identity reader wanted (os-release...), kept whole: they are small. */
  identityFiles: CatalogedFile[]
  /** `type\0name\0version` of every package any database of this layer listed (for crediting). */
  listed: Set<string>
}

export function packageKey(p: Package): string {
  return `${p.type}\0${p.name}\0${p.version}`
}

/**
 * A spilled file as catalogers see it: `bytes` reads parts of it from disk; `data` (for catalogers
 * that parse whole files) loads it whole on first use, and that copy is released on close.
 */
async function openSpilled(
  path: string,
  size: number
): Promise<{ file(base: Omit<CatalogedFile, 'data'>): CatalogedFile; close(): Promise<void> }> {
  const handle = await open(path, 'r')
  const bytes = descriptorBytes(handle.fd, size)
  let whole: Buffer | undefined
  return {
    file: base => ({
      ...base,
      bytes,
      get data(): Buffer {
        return (whole ??= bytes.read(0, size))
      }
    }),
    async close() {
      if (whole) releaseBuffer(whole)
      whole = undefined
      await handle.close()
    }
  }
}

/** Files that enrich packages (md5sums, copyright) are small; a big one is not kept for enrich(). */
const ENRICH_CAP = 4 * 1024 * 1024

/** Spilled (large) files are parsed one at a time so only one of them is in memory at once. */
let bigParse: Promise<void> = Promise.resolve()

export class LayerParser implements FileConsumer {
  private readonly byPath = new Map<string, ParsedFile[]>()
  private readonly identity = new Map<string, CatalogedFile>()

  constructor(
    private readonly catalogers: Cataloger[],
    private readonly where: string,
    private readonly warn: (message: string) => void
  ) {}

  async file(file: LayerFile): Promise<void> {
    const run = async (): Promise<void> => {
      const spilled = file.spillPath ? await openSpilled(file.spillPath, file.size) : undefined
      const cataloged: CatalogedFile = spilled
        ? spilled.file({ path: file.path, size: file.size, mode: file.mode, layer: file.layer })
        : {
            path: file.path,
            size: file.size,
            mode: file.mode,
            layer: file.layer,
            data: file.data!,
            ...(file.pathOnly ? { pathOnly: file.pathOnly } : {})
          }
      // The bytes are released once this returns (ours too, for a spilled file): what is kept is a copy.
      let kept: CatalogedFile | undefined
      const keep = (): CatalogedFile =>
        (kept ??= {
          path: cataloged.path,
          size: cataloged.size,
          mode: cataloged.mode,
          layer: cataloged.layer,
          data: Buffer.from(cataloged.data),
          ...(cataloged.pathOnly ? { pathOnly: cataloged.pathOnly } : {})
        })
      const results: ParsedFile[] = []
      try {
        for (const index of file.wantedBy) {
          if (index === 0) this.identity.set(file.path, keep())
          else results.push(await this.parseOne(index - 1, cataloged, file.sha256, keep))
        }
      } finally {
        await spilled?.close()
      }
      // A regular file can come twice: by path only (wantsEntry) and with its content (wants).
      if (results.length) this.byPath.set(file.path, [...(this.byPath.get(file.path) ?? []), ...results])
    }
    if (!file.spillPath) return run()
    const turn = bigParse.then(run)
    bigParse = turn.catch(() => undefined)
    await turn
  }

  hardlink(path: string, target: string, wantedBy: number[]): void {
    const id = this.identity.get(target)
    if (id && wantedBy.includes(0)) this.identity.set(path, { ...id, path })
    const results = this.byPath.get(target)
    if (!results) return
    const relocate = (loc: string) => (loc === target ? path : loc)
    const linked = results
      .filter(r => wantedBy.includes(r.cataloger + 1))
      .map(r => ({
        ...r,
        path,
        packages: r.packages.map(p => ({ ...p, locations: p.locations.map(relocate) })),
        ...(r.retained ? { retained: { ...r.retained, path } } : {})
      }))
    if (linked.length) this.byPath.set(path, linked)
  }

  replaced(path: string): void {
    this.byPath.delete(path)
    this.identity.delete(path)
  }

  finish(contents: LayerContents): ParsedLayer {
    const parsed = [...this.byPath.values()].flat()
    const listed = new Set<string>()
    for (const p of parsed) for (const pkg of p.packages) listed.add(packageKey(pkg))
    return { ...contents, parsed, identityFiles: [...this.identity.values()], listed }
  }

  private async parseOne(
    index: number,
    file: CatalogedFile,
    sha256: string,
    keep: () => CatalogedFile
  ): Promise<ParsedFile> {
    const cataloger = this.catalogers[index]!
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
      this.warn(`${cataloger.name}: ${this.where} ${file.path}: ${errorText(err)}`)
    }
    parsed.needsDistro = needsDistro
    // Distro-dependent files are parsed again later; their warnings would come twice.
    if (!needsDistro)
      for (const w of warnings) this.warn(`${cataloger.name}: ${this.where} ${file.path}: ${w}`)
    const forEnrich =
      parsed.packages.length === 0 &&
      cataloger.enrich !== undefined &&
      file.size <= ENRICH_CAP &&
      (cataloger.keepForEnrich?.(file) ?? true)
    if (needsDistro || forEnrich) {
      parsed.retained = keep()
    }
    return parsed
  }
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
      `${cataloger.name}: layer ${file.layer.index} (${file.layer.diffId}) ${file.path}: ${errorText(err)}`
    )
    return []
  }
}

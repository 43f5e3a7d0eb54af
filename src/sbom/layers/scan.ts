// Reads all layers (a few at a time), merges them, and turns the final filesystem's databases into
// packages credited to the layer that introduced them.
import { errorText } from '../../errors/index.js'
import { setTimeout as sleep } from 'node:timers/promises'
import { DEFAULT_RETRY_POLICY, backoffDelay } from '../../http/index.js'
import { dropBinariesOwnedByOsPackages } from '../catalogers/binary-classifier.js'
import { osReleaseCataloger } from '../catalogers/os-release.js'
import type { CatalogedFile, Cataloger, Distro, Package } from '../catalogers/types.js'
import type { ReaderLimits } from './limits.js'
import { LayerMerge } from './merge.js'
import { LayerParser, packageKey, reparse, type ParsedFile, type ParsedLayer } from './parse-layer.js'
import { readLayer } from './read-layer.js'

export interface LayerSource {
  index: number
  /** Digest of the blob as stored (compressed). */
  digest: string
  diffId: string
  mediaType: string
  size: number
  /** `signal` stops a read that is still under way. */
  open(signal?: AbortSignal): Promise<AsyncIterable<Buffer>>
}

export interface ScanProgress {
  layersDone: number
  layersTotal: number
  /** Compressed bytes read so far, out of the sum of layer sizes. */
  bytesRead: number
  bytesTotal: number
  expandedBytes: number
}

export interface ScannedFile {
  path: string
  sha256: string
  size: number
  layer: { index: number; diffId: string }
}

export interface ScanResult {
  packages: Package[]
  distro?: Distro
  /** The final (visible) files catalogers read, for optional file components. */
  files: ScannedFile[]
}

export interface ScanOptions {
  layers: LayerSource[]
  catalogers: Cataloger[]
  limits: ReaderLimits
  warn(message: string): void
  onProgress?(progress: ScanProgress): void
  /** SHA-256 of every file catalogers read, for file components (otherwise `files[].sha256` is ''). */
  hashFiles?: boolean
}

export async function scanLayers(opts: ScanOptions): Promise<ScanResult> {
  const parsed = await readAll(opts)
  const merge = new LayerMerge(parsed)
  const visible = (path: string, layer: number): boolean => {
    if (merge.hidden(path, layer)) return false
    const real = merge.resolveParents(path)
    return real === path || !merge.hidden(real, layer)
  }
  const identity = parsed.flatMap(l => l.identityFiles.filter(f => visible(f.path, l.layer.index)))
  const distro = osReleaseCataloger.parseDistro(identity)
  // One entry per cataloger that read a file: visibility is decided once per layer and path.
  const finals: Array<{ file: ParsedFile; layer: ParsedLayer }> = []
  const seenPaths = new Map<string, boolean>()
  const files: ScannedFile[] = []
  for (const layer of parsed) {
    for (const file of layer.parsed) {
      const key = `${layer.layer.index}\0${file.path}`
      let shown = seenPaths.get(key)
      if (shown === undefined) {
        shown = visible(file.path, layer.layer.index)
        seenPaths.set(key, shown)
        if (shown) {
          files.push({
            path: file.path,
            sha256: file.sha256,
            size: file.size,
            layer: { index: layer.layer.index, diffId: layer.layer.diffId }
          })
        }
      }
      if (shown) finals.push({ file, layer })
    }
  }
  const byCataloger = new Map<number, Package[]>()
  const enrichFiles = new Map<number, CatalogedFile[]>()
  for (const { file } of finals) {
    const cataloger = opts.catalogers[file.cataloger]!
    const ctx = { distro, warn: (m: string) => opts.warn(`${cataloger.name}: ${file.path}: ${m}`) }
    const packages =
      file.needsDistro && file.retained
        ? await reparse(cataloger, file.retained, ctx, opts.warn)
        : file.packages
    const list = byCataloger.get(file.cataloger) ?? []
    list.push(...packages)
    byCataloger.set(file.cataloger, list)
    if (packages.length === 0 && file.retained && (cataloger.keepForEnrich?.(file.retained) ?? true)) {
      const kept = enrichFiles.get(file.cataloger) ?? []
      kept.push(file.retained)
      enrichFiles.set(file.cataloger, kept)
    }
  }
  // Every cataloger with an enrich() gets its pass, also when it kept no files (it may only relate its packages).
  for (const [index, cataloger] of opts.catalogers.entries()) {
    if (!cataloger.enrich || !byCataloger.has(index)) continue
    const files = enrichFiles.get(index) ?? []
    try {
      const replaced = cataloger.enrich(byCataloger.get(index) ?? [], files, {
        distro,
        warn: m => opts.warn(`${cataloger.name}: ${m}`)
      })
      if (replaced) byCataloger.set(index, replaced)
    } catch (err) {
      opts.warn(`${cataloger.name}: enrich failed: ${errorText(err)}`)
    }
  }
  const packages = dropOwnedBinaries([...byCataloger.values()].flat(), merge)
  credit(packages, parsed)
  return { packages: dedupe(packages), ...(distro ? { distro } : {}), files }
}

/**
 * Syft's rule: a classified binary whose file an OS package owns is that package, not another.
 * Ownership is judged on real paths: dpkg lists /bin/bash, merged-/usr images hold /usr/bin/bash.
 */
function dropOwnedBinaries(packages: Package[], merge: LayerMerge): Package[] {
  const views = packages.map(p => {
    if (!p.files?.length) return p
    const resolved = p.files.map(f => ({ ...f, path: merge.resolveParents(f.path) }))
    return { ...p, files: [...p.files, ...resolved.filter((f, i) => f.path !== p.files![i]!.path)] }
  })
  const kept = new Set(dropBinariesOwnedByOsPackages(views))
  return packages.filter((_, i) => kept.has(views[i]!))
}

/** Trivy's rule: the first layer whose databases listed the same package introduced it. */
function credit(packages: Package[], layers: ParsedLayer[]): void {
  for (const pkg of packages) {
    const key = packageKey(pkg)
    const first = layers.find(l => l.listed.has(key))
    if (first) pkg.layer = { index: first.layer.index, diffId: first.layer.diffId }
  }
}

/**
 * Only exact repeats collapse (a hardlink to a file already read): like Syft, the same module in two
 * binaries stays two packages, so each binary keeps its own dependency graph.
 */
function dedupe(packages: Package[]): Package[] {
  const seen = new Map<string, Package>()
  for (const pkg of packages) {
    const key = `${pkg.purl}\0${pkg.foundBy}\0${pkg.name}\0${pkg.version}\0${JSON.stringify(pkg.metadata ?? {})}\0${pkg.locations.join('\0')}`
    const prior = seen.get(key)
    if (!prior) {
      seen.set(key, { ...pkg, locations: [...pkg.locations] })
      continue
    }
    for (const loc of pkg.locations) if (!prior.locations.includes(loc)) prior.locations.push(loc)
    if (pkg.layer && (!prior.layer || pkg.layer.index < prior.layer.index)) prior.layer = pkg.layer
  }
  return [...seen.values()]
}

const PROGRESS_STEP = 64 * 1024 * 1024
const LAYER_RETRIES = 2

/** Network failures (anywhere in the cause chain) are worth another read; bad bytes are not. */
function isTransient(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 8; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code
    if (code === 'HTTP_NETWORK' || code === 'HTTP_TIMEOUT' || code === 'ECONNRESET') return true
  }
  return false
}

async function readAll(opts: ScanOptions): Promise<ParsedLayer[]> {
  const { layers, limits } = opts
  const results: ParsedLayer[] = new Array(layers.length)
  const progress: ScanProgress = {
    layersDone: 0,
    layersTotal: layers.length,
    bytesRead: 0,
    bytesTotal: layers.reduce((n, l) => n + l.size, 0),
    expandedBytes: 0
  }
  const wanters = [osReleaseCataloger, ...opts.catalogers]
  let next = 0
  let nextReport = PROGRESS_STEP
  let failed: unknown
  const readOnce = async (source: LayerSource): Promise<ParsedLayer> => {
    const parser = new LayerParser(opts.catalogers, `layer ${source.index} (${source.digest})`, opts.warn)
    let counted = 0
    let expandedHere = 0
    try {
      const contents = await readLayer({
        consumer: parser,
        layer: { index: source.index, diffId: source.diffId, digest: source.digest },
        open: source.open,
        wanters,
        limits,
        warn: opts.warn,
        hashFiles: opts.hashFiles ?? false,
        onBytes: (compressed, expanded) => {
          counted += compressed
          expandedHere += expanded
          progress.bytesRead += compressed
          progress.expandedBytes += expanded
          // Long layers report every 64 MiB read as well as when they finish.
          if (progress.bytesRead >= nextReport) {
            nextReport = progress.bytesRead + PROGRESS_STEP
            opts.onProgress?.({ ...progress })
          }
        }
      })
      return parser.finish(contents)
    } catch (err) {
      progress.bytesRead -= counted
      progress.expandedBytes -= expandedHere
      throw err
    }
  }
  const worker = async (): Promise<void> => {
    while (failed === undefined && next < layers.length) {
      const source = layers[next++]!
      try {
        for (let attempt = 1; ; attempt++) {
          try {
            results[source.index] = await readOnce(source)
            break
          } catch (err) {
            // A connection that breaks mid-blob cannot be resumed by the HTTP client: read the layer again.
            if (attempt > LAYER_RETRIES || !isTransient(err)) throw err
            opts.warn(
              `layer ${source.index} (${source.digest}): ${errorText(err)}; reading it again (attempt ${attempt + 1})`
            )
            // The HTTP client's backoff, so a registry that just dropped us is not hit again at once.
            await sleep(backoffDelay(attempt, DEFAULT_RETRY_POLICY))
          }
        }
        progress.layersDone++
        opts.onProgress?.({ ...progress })
      } catch (err) {
        failed ??= err
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limits.concurrency, layers.length)) }, worker))
  if (failed !== undefined) throw failed
  return results
}

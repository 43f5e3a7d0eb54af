// Streams one layer blob: decompress, walk the tar, buffer the files catalogers want, note the rest
// only as far as the merge needs (whiteouts, replaced paths, symlinks).
import { errorText } from '../../errors/index.js'
import { createHash } from 'node:crypto'
import { mkdtemp, open, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, posix } from 'node:path'
import type { EntryKind, FileCandidate, LayerRef } from '../catalogers/types.js'
import { SbomError } from '../errors.js'
import { decompressed, type Compression } from './decompress.js'
import type { ReaderLimits } from './limits.js'
import { releaseBuffer } from './release-memory.js'
import { PathHashSet, pathHash } from './path-set.js'
import { TarStreamParser, type EntrySink, type TarEntry } from './tar-stream.js'

export interface Wanter {
  wants(file: FileCandidate): boolean
  headerBytes?: number
  wantsEntry?(path: string, kind: EntryKind): boolean
}

/** A wanted file as read from one layer: in memory, or spilled to a temp file. */
export interface LayerFile {
  path: string
  size: number
  mode: number
  layer: LayerRef
  /** Indices into the wanter list passed to readLayer. */
  wantedBy: number[]
  /** Valid only until `FileConsumer.file` settles: its memory is released then. */
  data?: Buffer
  spillPath?: string
  /** SHA-256 hex of the bytes when the reader hashes files (file components), else ''. */
  sha256: string
  /** An entry offered by path only (no bytes read), see `Cataloger.wantsEntry`. */
  pathOnly?: EntryKind
}

/** Takes each wanted file as soon as its bytes are in, so buffers live only while it is parsed. */
export interface FileConsumer {
  /** A consumer that keeps `file.data` past the returned promise must copy it. */
  file(file: LayerFile): Promise<void>
  /** A hardlink to an earlier wanted file of the layer: same bytes, another path. */
  hardlink(path: string, target: string, wantedBy: number[]): void
  /** A later entry at this path replaces what the layer had there. */
  replaced(path: string): void
}

export interface LayerContents {
  layer: LayerRef & { digest: string }
  compression: Compression
  /** Paths deleted from lower layers by `.wh.<name>` entries. */
  whiteouts: string[]
  /** Directories whose lower-layer children are hidden by `.wh..wh..opq`. */
  opaqueDirs: string[]
  /** Every entry path of this layer (hashed), and those that are not directories. */
  entries: PathHashSet
  nonDirectories: PathHashSet
  /** Symlinks (path → target as written); the merge resolves directory symlinks with them. */
  symlinks: Map<string, string>
  expandedBytes: number
  entryCount: number
  /** Directory holding spilled files; removed by releaseLayer. */
  spillDir?: string
}

export interface ReadLayerOptions {
  layer: LayerRef & { digest: string }
  /** Chunks may be lent: each is used up before the next is asked for. `signal` stops the read. */
  open(signal?: AbortSignal): Promise<AsyncIterable<Buffer>>
  wanters: Wanter[]
  consumer: FileConsumer
  limits: ReaderLimits
  warn(message: string): void
  onBytes?(compressed: number, expanded: number): void
  /** Hash each wanted file: only file components need it, and executables and jars add up. */
  hashFiles?: boolean
}

const EMPTY = Buffer.alloc(0)
const ENTRY_KINDS: Partial<Record<TarEntry['type'], EntryKind>> = {
  directory: 'directory',
  file: 'file',
  // The second name of a regular file in the same layer.
  hardlink: 'file',
  symlink: 'symlink'
}
const WHITEOUT = '.wh.'
const OPAQUE = '.wh..wh..opq'

export async function readLayer(opts: ReadLayerOptions): Promise<LayerContents> {
  const { layer, limits, wanters, warn, consumer } = opts
  /** Size and mode of this layer's wanted files, for hardlinks to them. */
  const wanted = new Map<string, { size: number; mode: number }>()
  let spills = 0
  let symlinksCapped = false
  const where = `layer ${layer.index} (${layer.digest})`
  const contents: LayerContents = {
    layer,
    compression: 'none',
    whiteouts: [],
    opaqueDirs: [],
    entries: new PathHashSet(),
    nonDirectories: new PathHashSet(),
    symlinks: new Map(),
    expandedBytes: 0,
    entryCount: 0
  }

  const spillFile = async (path: string): Promise<string> => {
    contents.spillDir ??= await mkdtemp(join(tmpdir(), 'oci-attest-sbom-'))
    return join(contents.spillDir, `${spills++}-${posix.basename(path)}`)
  }

  // Few catalogers take entries by path (Nix); the rest cost nothing per tar entry.
  const entryWanters = wanters.flatMap((w, i) => (w.wantsEntry ? [i] : []))

  const wantedBy = (candidate: FileCandidate): number[] => {
    const by: number[] = []
    for (let i = 0; i < wanters.length; i++) if (wanters[i]!.wants(candidate)) by.push(i)
    return by
  }

  const onEntry = async (entry: TarEntry): Promise<EntrySink | undefined> => {
    if (++contents.entryCount > limits.maxLayerEntries) {
      throw new SbomError('SBOM_LAYER_TOO_LARGE', `${where} has more than ${limits.maxLayerEntries} entries`)
    }
    const slash = entry.path.lastIndexOf('/')
    if (entry.path.startsWith(WHITEOUT, slash + 1)) {
      const base = entry.path.slice(slash + 1)
      const dir = slash === 0 ? '/' : entry.path.slice(0, slash)
      if (base === OPAQUE) contents.opaqueDirs.push(dir)
      else contents.whiteouts.push(posix.join(dir, base.slice(WHITEOUT.length)))
      return undefined
    }
    const kind = entryWanters.length > 0 ? ENTRY_KINDS[entry.type] : undefined
    if (kind) {
      const by = entryWanters.filter(i => wanters[i]!.wantsEntry!(entry.path, kind))
      if (by.length > 0) {
        await consumer.file({
          path: entry.path,
          size: 0,
          mode: entry.mode,
          layer: { index: layer.index, diffId: layer.diffId },
          wantedBy: by,
          data: EMPTY,
          sha256: '',
          pathOnly: kind
        })
      }
    }
    const hash = pathHash(entry.path)
    contents.entries.addHash(hash)
    if (entry.type !== 'directory') contents.nonDirectories.addHash(hash)
    // A later entry at the same path replaces an earlier one within the layer too.
    if (wanted.delete(entry.path)) consumer.replaced(entry.path)
    if (entry.type === 'symlink') {
      if (contents.symlinks.size < limits.maxSymlinksPerLayer)
        contents.symlinks.set(entry.path, entry.linkname)
      else if (contents.symlinks.size === limits.maxSymlinksPerLayer && !symlinksCapped) {
        symlinksCapped = true
        warn(
          `${where}: more than ${limits.maxSymlinksPerLayer} symlinks; paths through later ones are not resolved`
        )
      }
      return undefined
    }
    if (entry.type === 'hardlink') {
      const target = wanted.get(entry.linkname)
      if (!target) return undefined
      const linkWantedBy = wantedBy({ path: entry.path, ...target })
      if (linkWantedBy.length === 0) return undefined
      wanted.set(entry.path, target)
      consumer.hardlink(entry.path, entry.linkname, linkWantedBy)
      return undefined
    }
    if (entry.type !== 'file') return undefined
    const candidate = { path: entry.path, size: entry.size, mode: entry.mode }
    const by = wantedBy(candidate)
    if (by.length === 0) return undefined
    // Wanted for a header only, by every taker: keep that prefix, skip the rest of the file.
    const header = Math.max(...by.map(i => wanters[i]!.headerBytes ?? Infinity))
    if (header < entry.size) {
      wanted.set(entry.path, { size: entry.size, mode: entry.mode })
      return prefixSink(
        { ...candidate, layer: { index: layer.index, diffId: layer.diffId }, wantedBy: by, sha256: '' },
        consumer,
        header
      )
    }
    if (entry.size > limits.maxFileBytes) {
      warn(
        `${where}: skipped ${entry.path}: ${entry.size} bytes is above the per-file cap of ${limits.maxFileBytes}`
      )
      return undefined
    }
    const file: LayerFile = {
      ...candidate,
      layer: { index: layer.index, diffId: layer.diffId },
      wantedBy: by,
      sha256: ''
    }
    wanted.set(entry.path, { size: entry.size, mode: entry.mode })
    return entry.size <= limits.maxBufferedFileBytes
      ? memorySink(file, consumer, opts.hashFiles ?? false)
      : await spillSink(file, consumer, await spillFile(entry.path), opts.hashFiles ?? false)
  }

  const parser = new TarStreamParser({
    entry: onEntry,
    rejected: (name, reason) => warn(`${where}: skipped tar entry "${name}": ${reason}`)
  })
  let stream: AsyncIterable<Buffer>
  // Stops a registry read at once when the layer is abandoned midway (the connection is not drained).
  const cancel = new AbortController()
  try {
    stream = await opts.open(cancel.signal)
  } catch (err) {
    throw new SbomError('SBOM_BLOB_MISSING', `${where}: cannot open the blob: ${errorText(err)}`, {
      cause: err
    })
  }
  let compressedBytes = 0
  try {
    const chunks = decompressed(stream, {
      onCompression: kind => (contents.compression = kind),
      onCompressedBytes: n => (compressedBytes += n),
      cancel: () => cancel.abort()
    })
    for await (const chunk of chunks) {
      contents.expandedBytes += chunk.length
      if (contents.expandedBytes > limits.maxLayerBytes) {
        throw new SbomError(
          'SBOM_LAYER_TOO_LARGE',
          `${where} expands beyond ${limits.maxLayerBytes} bytes (decompression bomb?); raise the layer cap to read it`
        )
      }
      opts.onBytes?.(compressedBytes, chunk.length)
      compressedBytes = 0
      await parser.write(chunk)
    }
    parser.end()
  } catch (err) {
    await releaseLayer(contents)
    throw layerError(err, where)
  }
  await releaseLayer(contents)
  contents.entries.seal()
  contents.nonDirectories.seal()
  return contents
}

function layerError(err: unknown, where: string): SbomError {
  if (err instanceof SbomError) return err
  const code = (err as { code?: unknown }).code
  if (code === 'DIGEST_MISMATCH' || code === 'SBOM_DIGEST_MISMATCH') {
    return new SbomError('SBOM_DIGEST_MISMATCH', `${where}: ${errorText(err)}`, { cause: err })
  }
  return new SbomError('SBOM_CORRUPT_LAYER', `${where} is corrupt or truncated: ${errorText(err)}`, {
    cause: err
  })
}

function memorySink(file: LayerFile, consumer: FileConsumer, hashing: boolean): EntrySink {
  // The size is known from the header: one allocation, no chunk list and no concatenation copy; not
  // from the shared pool, so it can be released on its own (executables of tens of MiB, hundreds per image).
  const data = Buffer.allocUnsafeSlow(file.size)
  let filled = 0
  const hash = hashing ? createHash('sha256') : undefined
  return {
    data(chunk) {
      chunk.copy(data, filled)
      filled += chunk.length
      hash?.update(chunk)
    },
    async end() {
      file.data = data
      file.sha256 = hash?.digest('hex') ?? ''
      try {
        await consumer.file(file)
      } finally {
        file.data = undefined
        releaseBuffer(data)
      }
    }
  }
}

/** Keeps the first `keep` bytes of a file (no hash: file components need whole files). */
function prefixSink(file: LayerFile, consumer: FileConsumer, keep: number): EntrySink {
  const data = Buffer.allocUnsafeSlow(keep)
  let filled = 0
  return {
    data(chunk) {
      if (filled < keep) filled += chunk.copy(data, filled, 0, Math.min(chunk.length, keep - filled))
    },
    async end() {
      file.data = data.subarray(0, filled)
      try {
        await consumer.file(file)
      } finally {
        file.data = undefined
        releaseBuffer(data)
      }
    }
  }
}

async function spillSink(
  file: LayerFile,
  consumer: FileConsumer,
  spillPath: string,
  hashing: boolean
): Promise<EntrySink> {
  const handle = await open(spillPath, 'w', 0o600)
  const hash = hashing ? createHash('sha256') : undefined
  return {
    async data(chunk) {
      hash?.update(chunk)
      await handle.write(chunk)
    },
    async end() {
      await handle.close()
      file.spillPath = spillPath
      file.sha256 = hash?.digest('hex') ?? ''
      try {
        await consumer.file(file)
      } finally {
        await rm(spillPath, { force: true })
      }
    }
  }
}

/** Removes the spill directory; safe to call twice. */
export async function releaseLayer(contents: LayerContents): Promise<void> {
  if (contents.spillDir) {
    const dir = contents.spillDir
    contents.spillDir = undefined
    await rm(dir, { recursive: true, force: true })
  }
}

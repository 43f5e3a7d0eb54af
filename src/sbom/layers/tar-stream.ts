// A streaming tar parser: chunks in, entries out; bodies go to a sink or are skipped without copying.
import {
  BLOCK,
  TarFormatError,
  entryType,
  isZeroBlock,
  normalizeTarPath,
  parseHeader,
  parsePax,
  type TarEntryType
} from './tar-header.js'

export interface TarEntry {
  /** Absolute, normalised path ("/etc/os-release"). */
  path: string
  type: TarEntryType
  size: number
  mode: number
  /** Symlink target as written, or the normalised path a hardlink points to. */
  linkname: string
}

/** Receives one entry's body; returning a promise applies back-pressure to the parser. */
export interface EntrySink {
  data(chunk: Buffer): void | Promise<void>
  end(): void | Promise<void>
}

export interface TarHandler {
  /** Return a sink to receive the body, or undefined to skip it. */
  entry(entry: TarEntry): EntrySink | undefined | Promise<EntrySink | undefined>
  /** An entry the parser refuses (path escaping the root); its body is skipped. */
  rejected(name: string, reason: string): void
}

/** Metadata entries (long names, PAX) are small; a larger one means a corrupt or hostile tar. */
const MAX_META_BYTES = 1024 * 1024

/** Link, symlink, char and block devices, directory, FIFO. */
const HEADER_ONLY = new Set(['1', '2', '3', '4', '5', '6'])

type State = 'header' | 'body' | 'meta' | 'padding' | 'done'

export class TarStreamParser {
  private state: State = 'header'
  private readonly header = Buffer.alloc(BLOCK)
  private headerFill = 0
  private remaining = 0
  private padding = 0
  private sink: EntrySink | undefined
  private meta: Buffer[] = []
  private metaKind = ''
  private longName: string | undefined
  private longLink: string | undefined
  private pax: Record<string, string> = {}
  private globalPax: Record<string, string> = {}
  private zeroBlocks = 0
  entries = 0

  constructor(private readonly handler: TarHandler) {}

  get finished(): boolean {
    return this.state === 'done'
  }

  /** After the end-of-archive marker, input is ignored (it is still read, for the digest). */
  async write(chunk: Buffer): Promise<void> {
    let pos = 0
    while (pos < chunk.length) {
      switch (this.state) {
        case 'done':
          return
        case 'header': {
          const take = Math.min(BLOCK - this.headerFill, chunk.length - pos)
          chunk.copy(this.header, this.headerFill, pos, pos + take)
          this.headerFill += take
          pos += take
          if (this.headerFill === BLOCK) {
            this.headerFill = 0
            await this.onHeader()
          }
          break
        }
        case 'body':
        case 'meta': {
          const take = Math.min(this.remaining, chunk.length - pos)
          // Skipped bodies (almost all bytes) cost no slice and no await.
          if (this.state === 'meta') this.meta.push(Buffer.from(chunk.subarray(pos, pos + take)))
          else if (this.sink) await this.sink.data(chunk.subarray(pos, pos + take))
          pos += take
          this.remaining -= take
          if (this.remaining === 0) await this.endBody()
          break
        }
        case 'padding': {
          const take = Math.min(this.padding, chunk.length - pos)
          pos += take
          this.padding -= take
          if (this.padding === 0) this.state = 'header'
          break
        }
      }
    }
  }

  /** Called at end of input; a tar cut short in a body or header is an error (missing padding is not). */
  end(): void {
    if (this.state === 'done' || this.state === 'padding') return
    if (this.state === 'header' && this.headerFill === 0) return
    throw new TarFormatError(`tar ends inside an entry (${this.state}, ${this.remaining} bytes missing)`)
  }

  private async onHeader(): Promise<void> {
    if (isZeroBlock(this.header)) {
      if (++this.zeroBlocks >= 2) this.state = 'done'
      return
    }
    this.zeroBlocks = 0
    const raw = parseHeader(this.header)
    const flag = raw.typeflag
    if (flag === 'L' || flag === 'K' || flag === 'x' || flag === 'g') {
      if (raw.size > MAX_META_BYTES) throw new TarFormatError(`metadata entry of ${raw.size} bytes`)
      this.metaKind = flag
      this.meta = []
      await this.startBody(raw.size, 'meta')
      return
    }
    const paxSize = this.pax['size'] ?? this.globalPax['size']
    const size = paxSize !== undefined ? Number(paxSize) : raw.size
    if (!Number.isSafeInteger(size) || size < 0) throw new TarFormatError(`bad entry size ${paxSize}`)
    const name = this.pax['path'] ?? this.longName ?? raw.name
    const link = this.pax['linkpath'] ?? this.longLink ?? raw.linkname
    this.pax = {}
    this.longName = undefined
    this.longLink = undefined
    this.entries++
    const type = entryType(flag)
    // Header-only types carry no body whatever the size field says (as Go's archive/tar reads them).
    const bodySize = HEADER_ONLY.has(flag) ? 0 : size
    const path = name.startsWith('/') ? undefined : normalizeTarPath(name)
    if (path === undefined) {
      this.handler.rejected(name, name.startsWith('/') ? 'absolute path' : 'path escapes the root')
      await this.startBody(bodySize, 'body')
      return
    }
    let linkname = link
    if (type === 'hardlink') {
      const target = link.startsWith('/') ? undefined : normalizeTarPath(link)
      if (target === undefined) {
        this.handler.rejected(name, `hardlink target "${link}" escapes the root`)
        await this.startBody(bodySize, 'body')
        return
      }
      linkname = target
    }
    this.sink = await this.handler.entry({ path, type, size: bodySize, mode: raw.mode & 0o7777, linkname })
    await this.startBody(bodySize, 'body')
  }

  /** Enters a body; an empty one completes at once so its sink still sees end(). */
  private async startBody(size: number, state: 'body' | 'meta'): Promise<void> {
    this.remaining = size
    this.padding = (BLOCK - (size % BLOCK)) % BLOCK
    this.state = state
    if (size === 0) await this.endBody()
  }

  private async endBody(): Promise<void> {
    if (this.state === 'meta') {
      const data = Buffer.concat(this.meta)
      this.meta = []
      if (this.metaKind === 'L') this.longName = data.toString('utf8').replace(/\0+$/, '')
      else if (this.metaKind === 'K') this.longLink = data.toString('utf8').replace(/\0+$/, '')
      else if (this.metaKind === 'x') this.pax = parsePax(data)
      else this.globalPax = { ...this.globalPax, ...parsePax(data) }
    } else if (this.sink) {
      const sink = this.sink
      this.sink = undefined
      await sink.end()
    }
    this.state = this.padding > 0 ? 'padding' : 'header'
  }
}

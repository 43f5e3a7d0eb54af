// RPM header blobs as the rpm database stores them (no lead, no magic): index entries then a data store.

export const TAG = {
  NAME: 1000,
  VERSION: 1001,
  RELEASE: 1002,
  EPOCH: 1003,
  SIZE: 1009,
  SUMMARY: 1004,
  VENDOR: 1011,
  LICENSE: 1014,
  URL: 1020,
  ARCH: 1022,
  OLDFILENAMES: 1027,
  FILEDIGESTS: 1035,
  SOURCERPM: 1044,
  PROVIDENAME: 1047,
  REQUIRENAME: 1049,
  DIRINDEXES: 1116,
  BASENAMES: 1117,
  DIRNAMES: 1118,
  FILEDIGESTALGO: 5011,
  MODULARITYLABEL: 5096
} as const

const TYPE_INT32 = 4
const TYPE_STRING = 6
const TYPE_STRING_ARRAY = 8
const TYPE_I18NSTRING = 9
/** rpm's own sanity limits (hdrchk.c): no header has more entries or data than this. */
const MAX_ENTRIES = 0xffff
const MAX_DATA = 256 * 1024 * 1024

interface Entry {
  type: number
  offset: number
  count: number
}

export class RpmHeader {
  private constructor(
    private readonly entries: Map<number, Entry>,
    private readonly store: Buffer
  ) {}

  /** Parses the index; throws a described Error for a blob whose index or store is out of bounds. */
  static parse(blob: Buffer): RpmHeader {
    if (blob.length < 8)
      throw new Error(`header blob of ${blob.length} bytes is shorter than its 8-byte preamble`)
    const il = blob.readUInt32BE(0)
    const dl = blob.readUInt32BE(4)
    if (il > MAX_ENTRIES || dl > MAX_DATA || 8 + il * 16 + dl > blob.length) {
      throw new Error(
        `header claims ${il} entries and ${dl} data bytes but the blob has ${blob.length} bytes`
      )
    }
    const store = blob.subarray(8 + il * 16, 8 + il * 16 + dl)
    const entries = new Map<number, Entry>()
    for (let i = 0; i < il; i++) {
      const o = 8 + i * 16
      const entry = {
        type: blob.readUInt32BE(o + 4),
        offset: blob.readInt32BE(o + 8),
        count: blob.readUInt32BE(o + 12)
      }
      if (entry.offset < 0 || entry.offset > dl) continue
      const tag = blob.readUInt32BE(o)
      if (!entries.has(tag)) entries.set(tag, entry)
    }
    return new RpmHeader(entries, store)
  }

  private strings(tag: number): string[] | undefined {
    const e = this.entries.get(tag)
    if (!e || (e.type !== TYPE_STRING && e.type !== TYPE_STRING_ARRAY && e.type !== TYPE_I18NSTRING))
      return undefined
    const out: string[] = []
    let at = e.offset
    const count = e.type === TYPE_STRING ? 1 : e.count
    for (let i = 0; i < count; i++) {
      const end = this.store.indexOf(0, at)
      if (end < 0) break
      out.push(this.store.toString('utf8', at, end))
      at = end + 1
    }
    return out
  }

  string(tag: number): string | undefined {
    const value = this.strings(tag)?.[0]
    return value === undefined || value === '(none)' ? undefined : value
  }

  stringArray(tag: number): string[] {
    return this.strings(tag) ?? []
  }

  int32Array(tag: number): number[] {
    const e = this.entries.get(tag)
    if (!e || e.type !== TYPE_INT32) return []
    const out: number[] = []
    for (let i = 0; i < e.count && e.offset + i * 4 + 4 <= this.store.length; i++)
      out.push(this.store.readInt32BE(e.offset + i * 4))
    return out
  }

  int32(tag: number): number | undefined {
    return this.int32Array(tag)[0]
  }

  /** Installed file paths: DIRNAMES[DIRINDEXES[i]] + BASENAMES[i], or the pre-4.x OLDFILENAMES. */
  files(): string[] {
    const base = this.stringArray(TAG.BASENAMES)
    if (base.length === 0) return this.stringArray(TAG.OLDFILENAMES)
    const dirs = this.stringArray(TAG.DIRNAMES)
    const idx = this.int32Array(TAG.DIRINDEXES)
    return base.map((b, i) => (dirs[idx[i] ?? -1] ?? '') + b)
  }
}

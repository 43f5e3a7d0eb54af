// Go build information (what `go version -m` prints), read from ELF, PE or Mach-O bytes.
import { isElf, parseElf, PF_W, PF_X, PT_LOAD, readAddress, sectionData, type ElfFile } from './elf.js'
import { asBytes, bufferBytes, type FileBytes } from './file-bytes.js'

const MAGIC = Buffer.from('\xff Go buildinf:', 'latin1')
const HEADER = 32
const ALIGN = 16
const MAX_STRING = 1 << 20

export interface GoModule {
  path: string
  version: string
  sum?: string
  replace?: GoModule
}

export interface GoBuildInfo {
  goVersion: string
  path: string
  main?: GoModule
  deps: GoModule[]
  settings: Array<[string, string]>
}

/** Go's uvarint; undefined when it runs off the buffer or overflows. */
function uvarint(buf: Buffer, at: number): [number, number] | undefined {
  let value = 0
  let scale = 1
  for (let i = at; i < buf.length && i < at + 9; i++) {
    const b = buf[i]!
    value += (b & 0x7f) * scale
    if (b < 0x80) return [value, i + 1]
    scale *= 128
  }
  return undefined
}

const SEARCH_WINDOW = 1 << 20

/** Offset of the first 16-aligned magic with a whole header after it (debug/buildinfo's search). */
function findHeader(bytes: FileBytes): number | undefined {
  // Windows overlap by the magic's length, so a magic across a window edge is found in the first one.
  for (let start = 0; start < bytes.size; start += SEARCH_WINDOW) {
    const window = bytes.read(start, SEARCH_WINDOW + MAGIC.length - 1)
    let from = 0
    for (;;) {
      const i = window.indexOf(MAGIC, from)
      if (i < 0 || i >= SEARCH_WINDOW) break
      const at = start + i
      if (bytes.size - at < HEADER) return undefined
      if (at % ALIGN === 0) return at
      from = Math.ceil(at / ALIGN) * ALIGN - start
    }
  }
  return undefined
}

/** Where the toolchain put the header: .go.buildinfo, else the first writable, non-executable PT_LOAD. */
function elfDataStart(elf: ElfFile): Buffer | undefined {
  const section = sectionData(elf, '.go.buildinfo')
  if (section) return section
  const seg = elf.segments.find(p => p.type === PT_LOAD && (p.flags & (PF_X | PF_W)) === PF_W)
  return seg ? readAddress(elf, seg.vaddr, Math.min(seg.memsz, 64 * 1024)) : undefined
}

function readPointerString(elf: ElfFile, header: Buffer, at: number): string {
  const ptrSize = header[14]!
  const big = (header[15]! & 1) !== 0
  const readPtr = (b: Buffer, o: number): bigint | undefined => {
    if (o + ptrSize > b.length) return undefined
    if (ptrSize === 8) return big ? b.readBigUInt64BE(o) : b.readBigUInt64LE(o)
    return BigInt(big ? b.readUInt32BE(o) : b.readUInt32LE(o))
  }
  const addr = readPtr(header, at)
  if (addr === undefined) return ''
  const hdr = readAddress(elf, addr, 2 * ptrSize)
  if (!hdr) return ''
  const dataAddr = readPtr(hdr, 0)
  const len = readPtr(hdr, ptrSize)
  if (dataAddr === undefined || len === undefined || len > BigInt(MAX_STRING)) return ''
  const bytes = readAddress(elf, dataAddr, Number(len))
  return bytes && bytes.length === Number(len) ? bytes.toString('utf8') : ''
}

/** Go ≥ 1.18: the version and modinfo follow the header, each a uvarint length and its bytes. */
function inlineStrings(region: FileBytes, at: number): [string, string] | undefined {
  let pos = at + HEADER
  const next = (): string | undefined => {
    const v = uvarint(region.read(pos, 10), 0)
    if (!v || pos + v[1] + v[0] > region.size) return undefined
    const text = region.read(pos + v[1], v[0]).toString('utf8')
    pos += v[1] + v[0]
    return text
  }
  const goVersion = next()
  const modinfo = goVersion === undefined ? undefined : next()
  return modinfo === undefined ? undefined : [goVersion!, modinfo]
}

/**
 * The Go version and raw modinfo, or undefined when this is not a Go executable. Reads headers and the
 * build info's own bytes only: a file on disk is never loaded whole.
 */
export function readGoBuildInfoRaw(
  data: Buffer | FileBytes
): { goVersion: string; modinfo: string } | undefined {
  const bytes = asBytes(data)
  const elf = isElf(bytes) ? parseElf(bytes) : undefined
  // PE and Mach-O keep the header 16-aligned within their data section, which is 16-aligned in the file.
  const elfRegion = elf ? elfDataStart(elf) : undefined
  if (elf && !elfRegion) return undefined
  const region = elfRegion ? bufferBytes(elfRegion) : bytes
  const at = findHeader(region)
  if (at === undefined) return undefined
  const header = region.read(at, HEADER)
  const ptrSize = header[14]!
  const flags = header[15]!
  let goVersion: string
  let modinfo: string
  if ((flags & 2) !== 0) {
    const strings = inlineStrings(region, at)
    if (!strings) return undefined
    ;[goVersion, modinfo] = strings
  } else {
    if (!elf || (ptrSize !== 4 && ptrSize !== 8)) return undefined
    goVersion = readPointerString(elf, header, 16)
    modinfo = readPointerString(elf, header, 16 + ptrSize)
  }
  if (goVersion === '') return undefined
  // modinfo is wrapped in 16-byte sentinels; without them it is unusable.
  modinfo = modinfo.length >= 33 && modinfo[modinfo.length - 17] === '\n' ? modinfo.slice(16, -16) : ''
  return { goVersion, modinfo }
}

/** Go's strconv.Unquote for the quoted build setting keys/values `go` writes. */
function unquote(s: string): string {
  if (!s.startsWith('"')) return s
  try {
    return JSON.parse(
      s.replace(/\\x([0-9a-fA-F]{2})/g, '\\u00$1').replace(/\\U([0-9a-fA-F]{8})/g, (_m, h: string) => {
        const cp = parseInt(h, 16)
        return cp <= 0x10ffff ? JSON.stringify(String.fromCodePoint(cp)).slice(1, -1) : ''
      })
    ) as string
  } catch {
    return s
  }
}

/** debug.ParseBuildInfo: tab-separated `path`, `mod`, `dep`, `=>` and `build` lines. Bad lines are skipped. */
export function parseModinfo(goVersion: string, modinfo: string): GoBuildInfo {
  const info: GoBuildInfo = { goVersion, path: '', deps: [], settings: [] }
  let last: GoModule | undefined
  for (const line of modinfo.split('\n')) {
    const tab = line.indexOf('\t')
    if (tab < 0) continue
    const word = line.slice(0, tab)
    const rest = line.slice(tab + 1)
    const f = rest.split('\t')
    const mod = (): GoModule | undefined => {
      if (f.length < 2 || f[0] === '') return undefined
      const m: GoModule = { path: f[0]!, version: f[1]! }
      if (f[2]) m.sum = f[2]
      return m
    }
    if (word === 'path') info.path = rest
    else if (word === 'mod') last = info.main = mod()
    else if (word === 'dep') {
      last = mod()
      if (last) info.deps.push(last)
    } else if (word === '=>') {
      const r =
        f.length >= 1 && f[0] !== ''
          ? { path: f[0]!, version: f[1] ?? '', ...(f[2] ? { sum: f[2] } : {}) }
          : undefined
      if (last && r) last.replace = r
      last = undefined
    } else if (word === 'build') {
      const eq = rest.startsWith('"') ? rest.indexOf('=', rest.indexOf('"', 1)) : rest.indexOf('=')
      if (eq > 0) info.settings.push([unquote(rest.slice(0, eq)), unquote(rest.slice(eq + 1))])
    }
  }
  return info
}

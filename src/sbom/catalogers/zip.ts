// A small, bounds-checked zip reader for jars: central directory listing and stored/deflated entries.
import { inflateRawSync } from 'node:zlib'
import { CodedError, errorText } from '../../errors/index.js'

export interface ZipEntry {
  name: string
  method: number
  compressedSize: number
  size: number
  localOffset: number
}

const EOCD = 0x06054b50
const ZIP64_LOCATOR = 0x07064b50
const ZIP64_EOCD = 0x06064b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50
const ZIP64_EXTRA = 0x0001
/** A 16- or 32-bit field at its maximum means "see the ZIP64 record". */
const U16_MAX = 0xffff
const U32_MAX = 0xffffffff

export class ZipError extends CodedError<'ZIP_MALFORMED'> {
  constructor(message: string, options?: { cause?: unknown }) {
    super('ZIP_MALFORMED', message, options)
    this.name = 'ZipError'
  }
}

/** Lists entries from the central directory; throws ZipError when there is none or it is out of bounds. */
export function listZip(data: Buffer): ZipEntry[] {
  const floor = Math.max(0, data.length - 22 - 0xffff)
  let eocd = -1
  for (let i = data.length - 22; i >= floor; i--) {
    if (data.readUInt32LE(i) === EOCD) {
      eocd = i
      break
    }
  }
  if (eocd < 0) throw new ZipError('no end-of-central-directory record')
  let count = data.readUInt16LE(eocd + 10)
  let cdSize = data.readUInt32LE(eocd + 12)
  let cdOffset = data.readUInt32LE(eocd + 16)
  // Archives with a prefix (self-extracting, or a launcher script before the zip) shift every offset.
  let end = eocd
  if (count === U16_MAX || cdSize === U32_MAX || cdOffset === U32_MAX) {
    const zip64 = zip64End(data, eocd)
    if (zip64) ({ count, cdSize, cdOffset, at: end } = zip64)
  }
  const shift = end - cdSize - cdOffset > 0 ? end - cdSize - cdOffset : 0
  const entries: ZipEntry[] = []
  let at = cdOffset + shift
  for (let i = 0; i < count; i++) {
    if (at + 46 > data.length || data.readUInt32LE(at) !== CENTRAL) {
      throw new ZipError(`central directory entry ${i} of ${count} is missing or out of bounds`)
    }
    const nameLen = data.readUInt16LE(at + 28)
    const extraLen = data.readUInt16LE(at + 30)
    const commentLen = data.readUInt16LE(at + 32)
    if (at + 46 + nameLen + extraLen > data.length) throw new ZipError(`entry ${i} name runs past the end`)
    const name = data.toString('utf8', at + 46, at + 46 + nameLen)
    const entry = {
      name,
      method: data.readUInt16LE(at + 10),
      compressedSize: data.readUInt32LE(at + 20),
      size: data.readUInt32LE(at + 24),
      localOffset: data.readUInt32LE(at + 42)
    }
    if (entry.size === U32_MAX || entry.compressedSize === U32_MAX || entry.localOffset === U32_MAX) {
      zip64Sizes(entry, data.subarray(at + 46 + nameLen, at + 46 + nameLen + extraLen))
    }
    entry.localOffset += shift
    entries.push(entry)
    at += 46 + nameLen + extraLen + commentLen
  }
  return entries
}

/** The ZIP64 end record that the locator just before the classic one points at, if there is one. */
function zip64End(
  data: Buffer,
  eocd: number
): { count: number; cdSize: number; cdOffset: number; at: number } | undefined {
  const locator = eocd - 20
  if (locator < 0 || data.readUInt32LE(locator) !== ZIP64_LOCATOR) return undefined
  // The record sits right before the locator unless it carries extensible data; then trust its offset.
  let at = locator - 56
  if (at < 0 || data.readUInt32LE(at) !== ZIP64_EOCD) at = big(data, locator + 8, 'ZIP64 end record offset')
  if (at < 0 || at + 56 > data.length || data.readUInt32LE(at) !== ZIP64_EOCD) {
    throw new ZipError('ZIP64 end-of-central-directory record is missing or out of bounds')
  }
  return {
    count: big(data, at + 32, 'ZIP64 entry count'),
    cdSize: big(data, at + 40, 'ZIP64 central directory size'),
    cdOffset: big(data, at + 48, 'ZIP64 central directory offset'),
    at
  }
}

/** Fills the fields a central directory entry left at 0xFFFFFFFF from its ZIP64 extra field, in the spec's order. */
function zip64Sizes(entry: ZipEntry, extra: Buffer): void {
  for (let p = 0; p + 4 <= extra.length;) {
    const id = extra.readUInt16LE(p)
    const len = extra.readUInt16LE(p + 2)
    if (p + 4 + len > extra.length) break
    if (id === ZIP64_EXTRA) {
      const field = extra.subarray(p + 4, p + 4 + len)
      let q = 0
      const next = (what: string): number => {
        if (q + 8 > field.length) throw new ZipError(`${entry.name}: ZIP64 extra field has no ${what}`)
        const v = big(field, q, `${entry.name} ${what}`)
        q += 8
        return v
      }
      if (entry.size === U32_MAX) entry.size = next('size')
      if (entry.compressedSize === U32_MAX) entry.compressedSize = next('compressed size')
      if (entry.localOffset === U32_MAX) entry.localOffset = next('local header offset')
      return
    }
    p += 4 + len
  }
  throw new ZipError(`${entry.name}: sizes point to a ZIP64 extra field that is not there`)
}

/** A 64-bit little-endian field as a number; beyond 2^53 no archive we can hold in memory is meant. */
function big(data: Buffer, at: number, what: string): number {
  if (at < 0 || at + 8 > data.length) throw new ZipError(`${what} is out of bounds`)
  const v = data.readBigUInt64LE(at)
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipError(`${what} ${v} is out of range`)
  return Number(v)
}

/** An entry's bytes, inflated with a cap on the output so a zip bomb cannot exhaust memory. */
export function readZipEntry(data: Buffer, entry: ZipEntry, maxBytes: number): Buffer {
  const at = entry.localOffset
  if (at < 0 || at + 30 > data.length || data.readUInt32LE(at) !== LOCAL) {
    throw new ZipError(`local header of ${entry.name} is missing or out of bounds`)
  }
  const start = at + 30 + data.readUInt16LE(at + 26) + data.readUInt16LE(at + 28)
  const end = start + entry.compressedSize
  if (end > data.length) throw new ZipError(`${entry.name} runs past the end of the archive`)
  if (entry.size > maxBytes)
    throw new ZipError(`${entry.name} expands to ${entry.size} bytes, over the ${maxBytes}-byte cap`)
  const raw = data.subarray(start, end)
  if (entry.method === 0) return raw
  if (entry.method !== 8)
    throw new ZipError(`${entry.name} uses unsupported compression method ${entry.method}`)
  try {
    return inflateRawSync(raw, { maxOutputLength: maxBytes })
  } catch (cause) {
    throw new ZipError(`${entry.name} does not inflate: ${errorText(cause)}`)
  }
}

// A small, bounds-checked zip reader for jars: central directory listing and stored/deflated entries.
import { inflateRawSync } from 'node:zlib'

export interface ZipEntry {
  name: string
  method: number
  compressedSize: number
  size: number
  localOffset: number
}

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50

export class ZipError extends Error {
  readonly code = 'ZIP_MALFORMED' as const
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
  const count = data.readUInt16LE(eocd + 10)
  const cdOffset = data.readUInt32LE(eocd + 16)
  // Archives with a prefix (self-extracting, or a launcher script before the zip) shift every offset.
  const cdSize = data.readUInt32LE(eocd + 12)
  const shift = eocd - cdSize - cdOffset > 0 ? eocd - cdSize - cdOffset : 0
  const entries: ZipEntry[] = []
  let at = cdOffset + shift
  for (let i = 0; i < count; i++) {
    if (at + 46 > data.length || data.readUInt32LE(at) !== CENTRAL) {
      throw new ZipError(`central directory entry ${i} of ${count} is missing or out of bounds`)
    }
    const nameLen = data.readUInt16LE(at + 28)
    const extraLen = data.readUInt16LE(at + 30)
    const commentLen = data.readUInt16LE(at + 32)
    if (at + 46 + nameLen > data.length) throw new ZipError(`entry ${i} name runs past the end`)
    entries.push({
      name: data.toString('utf8', at + 46, at + 46 + nameLen),
      method: data.readUInt16LE(at + 10),
      compressedSize: data.readUInt32LE(at + 20),
      size: data.readUInt32LE(at + 24),
      localOffset: data.readUInt32LE(at + 42) + shift
    })
    at += 46 + nameLen + extraLen + commentLen
  }
  return entries
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
    throw new ZipError(
      `${entry.name} does not inflate: ${cause instanceof Error ? cause.message : String(cause)}`
    )
  }
}

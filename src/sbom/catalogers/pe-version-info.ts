// VS_VERSIONINFO → StringFileInfo → StringTable → String key/values, walked the way Syft v1.57 walks them
// (its quirks included: only the first table of each StringFileInfo is read), so the same fields come out.
import { PeCursor, alignDword } from './pe-cursor.js'

const FIXED_FILE_INFO_SIZE = 52
const HEADER_SIZE = 6 // wLength, wValueLength, wType

/**
 * Adds the string fields of one resource blob to `fields` when the blob is a VS_VERSIONINFO; other
 * resources (icons, manifests) are left alone. Later blobs overwrite keys of earlier ones, as in Syft.
 */
export function parseVersionResource(data: Buffer, fields: Map<string, string>): void {
  const r = new PeCursor(data)
  let offset = 0
  if (!r.read(HEADER_SIZE)) return
  offset += HEADER_SIZE
  const key = r.readUtf16()
  offset += key.consumed
  if (key.text !== 'VS_VERSION_INFO') return
  offset = alignDword(offset)
  r.seek(offset)
  const fixed = r.read(FIXED_FILE_INFO_SIZE)
  if (!fixed) return
  offset += FIXED_FILE_INFO_SIZE

  while (r.remaining() > 0) {
    offset = alignDword(offset)
    r.seek(offset)
    const block = r.read(HEADER_SIZE)
    if (!block) break // a resource ending with its VarFileInfo runs out here
    offset += HEADER_SIZE
    const blockKey = r.readUtf16()
    offset += blockKey.consumed
    if (blockKey.text !== 'StringFileInfo') {
      offset += block.readUInt16LE(2)
      continue
    }
    const table = r.read(HEADER_SIZE)
    if (!table) break
    offset += HEADER_SIZE
    const language = r.readUtf16()
    offset += language.consumed
    offset = readStringTable(r, offset, HEADER_SIZE + language.consumed, table.readUInt16LE(0), fields)
  }

  if (!fields.get('FileVersion')) {
    // no FileVersion string: derive it from VS_FIXEDFILEINFO's dwFileVersionMS/LS
    const ms = fixed.readUInt32LE(8)
    const ls = fixed.readUInt32LE(12)
    fields.set('FileVersion', `${ms >>> 16}.${ms & 0xffff}.${ls >>> 16}.${ls & 0xffff}`)
  }
}

/** Reads String children while the table's wLength says more remain; returns the new blob offset. */
function readStringTable(
  r: PeCursor,
  offset: number,
  consumed: number,
  length: number,
  fields: Map<string, string>
): number {
  const align = (): void => {
    const aligned = alignDword(offset)
    consumed += aligned - offset
    offset = aligned
    r.seek(offset)
  }
  while (consumed < length) {
    const head = r.read(HEADER_SIZE)
    if (!head) break // the table claims more than the resource holds
    offset += HEADER_SIZE
    consumed += HEADER_SIZE
    const key = r.readUtf16()
    offset += key.consumed
    consumed += key.consumed
    align()
    let value = ''
    if (head.readUInt16LE(2) > 0) {
      const read = r.readUtf16()
      offset += read.consumed
      consumed += read.consumed
      value = read.text
    }
    fields.set(key.text, value)
    align()
  }
  return offset
}

// Decoding of one 512-byte tar header block (ustar, GNU and the PAX records that override it).

export const BLOCK = 512

export type TarEntryType = 'file' | 'hardlink' | 'symlink' | 'directory' | 'other'

export interface RawHeader {
  name: string
  mode: number
  size: number
  typeflag: string
  linkname: string
}

export class TarFormatError extends Error {
  readonly code = 'TAR_CORRUPT' as const
}

function cString(block: Buffer, start: number, length: number): string {
  const end = block.indexOf(0, start)
  const stop = end === -1 || end > start + length ? start + length : end
  return block.toString('utf8', start, stop)
}

/** Octal field, or GNU base-256 when the high bit of the first byte is set. */
function numeric(block: Buffer, start: number, length: number): number {
  if (block[start]! & 0x80) {
    let value = block[start]! & 0x7f
    for (let i = start + 1; i < start + length; i++) value = value * 256 + block[i]!
    return value
  }
  const text = cString(block, start, length).trim()
  if (text === '') return 0
  if (!/^[0-7]+$/.test(text)) throw new TarFormatError(`bad octal field "${text}"`)
  return parseInt(text, 8)
}

export function isZeroBlock(block: Buffer): boolean {
  for (let i = 0; i < BLOCK; i++) if (block[i] !== 0) return false
  return true
}

/** Parses a header block; throws TarFormatError when the checksum or a numeric field is wrong. */
export function parseHeader(block: Buffer): RawHeader {
  const expected = numeric(block, 148, 8)
  let sum = 0
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : block[i]!
  if (sum !== expected) throw new TarFormatError(`header checksum mismatch (${sum} != ${expected})`)
  let name = cString(block, 0, 100)
  // Only POSIX ustar uses the prefix field; GNU stores times there.
  if (block.toString('latin1', 257, 263) === 'ustar\0') {
    const prefix = cString(block, 345, 155)
    if (prefix) name = `${prefix}/${name}`
  }
  return {
    name,
    mode: numeric(block, 100, 8),
    size: numeric(block, 124, 12),
    typeflag: String.fromCharCode(block[156]!),
    linkname: cString(block, 157, 100)
  }
}

export function entryType(typeflag: string): TarEntryType {
  switch (typeflag) {
    case '0':
    case '\0':
    case '7':
      return 'file'
    case '1':
      return 'hardlink'
    case '2':
      return 'symlink'
    case '5':
      return 'directory'
    default:
      return 'other'
  }
}

/** PAX extended header records: "<len> key=value\n". */
export function parsePax(data: Buffer): Record<string, string> {
  const out: Record<string, string> = {}
  let pos = 0
  while (pos < data.length) {
    const space = data.indexOf(0x20, pos)
    if (space === -1) break
    const len = parseInt(data.toString('latin1', pos, space), 10)
    if (!Number.isFinite(len) || len <= 0 || pos + len > data.length) {
      throw new TarFormatError('malformed PAX record')
    }
    const record = data.toString('utf8', space + 1, pos + len - 1)
    const eq = record.indexOf('=')
    if (eq > 0) out[record.slice(0, eq)] = record.slice(eq + 1)
    pos += len
  }
  return out
}

/**
 * Turns a tar entry name into an absolute image path ("/usr/bin/x"), or undefined when it escapes
 * the root through "..": the caller warns and skips such entries.
 */
export function normalizeTarPath(name: string): string | undefined {
  const parts: string[] = []
  for (const part of name.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') {
      if (parts.length === 0) return undefined
      parts.pop()
      continue
    }
    parts.push(part)
  }
  return '/' + parts.join('/')
}

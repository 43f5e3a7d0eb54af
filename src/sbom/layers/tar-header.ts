// Decoding of one 512-byte tar header block (ustar, GNU and the PAX records that override it).
import { CodedError } from '../../errors/index.js'

export const BLOCK = 512

export type TarEntryType = 'file' | 'hardlink' | 'symlink' | 'directory' | 'other'

export interface RawHeader {
  name: string
  mode: number
  size: number
  typeflag: string
  linkname: string
}

export class TarFormatError extends CodedError<'TAR_CORRUPT'> {
  constructor(message: string, options?: { cause?: unknown }) {
    super('TAR_CORRUPT', message, options)
    this.name = 'TarFormatError'
  }
}

/** End of a NUL-terminated field (its length when unterminated). */
function fieldEnd(block: Buffer, start: number, length: number): number {
  const stop = start + length
  for (let i = start; i < stop; i++) if (block[i] === 0) return i
  return stop
}

function cString(block: Buffer, start: number, length: number): string {
  return block.toString('utf8', start, fieldEnd(block, start, length))
}

/** Octal field (spaces and NULs around the digits), or GNU base-256 when the high bit is set. */
function numeric(block: Buffer, start: number, length: number): number {
  if (block[start]! & 0x80) {
    let value = block[start]! & 0x7f
    for (let i = start + 1; i < start + length; i++) value = value * 256 + block[i]!
    return value
  }
  let value = 0
  let digits = false
  for (let i = start; i < start + length; i++) {
    const c = block[i]!
    if (c === 0 || (c === 0x20 && digits)) break
    if (c === 0x20) continue
    if (c < 0x30 || c > 0x37) {
      throw new TarFormatError(`bad octal field "${block.toString('latin1', start, start + length)}"`)
    }
    value = value * 8 + (c - 0x30)
    digits = true
  }
  return value
}

const USTAR = Buffer.from('ustar\0', 'latin1')

export function isZeroBlock(block: Buffer): boolean {
  for (let i = 0; i < BLOCK; i++) if (block[i] !== 0) return false
  return true
}

/** Parses a header block; throws TarFormatError when the checksum or a numeric field is wrong. */
export function parseHeader(block: Buffer): RawHeader {
  const expected = numeric(block, 148, 8)
  // The checksum field counts as eight spaces.
  let sum = 8 * 32
  for (let i = 0; i < 148; i++) sum += block[i]!
  for (let i = 156; i < BLOCK; i++) sum += block[i]!
  if (sum !== expected) throw new TarFormatError(`header checksum mismatch (${sum} != ${expected})`)
  const typeflag = String.fromCharCode(block[156]!)
  let name = cString(block, 0, 100)
  // Only POSIX ustar uses the prefix field; GNU stores times there.
  if (block.compare(USTAR, 0, 6, 257, 263) === 0) {
    const prefix = cString(block, 345, 155)
    if (prefix) name = `${prefix}/${name}`
  }
  return {
    name,
    mode: numeric(block, 100, 8),
    size: numeric(block, 124, 12),
    typeflag,
    // Only links use the field; other entries' bytes there are not decoded.
    linkname: typeflag === '1' || typeflag === '2' ? cString(block, 157, 100) : ''
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
  let plain = name
  while (plain.startsWith('./')) plain = plain.slice(2)
  // Fast path for the usual "usr/bin/x" or "usr/bin/": nothing to resolve.
  if (
    plain !== '.' &&
    plain !== '..' &&
    !plain.startsWith('/') &&
    !plain.startsWith('../') &&
    !plain.includes('//') &&
    !plain.includes('/./') &&
    !plain.includes('/../') &&
    !plain.endsWith('/.') &&
    !plain.endsWith('/..')
  ) {
    const trimmed = plain.endsWith('/') ? plain.slice(0, -1) : plain
    return '/' + trimmed
  }
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

// Apple property lists, XML (`<plist>`) and binary (`bplist00`), read into plain values. Only what bundle
// metadata needs: strings, numbers, booleans, arrays and dictionaries (dates and data kept as opaque kinds).

export type PlistValue =
  | { kind: 'string'; value: string }
  | { kind: 'integer' | 'real'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'array'; value: PlistValue[] }
  | { kind: 'dict'; value: Map<string, PlistValue> }
  | { kind: 'date' | 'data' | 'uid' | 'null' }

const MAX_DEPTH = 64

export function parsePlist(data: Buffer): PlistValue {
  if (data.length >= 8 && data.toString('latin1', 0, 8) === 'bplist00') return parseBinary(data)
  return parseXml(data.toString('utf8'))
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(Number.parseInt(ref.slice(2), 16))
    if (ref.startsWith('#')) return String.fromCodePoint(Number.parseInt(ref.slice(1), 10))
    return ENTITIES[ref] ?? whole
  })
}

function parseXml(text: string): PlistValue {
  // Prolog, doctype and comments carry nothing; CDATA sections become escaped text.
  const body = text
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<\?[\s\S]*?\?>/g, '')
    .replace(/<!DOCTYPE[^>]*>/g, '')
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;'))
  const tokens = body.match(/<[^>]*>|[^<]+/g) ?? []
  let i = 0
  const nextTag = (): string => {
    while (i < tokens.length && !tokens[i]!.startsWith('<')) {
      if (tokens[i]!.trim() !== '') throw new Error('text outside an element')
      i++
    }
    const tag = tokens[i++]
    if (tag === undefined) throw new Error('unexpected end of plist')
    return tag
  }
  const textUntil = (name: string): string => {
    let out = ''
    while (tokens[i] !== undefined && !tokens[i]!.startsWith('<')) out += tokens[i++]
    if (nextTag() !== `</${name}>`) throw new Error(`unclosed <${name}>`)
    return unescapeXml(out)
  }
  const value = (tag: string, depth: number): PlistValue => {
    if (depth > MAX_DEPTH) throw new Error('plist nested too deeply')
    const m = /^<([a-z]+)\s*(\/?)>$/.exec(tag)
    if (!m) throw new Error(`unexpected ${tag.slice(0, 40)}`)
    const [, name, selfClosing] = m as unknown as [string, string, string]
    switch (name) {
      case 'true':
      case 'false':
        if (!selfClosing) textUntil(name)
        return { kind: 'boolean', value: name === 'true' }
      case 'string':
        return { kind: 'string', value: selfClosing ? '' : textUntil(name) }
      case 'integer':
      case 'real':
        return { kind: name, value: Number(selfClosing ? '0' : textUntil(name).trim()) }
      case 'date':
      case 'data':
        if (!selfClosing) textUntil(name)
        return { kind: name }
      case 'array': {
        const items: PlistValue[] = []
        if (selfClosing) return { kind: 'array', value: items }
        for (let t = nextTag(); t !== '</array>'; t = nextTag()) items.push(value(t, depth + 1))
        return { kind: 'array', value: items }
      }
      case 'dict': {
        const entries = new Map<string, PlistValue>()
        if (selfClosing) return { kind: 'dict', value: entries }
        for (let t = nextTag(); t !== '</dict>'; t = nextTag()) {
          if (t !== '<key>') throw new Error('a dict entry without <key>')
          const key = textUntil('key')
          entries.set(key, value(nextTag(), depth + 1))
        }
        return { kind: 'dict', value: entries }
      }
      default:
        throw new Error(`unknown plist element <${name}>`)
    }
  }
  const first = nextTag()
  if (/^<plist[\s>]/.test(first)) {
    const root = value(nextTag(), 0)
    if (nextTag() !== '</plist>') throw new Error('unclosed <plist>')
    return root
  }
  return value(first, 0)
}

function parseBinary(data: Buffer): PlistValue {
  if (data.length < 40) throw new Error('binary plist too short')
  const trailer = data.length - 32
  const offsetSize = data[trailer + 6]!
  const refSize = data[trailer + 7]!
  const count = Number(data.readBigUInt64BE(trailer + 8))
  const top = Number(data.readBigUInt64BE(trailer + 16))
  const table = Number(data.readBigUInt64BE(trailer + 24))
  if (offsetSize < 1 || offsetSize > 8 || refSize < 1 || refSize > 8 || table + count * offsetSize > trailer)
    throw new Error('bad binary plist trailer')
  const uint = (at: number, size: number): number => {
    if (at + size > data.length) throw new Error('binary plist truncated')
    let n = 0
    for (let k = 0; k < size; k++) n = n * 256 + data[at + k]!
    return n
  }
  const offsetOf = (ref: number): number => {
    if (ref >= count) throw new Error('binary plist reference out of range')
    return uint(table + ref * offsetSize, offsetSize)
  }
  /** Length from the marker's low nibble, or from the integer object after it (0xF). */
  const lengthAt = (at: number): [number, number] => {
    const low = data[at]! & 0x0f
    if (low !== 0x0f) return [low, at + 1]
    const marker = data[at + 1]!
    if (marker >> 4 !== 0x1) throw new Error('bad binary plist length')
    const size = 1 << (marker & 0x0f)
    return [uint(at + 2, size), at + 2 + size]
  }
  const object = (ref: number, depth: number): PlistValue => {
    if (depth > MAX_DEPTH) throw new Error('plist nested too deeply')
    const at = offsetOf(ref)
    const marker = data[at]
    if (marker === undefined) throw new Error('binary plist truncated')
    switch (marker >> 4) {
      case 0x0:
        return marker === 0x08 || marker === 0x09
          ? { kind: 'boolean', value: marker === 0x09 }
          : { kind: 'null' }
      case 0x1:
        return { kind: 'integer', value: uint(at + 1, 1 << (marker & 0x0f)) }
      case 0x2:
        return {
          kind: 'real',
          value: (marker & 0x0f) === 2 ? data.readFloatBE(at + 1) : data.readDoubleBE(at + 1)
        }
      case 0x3:
        return { kind: 'date' }
      case 0x4:
        return { kind: 'data' }
      case 0x5: {
        const [n, start] = lengthAt(at)
        return { kind: 'string', value: data.toString('latin1', start, start + n) }
      }
      case 0x6: {
        const [n, start] = lengthAt(at)
        const be = Buffer.from(data.subarray(start, start + 2 * n))
        return { kind: 'string', value: be.swap16().toString('utf16le') }
      }
      case 0x8:
        return { kind: 'uid' }
      case 0xa: {
        const [n, start] = lengthAt(at)
        const items: PlistValue[] = []
        for (let k = 0; k < n; k++) items.push(object(uint(start + k * refSize, refSize), depth + 1))
        return { kind: 'array', value: items }
      }
      case 0xd: {
        const [n, start] = lengthAt(at)
        const entries = new Map<string, PlistValue>()
        for (let k = 0; k < n; k++) {
          const key = object(uint(start + k * refSize, refSize), depth + 1)
          if (key.kind !== 'string') throw new Error('binary plist dict key is not a string')
          entries.set(key.value, object(uint(start + (n + k) * refSize, refSize), depth + 1))
        }
        return { kind: 'dict', value: entries }
      }
      default:
        throw new Error(`unknown binary plist object 0x${marker.toString(16)}`)
    }
  }
  return object(top, 0)
}

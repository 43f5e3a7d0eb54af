// PHP's serialize() format (PEAR writes its registry with it): s:<bytes>:"…"; i:…; b:…; d:…; N; a:<n>:{k;v…}.
export type PhpValue = string | number | boolean | null | Map<string | number, PhpValue>

class Reader {
  pos = 0
  constructor(private readonly data: Buffer) {}

  expect(ch: string): void {
    if (this.data[this.pos] !== ch.charCodeAt(0)) throw new Error(`expected "${ch}" at byte ${this.pos}`)
    this.pos++
  }

  until(ch: string): string {
    const end = this.data.indexOf(ch, this.pos)
    if (end < 0) throw new Error(`unterminated value at byte ${this.pos}`)
    const text = this.data.toString('latin1', this.pos, end)
    this.pos = end + 1
    return text
  }

  value(depth: number): PhpValue {
    if (depth > 64) throw new Error('nesting too deep')
    const tag = String.fromCharCode(this.data[this.pos] ?? 0)
    this.pos++
    if (tag === 'N') {
      this.expect(';')
      return null
    }
    this.expect(':')
    switch (tag) {
      case 's': {
        const length = Number(this.until(':'))
        if (!Number.isSafeInteger(length) || length < 0 || this.pos + length + 2 > this.data.length)
          throw new Error(`bad string length at byte ${this.pos}`)
        this.expect('"')
        // Lengths count bytes, and PEAR files are UTF-8.
        const text = this.data.toString('utf8', this.pos, this.pos + length)
        this.pos += length
        this.expect('"')
        this.expect(';')
        return text
      }
      case 'i':
      case 'd':
        return Number(this.until(';'))
      case 'b':
        return this.until(';') === '1'
      case 'a': {
        const count = Number(this.until(':'))
        if (!Number.isSafeInteger(count) || count < 0) throw new Error(`bad array size at byte ${this.pos}`)
        this.expect('{')
        const map = new Map<string | number, PhpValue>()
        for (let i = 0; i < count; i++) {
          const key = this.value(depth + 1)
          if (typeof key !== 'string' && typeof key !== 'number') throw new Error('array key is not a scalar')
          map.set(key, this.value(depth + 1))
        }
        this.expect('}')
        return map
      }
      default:
        throw new Error(`unsupported type "${tag}" at byte ${this.pos - 2}`)
    }
  }
}

/** Parses one serialized value; throws on anything malformed. */
export function unserialize(data: Buffer): PhpValue {
  return new Reader(data).value(0)
}

/** Follows nested array keys; undefined when a step is missing or not an array, or the end is not a string. */
export function stringAt(value: PhpValue | undefined, ...keys: string[]): string | undefined {
  let at: PhpValue | undefined = value
  for (const key of keys) at = at instanceof Map ? at.get(key) : undefined
  return typeof at === 'string' ? at : undefined
}

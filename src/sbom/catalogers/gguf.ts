// GGUF model files (llama.cpp's format): the header's key/values name the model (general.name, else the file
// name), its version and license. Only the header is read: the reader keeps the first 50 MiB of the file.
import type { CatalogContext, CatalogedFile, Cataloger, FileCandidate, Package } from './types.js'

export const GGUF_CATALOGER = 'gguf-cataloger'
/** What Syft copies of a model before parsing it (large tokenizer vocabularies); a longer header fails there. */
const HEADER_BYTES = 50 * 1024 * 1024
const MAGIC = 0x46554747 // "GGUF"
const MAX_KV = 65536
/** Bytes of the fixed-size value types, by GGUF type id (8 string and 9 array vary). */
const FIXED: Record<number, number> = { 0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8 }
const MAX_DEPTH = 8

class Reader {
  pos = 0
  constructor(
    private readonly b: Buffer,
    private readonly v1: boolean
  ) {}
  need(n: number): void {
    if (n < 0 || this.pos + n > this.b.length) throw new Error('GGUF header runs past the bytes read')
  }
  u32(): number {
    this.need(4)
    const v = this.b.readUInt32LE(this.pos)
    this.pos += 4
    return v
  }
  /** Counts and lengths: 32-bit in GGUF v1, 64-bit since. */
  len(): number {
    if (this.v1) return this.u32()
    this.need(8)
    const v = this.b.readBigUInt64LE(this.pos)
    this.pos += 8
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new Error('GGUF length out of range')
    return Number(v)
  }
  str(): string {
    const n = this.len()
    this.need(n)
    const s = this.b.toString('utf8', this.pos, this.pos + n)
    this.pos += n
    return s
  }
  skipValue(type: number, depth = 0): void {
    if (depth > MAX_DEPTH) throw new Error('GGUF arrays nested too deeply')
    const fixed = FIXED[type]
    if (fixed !== undefined) {
      this.need(fixed)
      this.pos += fixed
    } else if (type === 8) this.str()
    else if (type === 9) {
      const inner = this.u32()
      const count = this.len()
      const innerFixed = FIXED[inner]
      if (innerFixed !== undefined) {
        this.need(count * innerFixed)
        this.pos += count * innerFixed
      } else for (let i = 0; i < count; i++) this.skipValue(inner, depth + 1)
    } else throw new Error(`unknown GGUF value type ${type}`)
  }
}

export interface GgufHeader {
  version: number
  strings: Map<string, string>
}

/** The header's string values; throws when the bytes are not a whole GGUF header. */
export function parseGgufHeader(data: Buffer): GgufHeader {
  if (data.length < 8 || data.readUInt32LE(0) !== MAGIC) throw new Error('not a GGUF file')
  const version = data.readUInt32LE(4)
  const r = new Reader(data, version <= 1)
  r.pos = 8
  const tensors = r.len()
  const kvs = r.len()
  if (kvs > MAX_KV) throw new Error(`${kvs} metadata entries`)
  const strings = new Map<string, string>()
  for (let i = 0; i < kvs; i++) {
    const key = r.str()
    const type = r.u32()
    if (type === 8) strings.set(key, r.str())
    else r.skipValue(type)
  }
  // Tensor infos end the header: name, dimensions, type, offset.
  for (let i = 0; i < tensors; i++) {
    r.str()
    const dims = r.u32()
    for (let d = 0; d < dims; d++) r.len()
    r.u32()
    r.need(8)
    r.pos += 8
  }
  return { version, strings }
}

export const ggufCataloger: Cataloger = {
  name: GGUF_CATALOGER,
  headerBytes: HEADER_BYTES,
  wants: (file: FileCandidate) => file.path.endsWith('.gguf'),
  parse(file: CatalogedFile, ctx: CatalogContext): Package[] {
    let header: GgufHeader
    try {
      header = parseGgufHeader(file.data)
    } catch (err) {
      ctx.warn((err as Error).message)
      return []
    }
    const base = file.path.slice(file.path.lastIndexOf('/') + 1)
    const name = header.strings.get('general.name') || base.replace(/\.gguf$/, '')
    if (name === '') return []
    const license = header.strings.get('general.license') ?? ''
    const pkg: Package = {
      name,
      // Syft reports a model without general.version as UNKNOWN.
      version: header.strings.get('general.version') || 'UNKNOWN',
      type: 'model',
      // No purl type exists for model files; Syft writes none.
      purl: '',
      foundBy: GGUF_CATALOGER,
      locations: [file.path],
      metadata: {
        ggufVersion: String(header.version),
        ...(header.strings.get('general.architecture')
          ? { architecture: header.strings.get('general.architecture')! }
          : {})
      }
    }
    if (license !== '') pkg.licenses = [license]
    return [pkg]
  }
}

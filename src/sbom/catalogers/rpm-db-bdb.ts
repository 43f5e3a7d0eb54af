// Berkeley DB hash files (rpm ≤ 4.15 "Packages", RHEL ≤ 8), read page by page as go-rpmdb does.

const HASH_MAGIC = 0x00061561
const META_PAGE = 8
const HASH_UNSORTED = 2
const HASH_PAGE = 13
const OVERFLOW_PAGE = 7
const H_KEYDATA = 1
const H_OFFPAGE = 3
const PAGE_HEADER = 26
const PAGE_SIZES = new Set([512, 1024, 2048, 4096, 8192, 16384, 32768, 65536])

export function isBdbHash(data: Buffer): boolean {
  if (data.length < 512) return false
  return data.readUInt32LE(12) === HASH_MAGIC || data.readUInt32BE(12) === HASH_MAGIC
}

/** Every record value (header blob) of the hash database. Throws for an unusable metadata page. */
export function bdbBlobs(data: Buffer, warn: (message: string) => void): Buffer[] {
  const swapped = data.readUInt32LE(12) !== HASH_MAGIC
  const u16 = (b: Buffer, o: number): number => (swapped ? b.readUInt16BE(o) : b.readUInt16LE(o))
  const u32 = (b: Buffer, o: number): number => (swapped ? b.readUInt32BE(o) : b.readUInt32LE(o))
  const pageSize = u32(data, 20)
  if (!PAGE_SIZES.has(pageSize)) throw new Error(`unexpected Berkeley DB page size ${pageSize}`)
  if (data[24] !== 0) throw new Error('encrypted Berkeley DB')
  if (data[25] !== META_PAGE) throw new Error(`first page has type ${data[25]}, not hash metadata`)
  const lastPage = Math.min(u32(data, 32), Math.floor(data.length / pageSize) - 1)
  const page = (n: number): Buffer | undefined =>
    (n + 1) * pageSize <= data.length ? data.subarray(n * pageSize, (n + 1) * pageSize) : undefined
  const blobs: Buffer[] = []
  for (let n = 0; n <= lastPage; n++) {
    const p = page(n)!
    if (p[25] !== HASH_PAGE && p[25] !== HASH_UNSORTED) continue
    const entries = u16(p, 20)
    // Index slots come in key/value pairs; the value's offset is the second of each pair.
    for (let k = 1; k < entries; k += 2) {
      const at = PAGE_HEADER + k * 2
      if (at + 2 > p.length) break
      const off = u16(p, at)
      if (off >= p.length) continue
      if (p[off] === H_OFFPAGE && off + 12 <= p.length) {
        const blob = readOverflow(u32(p, off + 4), u32(p, off + 8))
        if (blob) blobs.push(blob)
      } else if (p[off] === H_KEYDATA) {
        // go-rpmdb reads only off-page values; an on-page value ends where its key (the item before) starts.
        // rpm's record 0 holds a 4-byte counter, not a header: too short to be one.
        const end = u16(p, PAGE_HEADER + (k - 1) * 2)
        if (end >= off + 1 + 16 && end <= p.length) blobs.push(p.subarray(off + 1, end))
      }
    }
  }
  return blobs

  function readOverflow(first: number, length: number): Buffer | undefined {
    const parts: Buffer[] = []
    const seen = new Set<number>()
    let total = 0
    for (let n = first; n !== 0;) {
      const p = page(n)
      if (!p || seen.has(n) || p[25] !== OVERFLOW_PAGE) {
        warn(`overflow chain from page ${first} breaks at page ${n}`)
        return undefined
      }
      seen.add(n)
      const next = u32(p, 16)
      const used = next === 0 ? u16(p, 22) : pageSize - PAGE_HEADER
      parts.push(p.subarray(PAGE_HEADER, Math.min(PAGE_HEADER + used, p.length)))
      total += used
      n = next
    }
    const blob = Buffer.concat(parts)
    return total >= length ? blob.subarray(0, length) : blob
  }
}

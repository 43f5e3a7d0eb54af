// A compact set of paths (8 bytes each, as 52-bit hashes): enough to tell whether an upper layer
// replaced a lower file without keeping a per-file tree of the image.

/** Two FNV-1a variants folded into one 52-bit number (exact in a double). */
export function pathHash(path: string): number {
  let a = 0x811c9dc5
  let b = 0x01000193 ^ 0x5bd1e995
  for (let i = 0; i < path.length; i++) {
    const c = path.charCodeAt(i)
    a = Math.imul(a ^ c, 0x01000193)
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 13)
  }
  return (a >>> 0) * 0x100000 + ((b >>> 0) & 0xfffff)
}

export class PathHashSet {
  private values = new Float64Array(1024)
  private length = 0
  private sorted = true

  add(path: string): void {
    this.addHash(pathHash(path))
  }

  /** Adds a hash computed once for several sets. */
  addHash(hash: number): void {
    if (this.length === this.values.length) {
      const grown = new Float64Array(this.values.length * 2)
      grown.set(this.values)
      this.values = grown
    }
    this.values[this.length++] = hash
    this.sorted = false
  }

  get size(): number {
    return this.length
  }

  /** Sorts once and drops the spare capacity; call when the layer is done. */
  seal(): void {
    this.values = this.values.slice(0, this.length)
    this.values.sort()
    this.sorted = true
  }

  has(path: string): boolean {
    if (!this.sorted) this.seal()
    const h = pathHash(path)
    let lo = 0
    let hi = this.length - 1
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1
      const v = this.values[mid]!
      if (v === h) return true
      if (v < h) lo = mid + 1
      else hi = mid - 1
    }
    return false
  }
}

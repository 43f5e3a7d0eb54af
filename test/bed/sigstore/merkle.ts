// RFC 6962 Merkle tree: leaf hash sha256(0x00||leaf), node hash sha256(0x01||left||right).
import { createHash } from 'node:crypto'

export const leafHash = (leaf: Buffer): Buffer =>
  createHash('sha256')
    .update(Buffer.from([0]))
    .update(leaf)
    .digest()
export const nodeHash = (left: Buffer, right: Buffer): Buffer =>
  createHash('sha256')
    .update(Buffer.from([1]))
    .update(left)
    .update(right)
    .digest()

/** Largest power of two strictly smaller than n (n > 1). */
function split(n: number): number {
  let k = 1
  while (k * 2 < n) k *= 2
  return k
}

export class MerkleTree {
  private readonly leaves: Buffer[] = []
  // memo of complete subtrees keyed by "start:size"; complete subtrees never change
  private readonly memo = new Map<string, Buffer>()

  get size(): number {
    return this.leaves.length
  }

  /** Appends the hash of a leaf and returns its index. */
  append(hashOfLeaf: Buffer): number {
    this.leaves.push(hashOfLeaf)
    return this.leaves.length - 1
  }

  leafAt(index: number): Buffer {
    const h = this.leaves[index]
    if (!h) throw new RangeError(`leaf ${index} is outside a tree of ${this.leaves.length}`)
    return h
  }

  /** MTH over leaves[start, start+size). */
  private hash(start: number, size: number): Buffer {
    if (size === 0) return createHash('sha256').digest()
    if (size === 1) return this.leafAt(start)
    const complete = (size & (size - 1)) === 0
    const key = `${start}:${size}`
    if (complete) {
      const hit = this.memo.get(key)
      if (hit) return hit
    }
    const k = split(size)
    const h = nodeHash(this.hash(start, k), this.hash(start + k, size - k))
    if (complete) this.memo.set(key, h)
    return h
  }

  root(size = this.size): Buffer {
    return this.hash(0, size)
  }

  /** Audit path PATH(m, D[0:size]) of RFC 6962 §2.1.1, leaf side first. */
  inclusionProof(index: number, size = this.size): Buffer[] {
    if (index < 0 || index >= size || size > this.size)
      throw new RangeError(`no leaf ${index} in a tree of ${size}`)
    const path = (m: number, start: number, n: number): Buffer[] => {
      if (n <= 1) return []
      const k = split(n)
      return m < k
        ? [...path(m, start, k), this.hash(start + k, n - k)]
        : [...path(m - k, start + k, n - k), this.hash(start, k)]
    }
    return path(index, 0, size)
  }

  /** Consistency proof PROOF(m, D[0:n]) of RFC 6962 §2.1.2. */
  consistencyProof(m: number, n = this.size): Buffer[] {
    if (m <= 0 || m > n || n > this.size) throw new RangeError(`no consistency proof from ${m} to ${n}`)
    const subproof = (mm: number, start: number, size: number, whole: boolean): Buffer[] => {
      if (mm === size) return whole ? [] : [this.hash(start, size)]
      const k = split(size)
      return mm <= k
        ? [...subproof(mm, start, k, whole), this.hash(start + k, size - k)]
        : [...subproof(mm - k, start + k, size - k, false), this.hash(start, k)]
    }
    return m === n ? [] : subproof(m, 0, n, true)
  }
}

/** Recomputes the root from an inclusion proof (RFC 9162 §2.1.3.2), as clients do. */
export function rootFromInclusionProof(index: number, size: number, leaf: Buffer, proof: Buffer[]): Buffer {
  if (index >= size) throw new RangeError('index beyond tree size')
  let fn = index
  let sn = size - 1
  let r = leaf
  for (const p of proof) {
    if (sn === 0) throw new Error('proof too long')
    if ((fn & 1) === 1 || fn === sn) {
      r = nodeHash(p, r)
      if ((fn & 1) === 0) {
        while ((fn & 1) === 0 && fn !== 0) {
          fn >>= 1
          sn >>= 1
        }
      }
    } else {
      r = nodeHash(r, p)
    }
    fn >>= 1
    sn >>= 1
  }
  if (sn !== 0) throw new Error('proof too short')
  return r
}

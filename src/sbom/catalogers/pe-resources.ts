// The .rsrc directory tree (type → name → language → data entry), walked with Syft v1.57's bounds: at most
// 0x1000 entries a directory, 32 levels, each directory once, and 4× the section's size read in total.
import { PeCursor } from './pe-cursor.js'
import { parseVersionResource } from './pe-version-info.js'

const MAX_ENTRIES = 0x1000
const MAX_DEPTH = 32
const BUDGET_FACTOR = 4
const HIGH_BIT = 0x80000000

export interface ResourceWalkResult {
  /** String fields of every VS_VERSIONINFO found (later ones overwrite earlier keys). */
  fields: Map<string, string>
  /** A resource named "CLRDEBUGINFO" was seen: evidence of a .NET assembly. */
  clrDebugInfo: boolean
  /** Why the walk stopped early (budget or depth), if it did; what it found so far is kept. */
  stopped?: string
}

interface Walk extends ResourceWalkResult {
  r: PeCursor
  base: number
  dirs: Set<number>
  budget: number
  depth: number
}

/** 'skip' drops one entry (its siblings are still read); 'stop' ends the whole walk. */
type Outcome = 'ok' | 'skip' | 'stop'

/** Walks the resource section `data`, whose first byte sits at virtual address `baseRva`. */
export function walkResources(data: Buffer, baseRva: number): ResourceWalkResult {
  const w: Walk = {
    r: new PeCursor(data),
    base: baseRva,
    dirs: new Set(),
    budget: data.length * BUDGET_FACTOR,
    depth: 0,
    fields: new Map(),
    clrDebugInfo: false
  }
  walkDirectory(w, baseRva)
  return { fields: w.fields, clrDebugInfo: w.clrDebugInfo, ...(w.stopped ? { stopped: w.stopped } : {}) }
}

function spend(w: Walk, n: number): boolean {
  w.budget -= n
  if (w.budget < 0) w.stopped = `read more than ${BUDGET_FACTOR}× the resource section`
  return w.budget >= 0
}

/** Section offset of an address, or undefined when the section does not hold it. */
function offsetOf(w: Walk, rva: number): number | undefined {
  if (rva < w.base || rva - w.base >= w.r.size) return undefined
  return rva - w.base
}

function walkDirectory(w: Walk, rva: number): Outcome {
  if (w.depth + 1 > MAX_DEPTH) {
    w.stopped = `resource directories nested deeper than ${MAX_DEPTH}`
    return 'stop'
  }
  const offset = offsetOf(w, rva)
  if (offset === undefined) return 'skip'
  w.r.seek(offset)
  if (!spend(w, 16)) return 'stop'
  const head = w.r.read(16)
  if (!head) return 'skip'
  const count = head.readUInt16LE(12) + head.readUInt16LE(14)
  if (count === 0 || count > MAX_ENTRIES) return 'skip'
  w.depth++
  try {
    for (let i = 0; i < count; i++) {
      if (!spend(w, 8)) return 'stop'
      w.r.seek(offset + 16 + 8 * i)
      const entry = w.r.read(8)
      if (!entry) continue
      if (walkEntry(w, entry.readUInt32LE(0), entry.readUInt32LE(4)) === 'stop') return 'stop'
    }
    return 'ok'
  } finally {
    w.depth--
  }
}

function walkEntry(w: Walk, name: number, offsetToData: number): Outcome {
  if (name >= HIGH_BIT) {
    // a named entry: only "CLRDEBUGINFO" matters (it marks a .NET assembly)
    const saved = w.r.pos
    const nameAt = name - HIGH_BIT
    if (nameAt >= w.r.size) return 'skip'
    w.r.seek(nameAt)
    const length = w.r.read(2)?.readUInt16LE(0) ?? 0
    if (length > 0 && length * 2 <= w.r.remaining()) {
      if (!spend(w, length * 2)) return 'stop'
      if (isClrDebugInfo(w.r.read(length * 2)!)) w.clrDebugInfo = true
    }
    w.r.seek(saved)
  }
  const target = (w.base + (offsetToData & 0x7fffffff)) >>> 0
  if (offsetToData < HIGH_BIT) return readDataEntry(w, target)
  if (w.dirs.has(target)) return 'skip' // a directory naming itself or an ancestor
  w.dirs.add(target)
  return walkDirectory(w, target)
}

function isClrDebugInfo(units: Buffer): boolean {
  const want = 'CLRDEBUGINFO'
  if (units.length !== want.length * 2) return false
  for (let i = 0; i < want.length; i++) if (units.readUInt16LE(2 * i) !== want.charCodeAt(i)) return false
  return true
}

function readDataEntry(w: Walk, rva: number): Outcome {
  const offset = offsetOf(w, rva)
  if (offset === undefined) return 'skip'
  w.r.seek(offset)
  if (!spend(w, 16)) return 'stop'
  const entry = w.r.read(16)
  if (!entry) return 'skip'
  const dataAt = offsetOf(w, entry.readUInt32LE(0))
  const size = entry.readUInt32LE(4)
  if (dataAt === undefined || size > w.r.size - dataAt) return 'skip'
  if (!spend(w, size)) return 'stop'
  parseVersionResource(w.r.data.subarray(dataAt, dataAt + size), w.fields)
  return 'ok'
}

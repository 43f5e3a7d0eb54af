// Bounded-time mutation fuzzing of a cataloger over real fixture bytes: no throw, no slow call.
import type { CatalogContext, CatalogedFile, Cataloger } from '../../../../src/sbom/catalogers/types.js'

/** Small deterministic PRNG so a failure can be replayed from the printed seed. */
function prng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function mutate(data: Buffer, rand: () => number): Buffer {
  const out = Buffer.from(data)
  const pick = (n: number): number => Math.floor(rand() * n)
  switch (pick(5)) {
    case 0: // flip bytes
      for (let i = 0, n = 1 + pick(16); i < n && out.length > 0; i++) out[pick(out.length)] = pick(256)
      return out
    case 1: // truncate
      return out.subarray(0, pick(out.length + 1))
    case 2: {
      // splice a chunk elsewhere (duplicates headers, shifts offsets)
      const start = pick(out.length + 1)
      const chunk = out.subarray(start, start + pick(256))
      const at = pick(out.length + 1)
      return Buffer.concat([out.subarray(0, at), chunk, out.subarray(at)])
    }
    case 3: // overwrite with extreme integers (sizes, counts, offsets)
      for (let i = 0, n = 1 + pick(4); i < n && out.length >= 4; i++) {
        out.writeUInt32BE([0xffffffff, 0x7fffffff, 0x80000000, 0][pick(4)]!, pick(out.length - 3))
      }
      return out
    default: // zero a range
      return out.fill(0, pick(out.length + 1), pick(out.length + 1))
  }
}

export interface FuzzReport {
  iterations: number
  warnings: number
  slowestMs: number
}

/** This process's CPU time in ms (every thread's: GC and JIT threads count too). */
const cpuMs = (): number => {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}

/**
 * Time spent since `from`, as the lesser of wall and CPU time: a loaded machine inflates wall time, parallel GC
 * threads inflate CPU time, and only a slow parser inflates both (a test run beside other jobs measured the
 * machine, not the parser, when this was wall time alone).
 */
const clock = () => ({ wall: performance.now(), cpu: cpuMs() })
const spent = (from: { wall: number; cpu: number }): number =>
  Math.min(performance.now() - from.wall, cpuMs() - from.cpu)

/** Mutates each seed file repeatedly for about `ms` ms (see `spent`), parsing and enriching every mutant. */
export async function fuzzCataloger(
  cataloger: Cataloger,
  seeds: CatalogedFile[],
  ms = 2000,
  seed = 1
): Promise<FuzzReport> {
  if (seeds.length === 0) throw new Error(`fuzzing ${cataloger.name}: no seed files`)
  const rand = prng(seed)
  const report: FuzzReport = { iterations: 0, warnings: 0, slowestMs: 0 }
  const ctx: CatalogContext = {
    distro: { id: 'debian', versionId: '12', fields: { ID: 'debian' } },
    warn: () => report.warnings++
  }
  const start = clock()
  // A wall-clock cap as well, so a machine starved of CPU still ends the loop.
  const wallCap = Date.now() + 20 * ms
  while (spent(start) < ms && Date.now() < wallCap) {
    const base = seeds[Math.floor(rand() * seeds.length)]!
    const file: CatalogedFile = { ...base, data: mutate(base.data, rand) }
    file.size = file.data.length
    const started = clock()
    const packages = await cataloger.parse(file, ctx)
    cataloger.enrich?.(packages, [file], ctx)
    report.slowestMs = Math.max(report.slowestMs, spent(started))
    report.iterations++
  }
  return report
}

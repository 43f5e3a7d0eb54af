// Benchmark: the large generated image in a registry; Syft (pinned) vs oci-attest vs the
// decompression floor, wall time and peak RSS, in the same run. Prints, does not assert.
//   node --import tsx bench/sbom/run.ts [--runs N]   (best wall of N interleaved rounds, default 2)
import { spawnSync } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import { buildLargeImage } from './build-large.js'
import { bundle } from './bundle.js'
import { compare, printParity } from './compare.js'
import { measure, type Measured } from './measure.js'
import { BENCH_DIR, CRANE, NODE, SYFT_VERSION } from './paths.js'
import { benchRegistry } from './registry.js'
import { readSyftPackages, runSyft } from './syft.js'

const runsFlag = process.argv.indexOf('--runs')
const runs = runsFlag === -1 ? 2 : Number(process.argv[runsFlag + 1])

const layout = await buildLargeImage()
const ours = bundle('src/cli/sbom-main.ts', 'sbom.cjs', 'cjs')
const floorScript = bundle('bench/sbom/floor.ts', 'floor.mjs', 'esm')
const registry = await benchRegistry()
try {
  const ref = `${registry.host}/bench/large:v1`
  const push = spawnSync(CRANE, ['push', layout, ref], { encoding: 'utf8' })
  if (push.status !== 0) throw new Error(`crane push: ${push.stderr}`)
  console.log(
    `image ${ref} (pushed from ${layout}); load average ${loadavg()
      .map(l => l.toFixed(1))
      .join(' ')}`
  )

  const oursOut = join(BENCH_DIR, 'large.ours.cdx.json')
  const syftOut = join(BENCH_DIR, 'large.syft.json')
  const best: Record<'syft' | 'ours' | 'floor', Measured | undefined> = {
    syft: undefined,
    ours: undefined,
    floor: undefined
  }
  const keep = (k: keyof typeof best, m: Measured) => {
    if (!best[k] || m.wallSeconds < best[k].wallSeconds) best[k] = m
    console.log(
      `  round: ${k.padEnd(5)} ${m.wallSeconds.toFixed(1)} s wall ${m.cpuSeconds.toFixed(1)} s cpu ${m.peakRssMiB.toFixed(0)} MiB`
    )
  }
  for (let i = 0; i < runs; i++) {
    keep('syft', await runSyft(ref, syftOut))
    const m = await measure(NODE, [ours, ref, '--output', oursOut, '--quiet'])
    if (m.exitCode !== 0) throw new Error(`oci-attest sbom failed: ${m.stderr.slice(-2000)}`)
    keep('ours', m)
    keep('floor', await measure(NODE, [floorScript, ref]))
  }
  const { syft, ours: us, floor } = best as Record<string, Measured>
  const row = (name: string, m: Measured) =>
    console.log(
      `${name.padEnd(24)} ${m.wallSeconds.toFixed(1).padStart(8)} s ${m.peakRssMiB.toFixed(0).padStart(8)} MiB`
    )
  console.log(`\n${''.padEnd(24)} ${'wall'.padStart(10)} ${'peak RSS'.padStart(12)}   (best of ${runs})`)
  row(`syft ${SYFT_VERSION}`, syft!)
  row('oci-attest sbom', us!)
  row('floor (fetch+decompress)', floor!)
  console.log(`\nours/syft wall  ${(us!.wallSeconds / syft!.wallSeconds).toFixed(3)}  (target ≤ 0.333)`)
  console.log(
    `ours/syft RSS   ${(us!.peakRssMiB / syft!.peakRssMiB).toFixed(3)}  (target ≤ 0.2, and < 300 MiB absolute)`
  )
  console.log(`ours/floor wall ${(us!.wallSeconds / floor!.wallSeconds).toFixed(3)}  (target ≤ 1.5)`)
  console.log(
    `ours/syft cpu   ${(us!.cpuSeconds / syft!.cpuSeconds).toFixed(3)}   ours/floor cpu ${(us!.cpuSeconds / floor!.cpuSeconds).toFixed(3)}`
  )

  const doc = JSON.parse(await readFile(oursOut, 'utf8')) as {
    components: Array<{
      name: string
      version?: string
      purl?: string
      properties?: Array<{ name: string; value: string }>
    }>
  }
  const oursPkgs = doc.components
    .filter(c => c.purl)
    .map(c => ({
      name: c.name,
      version: c.version ?? '',
      purl: c.purl!,
      type: c.properties?.find(p => p.name === 'syft:package:type')?.value ?? ''
    }))
  printParity('large image package parity', compare(await readSyftPackages(syftOut), oursPkgs))
} finally {
  registry.stop()
}

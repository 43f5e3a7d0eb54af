// Benchmark: the large generated image in a registry; Syft (pinned) vs oci-attest vs the
// decompression floor, wall time and peak RSS, in the same run. Prints, does not assert.
//   node --import tsx bench/sbom/run.ts [--runs N] [--image large|many-files|toolchains|big-binaries]
//   [--tools syft,ours,floor] [--ours-bundle path/to/cli.mjs]
//   (best wall of N interleaved rounds, default 2; default image: large)
import { spawnSync } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import {
  buildBigBinariesImage,
  buildLargeImage,
  buildManyFilesImage,
  buildToolchainsImage
} from './build-large.js'
import { bundle } from './bundle.js'
import { compare, printParity } from './compare.js'
import { measure, type Measured } from './measure.js'
import { BENCH_DIR, CRANE, NODE, SYFT_VERSION } from './paths.js'
import { benchRegistry } from './registry.js'
import { readSyftPackages, runSyft } from './syft.js'

const flag = (name: string): string | undefined => {
  const i = process.argv.indexOf(name)
  return i === -1 ? undefined : process.argv[i + 1]
}
const runsFlag = process.argv.indexOf('--runs')
const runs = runsFlag === -1 ? 2 : Number(process.argv[runsFlag + 1])

const imageFlag = process.argv.indexOf('--image')
const image = imageFlag === -1 ? 'large' : process.argv[imageFlag + 1]!
const builders: Record<string, () => Promise<string>> = {
  large: buildLargeImage,
  'many-files': buildManyFilesImage,
  toolchains: buildToolchainsImage,
  'big-binaries': buildBigBinariesImage
}
if (!builders[image]) throw new Error(`--image: one of ${Object.keys(builders).join(', ')}`)
const layout = await builders[image]()
// The CLI as shipped: an ES module bundle; or another one (`--ours-bundle`, e.g. of the base commit).
const ours = flag('--ours-bundle') ?? bundle('src/cli/index.ts', 'cli.mjs', 'esm')
// `--tools ours` measures only what changed; parity then reads Syft's output of an earlier run.
const tools = new Set((flag('--tools') ?? 'syft,ours,floor').split(','))
const floorScript = bundle('bench/sbom/floor.ts', 'floor.mjs', 'esm')
const registry = await benchRegistry()
try {
  const ref = `${registry.host}/bench/${image}:v1`
  const push = spawnSync(CRANE, ['push', layout, ref], { encoding: 'utf8' })
  if (push.status !== 0) throw new Error(`crane push: ${push.stderr}`)
  console.log(
    `image ${ref} (pushed from ${layout}); load average ${loadavg()
      .map(l => l.toFixed(1))
      .join(' ')}`
  )

  const oursOut = join(BENCH_DIR, `${image}.ours.cdx.json`)
  const syftOut = join(BENCH_DIR, `${image}.syft.json`)
  type Who = 'syft' | 'ours' | 'floor'
  const best: Partial<Record<Who, Measured>> = {}
  const keep = (k: Who, m: Measured) => {
    if (m.exitCode !== 0) throw new Error(`${k} failed: ${m.stderr.slice(-2000)}`)
    if (!best[k] || m.wallSeconds < best[k].wallSeconds) best[k] = m
    console.log(
      `  round: ${k.padEnd(14)} ${m.wallSeconds.toFixed(1)} s wall ${m.cpuSeconds.toFixed(1)} s cpu ${m.peakRssMiB.toFixed(0)} MiB`
    )
  }
  for (let i = 0; i < runs; i++) {
    if (tools.has('syft')) keep('syft', await runSyft(ref, syftOut))
    if (tools.has('ours'))
      keep('ours', await measure(NODE, [ours, 'sbom', ref, '--output', oursOut, '--quiet']))
    if (tools.has('floor')) keep('floor', await measure(NODE, [floorScript, ref]))
  }
  const none: Measured = { wallSeconds: NaN, cpuSeconds: NaN, peakRssMiB: NaN, exitCode: 0, stderr: '' }
  const { syft = none, ours: us = none, floor = none } = best
  const row = (name: string, m: Measured) =>
    console.log(
      `${name.padEnd(40)} ${m.wallSeconds.toFixed(1).padStart(7)} s ${m.cpuSeconds.toFixed(1).padStart(7)} s ${m.peakRssMiB.toFixed(0).padStart(7)} MiB`
    )
  console.log(
    `\n${''.padEnd(40)} ${'wall'.padStart(9)} ${'cpu'.padStart(9)} ${'peak RSS'.padStart(11)}   (best wall of ${runs})`
  )
  row(`syft ${SYFT_VERSION}`, syft)
  row('oci-attest sbom', us)
  row('floor (fetch+decompress, same code)', floor)
  const ratios = (name: string, m: Measured) =>
    console.log(
      `${name.padEnd(40)} wall/syft ${(m.wallSeconds / syft.wallSeconds).toFixed(3)} (≤ 0.333)  RSS/syft ${(m.peakRssMiB / syft.peakRssMiB).toFixed(3)} (≤ 0.2; < 300 MiB)  wall/floor ${(m.wallSeconds / floor.wallSeconds).toFixed(3)} (≤ 1.5)  cpu/syft ${(m.cpuSeconds / syft.cpuSeconds).toFixed(3)}`
    )
  console.log('')
  ratios('oci-attest sbom', us)

  const doc = JSON.parse(await readFile(oursOut, 'utf8')) as {
    components: Array<{
      name: string
      version?: string
      purl?: string
      properties?: Array<{ name: string; value: string }>
    }>
  }
  // Packages, not the OS or file components: they carry a package type; PE launchers have no purl.
  const oursPkgs = doc.components
    .map(c => ({
      name: c.name,
      version: c.version ?? '',
      purl: c.purl ?? '',
      type: c.properties?.find(p => p.name === 'syft:package:type')?.value ?? ''
    }))
    .filter(c => c.type !== '')
  printParity(`${image} image package parity`, compare(await readSyftPackages(syftOut), oursPkgs))
} finally {
  registry.stop()
}

// Parity with Syft on every SBOM fixture: each rootfs becomes a one-layer image in a registry, Syft
// (pinned) and we scan it, and recall per ecosystem is printed with what differs.
//   node --import tsx bench/sbom/parity.ts [fixture...] [--ref registry/repo:tag ...]
import { existsSync } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { spawnSync } from 'node:child_process'
import { generateSbom } from '../../src/sbom/index.js'
import { FIXTURES } from '../../test/fixtures/sbom/index.js'
import { compare, printParity, type EcosystemParity } from './compare.js'
import { tarDirectory, writeLayer, writeLayout } from './layout-writer.js'
import { BENCH_DIR, CRANE, SYFT_VERSION } from './paths.js'
import { benchRegistry } from './registry.js'
import { readSyftPackages, runSyft } from './syft.js'

const args = process.argv.slice(2)
const refs: string[] = []
const names: string[] = []
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--ref') refs.push(args[++i]!)
  else names.push(args[i]!)
}

const registry = await benchRegistry()
const work = join(BENCH_DIR, 'parity')
await mkdir(work, { recursive: true })
const totals = new Map<string, { syft: number; exact: number }>()

async function fixtureRef(name: string): Promise<string> {
  const rootfs = await FIXTURES[name]!()
  const layout = join(work, name)
  if (!existsSync(join(layout, 'index.json'))) {
    await rm(layout, { recursive: true, force: true })
    const layer = await writeLayer(layout, tarDirectory(rootfs, ''), 'gzip', 6)
    await writeLayout(layout, [layer], { os: 'linux', architecture: 'amd64' })
  }
  const ref = `${registry.host}/parity/${name}:v1`
  const push = spawnSync(CRANE, ['push', layout, ref], { encoding: 'utf8' })
  if (push.status !== 0) throw new Error(`crane push ${ref}: ${push.stderr}`)
  return ref
}

async function one(title: string, ref: string): Promise<EcosystemParity[]> {
  const syftOut = join(work, `${title.replace(/[^a-z0-9-]+/gi, '_')}.syft.json`)
  await runSyft(ref, syftOut)
  const syft = await readSyftPackages(syftOut)
  const ours = await generateSbom({ source: ref, format: 'cyclonedx-json' })
  for (const w of ours.warnings) console.log(`  (our warning) ${w}`)
  const rows = compare(syft, ours.packages)
  printParity(`${title} (${ref})`, rows)
  for (const r of rows) {
    const t = totals.get(r.type) ?? { syft: 0, exact: 0 }
    t.syft += r.syft
    t.exact += r.exact
    totals.set(r.type, t)
  }
  return rows
}

try {
  console.log(`Syft ${SYFT_VERSION} vs oci-attest; registry ${registry.host}`)
  const fixtures = names.length ? names : refs.length ? [] : Object.keys(FIXTURES)
  for (const name of fixtures) await one(name, await fixtureRef(name))
  for (const ref of refs) await one(ref, ref)
  console.log('\n== recall per ecosystem over all images (exact name+version+purl / Syft packages)')
  for (const [type, t] of [...totals].sort()) {
    console.log(
      `${type.padEnd(14)} ${t.exact}/${t.syft}  ${t.syft ? ((100 * t.exact) / t.syft).toFixed(1) + '%' : '-'}`
    )
  }
} finally {
  registry.stop()
}

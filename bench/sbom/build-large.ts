// The benchmark images, as OCI layouts. `large`: every SBOM fixture (all ecosystems we catalog), tens of
// thousands of small files, and incompressible data to pass 1.5 GiB compressed, in 23 layers.
//   node --import tsx bench/sbom/build-large.ts   (reuses .testbed/bench/sbom/large when present)
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { FIXTURES } from '../../test/fixtures/sbom/index.js'
import { randomFilesTar, smallFilesTar } from './generated-tar.js'
import { tarDirectory, writeLayer, writeLayout, type WrittenLayer } from './layout-writer.js'
import { BENCH_DIR } from './paths.js'

export const LARGE_LAYOUT = join(BENCH_DIR, 'large')
const MiB = 1024 * 1024
/** Fixtures other than the Debian root, each a layer under /fx/<name>: every ecosystem we catalog. */
const FIXTURE_LAYERS = [
  'distroless',
  'go',
  'python',
  'npm',
  'alpine',
  'rpm-sqlite',
  'rpm-bdb',
  'rpm-ndb',
  'java',
  'rust',
  'elf-notes'
]

export async function buildLargeImage(): Promise<string> {
  if (existsSync(join(LARGE_LAYOUT, 'index.json'))) return LARGE_LAYOUT
  await rm(LARGE_LAYOUT, { recursive: true, force: true })
  const layers: WrittenLayer[] = []
  const add = async (what: string, layer: Promise<WrittenLayer>) => {
    const started = Date.now()
    const l = await layer
    layers.push(l)
    console.log(
      `layer ${layers.length - 1}: ${what}: ${(l.size / MiB).toFixed(1)} MiB ${l.mediaType.split('+')[1]} (${((Date.now() - started) / 1000).toFixed(1)} s)`
    )
  }
  await add(
    'debian rootfs',
    writeLayer(LARGE_LAYOUT, tarDirectory(await FIXTURES['debian']!(), ''), 'gzip', 6)
  )
  // The other fixtures sit under /fx/<name>: their databases are found by path wherever they are.
  for (const name of FIXTURE_LAYERS) {
    await add(
      `fixture ${name}`,
      writeLayer(LARGE_LAYOUT, tarDirectory(await FIXTURES[name]!(), `fx/${name}`), 'gzip', 6)
    )
  }
  await add(
    '40,000 small files',
    writeLayer(LARGE_LAYOUT, smallFilesTar('srv/small', 40_000, 1500), 'zstd', 3)
  )
  for (let i = 0; i < 10; i++) {
    const compression = i % 2 === 0 ? 'gzip' : 'zstd'
    await add(
      `random data ${i}`,
      writeLayer(LARGE_LAYOUT, randomFilesTar(`data/r${i}`, 160 * MiB, 16 * MiB), compression, 1)
    )
  }
  await writeLayout(
    LARGE_LAYOUT,
    layers,
    { os: 'linux', architecture: 'amd64' },
    { 'org.opencontainers.image.title': 'oci-attest sbom bench' }
  )
  const total = layers.reduce((n, l) => n + l.size, 0)
  console.log(`${layers.length} layers, ${(total / 1024 / MiB).toFixed(2)} GiB compressed`)
  return LARGE_LAYOUT
}

export const MANY_FILES_LAYOUT = join(BENCH_DIR, 'many-files')

/** File-count stress: the Debian base plus 400,000 small files in 4 layers (where Syft's per-file trees grow). */
export async function buildManyFilesImage(): Promise<string> {
  if (existsSync(join(MANY_FILES_LAYOUT, 'index.json'))) return MANY_FILES_LAYOUT
  await rm(MANY_FILES_LAYOUT, { recursive: true, force: true })
  const layers: WrittenLayer[] = [
    await writeLayer(MANY_FILES_LAYOUT, tarDirectory(await FIXTURES['debian']!(), ''), 'gzip', 6)
  ]
  for (let i = 0; i < 4; i++) {
    layers.push(
      await writeLayer(
        MANY_FILES_LAYOUT,
        smallFilesTar(`srv/many${i}`, 100_000, 700),
        i % 2 ? 'zstd' : 'gzip',
        3
      )
    )
    console.log(`layer ${layers.length - 1}: 100,000 small files`)
  }
  await writeLayout(MANY_FILES_LAYOUT, layers, { os: 'linux', architecture: 'amd64' })
  return MANY_FILES_LAYOUT
}

export const TOOLCHAINS_LAYOUT = join(BENCH_DIR, 'toolchains')

/**
 * Compressible content as real images carry it: the fixture layers of `large`, then 24 copies of the
 * Go toolchain (binaries, archives and sources, ~270 MiB each, ~65 MiB compressed) in a layer each,
 * mostly gzip -6 (what `docker build` writes) and every fourth zstd -3. `large` is mostly random
 * bytes, which measures copying; this one measures decompression and the scanning of real files.
 */
export async function buildToolchainsImage(): Promise<string> {
  if (existsSync(join(TOOLCHAINS_LAYOUT, 'index.json'))) return TOOLCHAINS_LAYOUT
  await rm(TOOLCHAINS_LAYOUT, { recursive: true, force: true })
  const goroot = execFileSync('go', ['env', 'GOROOT'], { encoding: 'utf8' }).trim()
  const layers: WrittenLayer[] = [
    await writeLayer(TOOLCHAINS_LAYOUT, tarDirectory(await FIXTURES['debian']!(), ''), 'gzip', 6)
  ]
  for (const name of FIXTURE_LAYERS) {
    layers.push(
      await writeLayer(TOOLCHAINS_LAYOUT, tarDirectory(await FIXTURES[name]!(), `fx/${name}`), 'gzip', 6)
    )
  }
  for (let i = 0; i < 24; i++) {
    const started = Date.now()
    const zstd = i % 4 === 3
    const l = await writeLayer(
      TOOLCHAINS_LAYOUT,
      tarDirectory(goroot, `opt/go-${i}`),
      zstd ? 'zstd' : 'gzip',
      zstd ? 3 : 6
    )
    layers.push(l)
    console.log(
      `layer ${layers.length - 1}: ${goroot} as /opt/go-${i}: ${(l.size / MiB).toFixed(1)} MiB (${((Date.now() - started) / 1000).toFixed(1)} s)`
    )
  }
  await writeLayout(TOOLCHAINS_LAYOUT, layers, { os: 'linux', architecture: 'amd64' })
  const total = layers.reduce((n, l) => n + l.size, 0)
  console.log(`${layers.length} layers, ${(total / 1024 / MiB).toFixed(2)} GiB compressed`)
  return TOOLCHAINS_LAYOUT
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildLargeImage()
  await buildManyFilesImage()
  if (process.argv.includes('--toolchains')) await buildToolchainsImage()
}

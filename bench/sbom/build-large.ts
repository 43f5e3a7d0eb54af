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
import { BENCH_DIR, REPO } from './paths.js'

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

/** Collects an image's layers as they are written, logging each with its size and time. */
function layerList(): {
  layers: WrittenLayer[]
  add(what: string, layer: Promise<WrittenLayer>): Promise<void>
  total(): string
} {
  const layers: WrittenLayer[] = []
  return {
    layers,
    add: async (what, layer) => {
      const started = Date.now()
      const l = await layer
      layers.push(l)
      console.log(
        `layer ${layers.length - 1}: ${what}: ${(l.size / MiB).toFixed(1)} MiB ${l.mediaType.split('+')[1]} (${((Date.now() - started) / 1000).toFixed(1)} s)`
      )
    },
    total: () =>
      `${layers.length} layers, ${(layers.reduce((n, l) => n + l.size, 0) / 1024 / MiB).toFixed(2)} GiB compressed`
  }
}

/** The Debian root, then every other fixture under /fx/<name> (databases are found by path wherever they are). */
async function addFixtureLayers(layout: string, list: ReturnType<typeof layerList>): Promise<void> {
  await list.add(
    'debian rootfs',
    writeLayer(layout, tarDirectory(await FIXTURES['debian']!(), ''), 'gzip', 6)
  )
  for (const name of FIXTURE_LAYERS) {
    await list.add(
      `fixture ${name}`,
      writeLayer(layout, tarDirectory(await FIXTURES[name]!(), `fx/${name}`), 'gzip', 6)
    )
  }
}

export async function buildLargeImage(): Promise<string> {
  if (existsSync(join(LARGE_LAYOUT, 'index.json'))) return LARGE_LAYOUT
  await rm(LARGE_LAYOUT, { recursive: true, force: true })
  const list = layerList()
  await addFixtureLayers(LARGE_LAYOUT, list)
  await list.add(
    '40,000 small files',
    writeLayer(LARGE_LAYOUT, smallFilesTar('srv/small', 40_000, 1500), 'zstd', 3)
  )
  for (let i = 0; i < 10; i++) {
    const compression = i % 2 === 0 ? 'gzip' : 'zstd'
    await list.add(
      `random data ${i}`,
      writeLayer(LARGE_LAYOUT, randomFilesTar(`data/r${i}`, 160 * MiB, 16 * MiB), compression, 1)
    )
  }
  await writeLayout(
    LARGE_LAYOUT,
    list.layers,
    { os: 'linux', architecture: 'amd64' },
    { 'org.opencontainers.image.title': 'oci-attest sbom bench' }
  )
  console.log(list.total())
  return LARGE_LAYOUT
}

export const MANY_FILES_LAYOUT = join(BENCH_DIR, 'many-files')

/** File-count stress: the Debian base plus 400,000 small files in 4 layers (where Syft's per-file trees grow). */
export async function buildManyFilesImage(): Promise<string> {
  if (existsSync(join(MANY_FILES_LAYOUT, 'index.json'))) return MANY_FILES_LAYOUT
  await rm(MANY_FILES_LAYOUT, { recursive: true, force: true })
  const list = layerList()
  await list.add(
    'debian rootfs',
    writeLayer(MANY_FILES_LAYOUT, tarDirectory(await FIXTURES['debian']!(), ''), 'gzip', 6)
  )
  for (let i = 0; i < 4; i++) {
    await list.add(
      '100,000 small files',
      writeLayer(MANY_FILES_LAYOUT, smallFilesTar(`srv/many${i}`, 100_000, 700), i % 2 ? 'zstd' : 'gzip', 3)
    )
  }
  await writeLayout(MANY_FILES_LAYOUT, list.layers, { os: 'linux', architecture: 'amd64' })
  return MANY_FILES_LAYOUT
}

export const TOOLCHAINS_LAYOUT = join(BENCH_DIR, 'toolchains')

/**
 * Compressible content as real images carry it: the fixture layers of `large`, then 24 copies of the
 * Go toolchain (binaries, archives and sources, ~234 MiB each, 60-64 MiB compressed) in a layer each,
 * mostly gzip -6 (what `docker build` writes) and every fourth zstd -3. `large` is mostly random
 * bytes, which measures copying; this one measures decompression and the scanning of real files.
 */
export async function buildToolchainsImage(): Promise<string> {
  if (existsSync(join(TOOLCHAINS_LAYOUT, 'index.json'))) return TOOLCHAINS_LAYOUT
  await rm(TOOLCHAINS_LAYOUT, { recursive: true, force: true })
  const goroot = execFileSync('go', ['env', 'GOROOT'], { encoding: 'utf8' }).trim()
  const list = layerList()
  await addFixtureLayers(TOOLCHAINS_LAYOUT, list)
  for (let i = 0; i < 24; i++) {
    const zstd = i % 4 === 3
    await list.add(
      `${goroot} as /opt/go-${i}`,
      writeLayer(TOOLCHAINS_LAYOUT, tarDirectory(goroot, `opt/go-${i}`), zstd ? 'zstd' : 'gzip', zstd ? 3 : 6)
    )
  }
  await writeLayout(TOOLCHAINS_LAYOUT, list.layers, { os: 'linux', architecture: 'amd64' })
  console.log(list.total())
  return TOOLCHAINS_LAYOUT
}

export const BIG_BINARIES_LAYOUT = join(BENCH_DIR, 'big-binaries')
/** The Go tools the test bed installs (cosign, syft, kyverno...: 10-400 MB each, real build info). */
const TOOLS_BIN = join(REPO, '.tools', 'bin')

/**
 * An image nobody tuned for: the Debian root, the host's shared libraries and executables, the Go
 * toolchain, then 5 copies of the bed's Go tools (the largest file 382 MiB, several 120-135 MiB), one
 * layer each, alternately gzip -6 (what `docker build` writes) and zstd -3: what the reader buffers
 * is then the size of real binaries, not of the fixtures.
 */
export async function buildBigBinariesImage(): Promise<string> {
  if (existsSync(join(BIG_BINARIES_LAYOUT, 'index.json'))) return BIG_BINARIES_LAYOUT
  await rm(BIG_BINARIES_LAYOUT, { recursive: true, force: true })
  const goroot = execFileSync('go', ['env', 'GOROOT'], { encoding: 'utf8' }).trim()
  const layout = BIG_BINARIES_LAYOUT
  const list = layerList()
  await list.add(
    'debian rootfs',
    writeLayer(layout, tarDirectory(await FIXTURES['debian']!(), ''), 'gzip', 6)
  )
  for (const dir of ['/usr/lib/x86_64-linux-gnu', '/usr/bin', '/usr/libexec']) {
    await list.add(dir, writeLayer(layout, tarDirectory(dir, `host${dir}`), 'gzip', 6))
  }
  await list.add(goroot, writeLayer(layout, tarDirectory(goroot, 'usr/local/go'), 'gzip', 6))
  for (let i = 0; i < 5; i++) {
    const zstd = i % 2 === 1
    await list.add(
      `${TOOLS_BIN} as /opt/tools-${i}`,
      writeLayer(layout, tarDirectory(TOOLS_BIN, `opt/tools-${i}`), zstd ? 'zstd' : 'gzip', zstd ? 3 : 6)
    )
  }
  await writeLayout(layout, list.layers, { os: 'linux', architecture: 'amd64' })
  console.log(list.total())
  return layout
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildLargeImage()
  await buildManyFilesImage()
  if (process.argv.includes('--toolchains')) await buildToolchainsImage()
  if (process.argv.includes('--big-binaries')) await buildBigBinariesImage()
}

import { beforeAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { gzipSync, zstdCompressSync } from 'node:zlib'
import { kernelImageVersion, linuxKernelCataloger } from '../../../../src/sbom/catalogers/kernel.js'
import type { CatalogedFile } from '../../../../src/sbom/catalogers/types.js'
import { resolveDependencies } from '../../../../src/sbom/output/dependencies.js'
import { kernelRootfs } from '../../../fixtures/sbom/debs-lang.js'
import { fuzzCataloger } from './fuzz.js'
import { byName, scanDir } from './scan-dir.js'

beforeAll(async () => {
  await kernelRootfs()
}, 900_000)

const RELEASE = '6.1.0-57-cloud-amd64'
const MODULE = `/lib/modules/${RELEASE}/kernel/fs/fat/vfat.ko`
const LAYER = { index: 0, diffId: 'sha256:test' }
const cataloged = (path: string, data: Buffer): CatalogedFile => ({
  path,
  size: data.length,
  mode: 0o644,
  data,
  layer: LAYER
})

describe('linux-kernel-cataloger on Debian linux-image', () => {
  it('reports the kernel from its boot image and every module, each module depending on that kernel', async () => {
    const root = await kernelRootfs()
    const { packages, warnings } = await scanDir(root, [linuxKernelCataloger])
    expect(warnings).toEqual([])
    const kernel = byName(packages, 'linux-kernel')
    expect(kernel).toMatchObject({
      version: RELEASE,
      type: 'linux-kernel',
      purl: `pkg:generic/linux-kernel@${RELEASE}`,
      locations: [`/boot/vmlinuz-${RELEASE}`]
    })
    const modules = packages.filter(p => p.type === 'linux-kernel-module')
    // Every .ko the package ships is one module (find is the oracle for the count).
    const ko = spawnSync('find', [join(root, 'lib/modules'), '-name', '*.ko'], { encoding: 'utf8' })
    expect(modules.length).toBe(ko.stdout.trim().split('\n').length)
    // In-tree modules carry no version of their own.
    expect(byName(packages, 'vfat')).toMatchObject({
      version: 'UNKNOWN',
      purl: 'pkg:generic/vfat',
      foundBy: 'linux-kernel-cataloger',
      locations: [MODULE],
      licenses: ['GPL']
    })
    const edges = resolveDependencies(packages)
    const kernelIndex = packages.indexOf(kernel)
    for (const m of modules) expect(edges.get(packages.indexOf(m))).toEqual([kernelIndex])
  })

  it('reads gzip- and zstd-compressed modules like plain ones', async () => {
    const plain = await readFile(join(await kernelRootfs(), MODULE))
    const ctx = { warn: (m: string) => expect(m).toBeUndefined() }
    const [expected] = await linuxKernelCataloger.parse(cataloged(MODULE, plain), ctx)
    for (const [suffix, data] of [
      ['.gz', gzipSync(plain)],
      ['.zst', zstdCompressSync(plain)]
    ] as const) {
      const [pkg] = await linuxKernelCataloger.parse(cataloged(MODULE + suffix, data), ctx)
      expect(pkg).toEqual({ ...expected, locations: [MODULE + suffix] })
    }
  })

  it('needs the x86 boot header to call a file a kernel', async () => {
    const image = await readFile(join(await kernelRootfs(), `boot/vmlinuz-${RELEASE}`))
    expect(kernelImageVersion(image.subarray(0, 64 * 1024))).toBe(RELEASE)
    const broken = Buffer.from(image.subarray(0, 64 * 1024))
    broken.write('XXXX', 0x202)
    expect(kernelImageVersion(broken)).toBeUndefined()
    expect(linuxKernelCataloger.wants({ path: '/boot/config-6.1.0', size: 10, mode: 0o644 })).toBe(false)
    expect(linuxKernelCataloger.wants({ path: '/boot/vmlinuz', size: 10, mode: 0o644 })).toBe(true)
  })

  it('survives mutated modules', async () => {
    const data = await readFile(join(await kernelRootfs(), MODULE))
    const report = await fuzzCataloger(linuxKernelCataloger, [cataloged(MODULE, data)], 500)
    expect(report.slowestMs).toBeLessThan(1000)
  })
})

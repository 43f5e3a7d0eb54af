import { beforeAll, describe, expect, it } from '@jest/globals'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  binaryClassifierCataloger,
  dropBinariesOwnedByOsPackages
} from '../../../../src/sbom/catalogers/binary-classifier.js'
import { dpkgCataloger } from '../../../../src/sbom/catalogers/dpkg.js'
import { run } from '../../../fixtures/sbom/cache.js'
import { busyboxRootfs } from '../../../fixtures/sbom/busybox.js'
import { debianRootfs, distrolessRootfs } from '../../../fixtures/sbom/debian.js'
import { fuzzCataloger } from './fuzz.js'
import { scanDir } from './scan-dir.js'

// First use builds the fixture from real packages (minutes on a cold machine); later runs reuse the cache.
beforeAll(async () => {
  await busyboxRootfs()
  await debianRootfs()
  await distrolessRootfs()
}, 900_000)

describe('binary-classifier-cataloger', () => {
  it('names the version of a static busybox that no database describes', async () => {
    const root = await busyboxRootfs()
    const { packages, distro } = await scanDir(root, [binaryClassifierCataloger])
    // The binary's own --help banner is the oracle.
    const banner = /BusyBox v(\d+\.\d+\.\d+)/.exec(run(join(root, 'bin/busybox'), ['--help']))![1]!
    expect(packages).toEqual([
      expect.objectContaining({
        name: 'busybox',
        version: banner,
        purl: `pkg:generic/busybox@${banner}`,
        type: 'binary',
        locations: ['/bin/busybox'],
        cpes: [`cpe:2.3:a:busybox:busybox:${banner}:*:*:*:*:*:*:*`]
      })
    ])
    // Without os-release, busybox is the OS identity too (Syft's last fallback).
    expect(distro).toMatchObject({ id: 'busybox', versionId: banner })
  })

  it('classifies Debian bash but drops it because dpkg owns the file, as Syft does', async () => {
    const root = await debianRootfs()
    const { packages } = await scanDir(root, [dpkgCataloger, binaryClassifierCataloger])
    const bash = packages.find(p => p.foundBy === 'binary-classifier-cataloger' && p.name === 'bash')!
    expect(bash.purl).toMatch(/^pkg:generic\/bash@5\.2\.\d+$/)
    // bookworm is merged-/usr: dpkg records /bin/bash, the file lives at /usr/bin/bash.
    for (const p of packages)
      for (const f of p.files ?? []) f.path = f.path.replace(/^\/(bin|sbin|lib)\//, '/usr/$1/')
    expect(
      dropBinariesOwnedByOsPackages(packages).filter(p => p.foundBy === 'binary-classifier-cataloger')
    ).toEqual([])
  })

  it('reads gzip, util-linux (getopt) and python versions that agree with the dpkg packages shipping them', async () => {
    const debian = await scanDir(await debianRootfs(), [dpkgCataloger, binaryClassifierCataloger])
    const distroless = await scanDir(await distrolessRootfs(), [dpkgCataloger, binaryClassifierCataloger])
    const classified = (packages: typeof debian.packages, name: string): string | undefined =>
      packages.find(p => p.foundBy === 'binary-classifier-cataloger' && p.name === name)?.version
    const upstream = (packages: typeof debian.packages, name: string): string =>
      packages
        .find(p => p.type === 'deb' && p.name === name)!
        .version.replace(/^\d+:/, '')
        .replace(/[-+~].*$/, '')
    expect(classified(debian.packages, 'gzip')).toBe(upstream(debian.packages, 'gzip'))
    expect(classified(debian.packages, 'util-linux')).toBe(upstream(debian.packages, 'util-linux'))
    expect(classified(distroless.packages, 'python')).toBe(
      upstream(distroless.packages, 'python3.11-minimal')
    )
  })

  it('survives mutated binaries', async () => {
    const data = await readFile(join(await busyboxRootfs(), 'bin/busybox'))
    const seed = {
      path: '/bin/busybox',
      size: data.length,
      mode: 0o755,
      data,
      layer: { index: 0, diffId: 'sha256:fuzz' }
    }
    const report = await fuzzCataloger(binaryClassifierCataloger, [seed], 1500)
    expect(report.slowestMs).toBeLessThan(1000)
  })
})

import { beforeAll, describe, expect, it } from '@jest/globals'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  OVERLAP,
  WINDOW,
  binaryClassifierCataloger,
  dropBinariesOwnedByOsPackages,
  firstMatch
} from '../../../../src/sbom/catalogers/binary-classifier.js'
import { dpkgCataloger } from '../../../../src/sbom/catalogers/dpkg.js'
import type { Package } from '../../../../src/sbom/catalogers/types.js'
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

  it('drops a classified binary that an Arch or Gentoo package owns, as for every Syft OS package type', () => {
    const classified = (path: string): Package => ({
      name: 'bash',
      version: '5.2.37',
      type: 'binary',
      purl: 'pkg:generic/bash@5.2.37',
      foundBy: 'binary-classifier-cataloger',
      locations: [path]
    })
    const owner = (type: string, path: string): Package => ({
      name: 'bash',
      version: '5.2',
      type,
      purl: '',
      foundBy: `${type}-db`,
      locations: ['/db'],
      files: [{ path }]
    })
    for (const type of ['alpm', 'portage'])
      expect(
        dropBinariesOwnedByOsPackages([owner(type, '/usr/bin/bash'), classified('/usr/bin/bash')])
      ).toEqual([owner(type, '/usr/bin/bash')])
    // Language packages own nothing in Syft's sense.
    const npm = owner('npm', '/usr/bin/bash')
    expect(dropBinariesOwnedByOsPackages([npm, classified('/usr/bin/bash')])).toHaveLength(2)
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

describe('binary-classifier-cataloger: reading binaries a window at a time', () => {
  // Syft's Go classifier pattern: the version ends at a NUL byte.
  // eslint-disable-next-line no-control-regex
  const GO = /go(?<version>[0-9]+\.[0-9]+(\.[0-9]+|beta[0-9]+|alpha[0-9]+|rc[0-9]+)?)\x00/m
  const whole = (data: Buffer, re: RegExp) => {
    const m = re.exec(data.toString('latin1'))
    return m ? { index: m.index, text: m[0], version: m.groups?.['version'] } : null
  }
  const windowed = (data: Buffer, re: RegExp) => {
    const m = firstMatch(data, re)
    return m ? { index: m.index, text: m[0], version: m.groups?.['version'] } : null
  }
  // Bytes that never match: no digits, no "go".
  const filler = (n: number) => Buffer.alloc(n, 'x')

  it('finds what a whole-file read finds wherever the version string sits', () => {
    const size = 3 * WINDOW + 1000
    const at = [0, 17, WINDOW - 12, WINDOW - 3, WINDOW, WINDOW + 5, WINDOW + OVERLAP - 6, WINDOW + OVERLAP]
    at.push(2 * WINDOW - 1, 2 * WINDOW + OVERLAP + 1, size - 12)
    for (const pos of at) {
      const data = filler(size)
      data.write('go1.22.3\0', pos, 'latin1')
      const expected = whole(data, GO)
      expect(expected).toMatchObject({ index: pos, version: '1.22.3' })
      expect({ pos, found: windowed(data, GO) }).toEqual({ pos, found: expected })
    }
  })

  it('takes the leftmost match when several windows hold one', () => {
    const data = filler(3 * WINDOW)
    data.write('go1.9.1\0', 2 * WINDOW + 100, 'latin1')
    data.write('go1.21.0\0', WINDOW + 7, 'latin1')
    expect(windowed(data, GO)).toEqual(whole(data, GO))
    expect(windowed(data, GO)?.version).toBe('1.21.0')
  })

  it('reads a match cut short by the end of its window from the whole file', () => {
    // A greedy run of digits longer than the overlap: the window would return a shorter version.
    const data = filler(2 * WINDOW)
    const digits = '7'.repeat(OVERLAP + 100)
    data.write(`v${digits}!`, WINDOW - 50, 'latin1')
    const re = /v(?<version>[0-9]+)!?/
    expect(windowed(data, re)).toEqual(whole(data, re))
    expect(windowed(data, re)?.version).toHaveLength(digits.length)
  })

  it('returns nothing for a binary without the string', () => {
    expect(firstMatch(filler(WINDOW * 2 + 3), GO)).toBeNull()
    expect(firstMatch(Buffer.alloc(0), GO)).toBeNull()
  })
})

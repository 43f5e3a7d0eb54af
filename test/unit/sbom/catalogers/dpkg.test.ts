import { beforeAll, describe, expect, it } from '@jest/globals'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { dpkgCataloger } from '../../../../src/sbom/catalogers/dpkg.js'
import { debianRootfs, distrolessRootfs } from '../../../fixtures/sbom/debian.js'
import { run } from '../../../fixtures/sbom/cache.js'
import { fuzzCataloger } from './fuzz.js'
import { byName, scanDir } from './scan-dir.js'

// First use builds the fixture from real packages (minutes on a cold machine); later runs reuse the cache.
beforeAll(async () => {
  await debianRootfs()
  await distrolessRootfs()
}, 900_000)

/** The real dpkg's view of its database: the oracle for names, versions, arch and source. */
function dpkgQuery(root: string): Map<string, { version: string; arch: string; source: string }> {
  const out = run('dpkg-query', [
    `--admindir=${join(root, 'var/lib/dpkg')}`,
    '-W',
    '-f',
    '${Package}\t${Version}\t${Architecture}\t${source:Package}\t${db:Status-Abbrev}\n'
  ])
  const rows = new Map<string, { version: string; arch: string; source: string }>()
  for (const line of out.trim().split('\n')) {
    const [name, version, arch, source, status] = line.split('\t')
    if (status?.startsWith('i')) rows.set(name!, { version: version!, arch: arch!, source: source! })
  }
  return rows
}

describe('dpkg-db-cataloger on a debootstrap bookworm', () => {
  it('finds every installed package dpkg-query lists, with Syft-shaped purls', async () => {
    const root = await debianRootfs()
    const { packages, warnings, distro } = await scanDir(root, [dpkgCataloger])
    const pointRelease = (await readFile(join(root, 'etc/debian_version'), 'utf8')).trim()
    expect(warnings).toEqual([])
    expect(distro?.id).toBe('debian')
    expect(distro?.versionId).toBe(pointRelease)
    const expected = dpkgQuery(root)
    expect(new Set(packages.map(p => p.name))).toEqual(new Set(expected.keys()))
    for (const p of packages) expect(p.version).toBe(expected.get(p.name)!.version)

    const ssl = byName(packages, 'libssl3')
    expect(ssl.purl).toBe(
      `pkg:deb/debian/libssl3@${expected.get('libssl3')!.version}?arch=amd64&distro=debian-${pointRelease}&upstream=openssl`
    )
    const bsdutils = byName(packages, 'bsdutils')
    // Source "util-linux (2.38.1-5+deb12u3)" carries its own version, which Syft keeps as upstream=name@version.
    expect(bsdutils.version).toMatch(/^1:/)
    expect(bsdutils.purl).toMatch(
      /^pkg:deb\/debian\/bsdutils@1%3A2\.38[^?]*\?arch=amd64&distro=debian-12\.\d+&upstream=util-linux%402\.38/
    )
  })

  it('reads dependencies, provides, file lists and DEP-5 licenses', async () => {
    const { packages } = await scanDir(await debianRootfs(), [dpkgCataloger])
    const libc = byName(packages, 'libc6')
    expect(libc.dependsOn).toContain('libgcc-s1')
    expect(
      libc.files?.some(f => f.path === '/usr/share/doc/libc6/copyright' && f.digest?.algorithm === 'md5')
    ).toBe(true)
    expect(libc.locations).toEqual([
      '/var/lib/dpkg/status',
      '/var/lib/dpkg/info/libc6:amd64.md5sums',
      '/usr/share/doc/libc6/copyright'
    ])
    const mawk = byName(packages, 'mawk')
    expect(mawk.provides).toContain('awk')
    expect(byName(packages, 'base-files').licenses).toBeUndefined() // not a DEP-5 file
    expect(byName(packages, 'libssl3').licenses).toEqual(['Apache-2.0', 'Artistic', 'GPL-1', 'GPL-1+'])
  })
})

describe('dpkg-db-cataloger on a distroless status.d tree', () => {
  it('reads one package per file, skipping md5sums side files, with names containing dots and pluses', async () => {
    const root = await distrolessRootfs()
    const { packages, warnings } = await scanDir(root, [dpkgCataloger])
    expect(warnings).toEqual([])
    expect(packages.map(p => p.name).sort()).toEqual(
      [
        'base-files',
        'libc6',
        'libgcc-s1',
        'libgomp1',
        'libssl3',
        'libstdc++6',
        'netbase',
        'python3.11-minimal',
        'tzdata'
      ].sort()
    )
    const py = byName(packages, 'python3.11-minimal')
    expect(py.locations[0]).toBe('/var/lib/dpkg/status.d/python3.11-minimal')
    expect(py.locations[1]).toBe('/var/lib/dpkg/status.d/python3.11-minimal.md5sums')
    expect(py.purl).toMatch(
      /^pkg:deb\/debian\/python3\.11-minimal@3\.11\.[^?]+\?arch=amd64&distro=debian-12\.\d+&upstream=python3\.11$/
    )
    expect(byName(packages, 'libstdc++6').purl).toMatch(
      /^pkg:deb\/debian\/libstdc%2B%2B6@12\.2\.0-14[^?]*\?arch=amd64&distro=debian-12\.\d+&upstream=gcc-12$/
    )
  })
})

describe('dpkg-db-cataloger on mutated databases', () => {
  it('warns or skips, never throws or stalls', async () => {
    const root = await debianRootfs()
    const seeds = await Promise.all(
      ['var/lib/dpkg/status', 'var/lib/dpkg/info/libc6:amd64.md5sums', 'usr/share/doc/libssl3/copyright'].map(
        async p => {
          const data = await readFile(join(root, p))
          return {
            path: '/' + p,
            size: data.length,
            mode: 0o644,
            data,
            layer: { index: 0, diffId: 'sha256:fuzz' }
          }
        }
      )
    )
    const report = await fuzzCataloger(dpkgCataloger, seeds, 2000)
    expect(report.iterations).toBeGreaterThan(10)
    expect(report.slowestMs).toBeLessThan(1000)
  })
})

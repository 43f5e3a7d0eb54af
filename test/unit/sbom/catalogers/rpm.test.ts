import { beforeAll, describe, expect, it } from '@jest/globals'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { rpmCataloger } from '../../../../src/sbom/catalogers/rpm.js'
import { run } from '../../../fixtures/sbom/cache.js'
import { rpmBdbRootfs, rpmNdbRootfs, rpmSqliteRootfs } from '../../../fixtures/sbom/rpm.js'
import { fuzzCataloger } from './fuzz.js'
import { byName, scanDir } from './scan-dir.js'

// First use builds the fixture from real packages (minutes on a cold machine); later runs reuse the cache.
beforeAll(async () => {
  await rpmSqliteRootfs()
  await rpmBdbRootfs()
  await rpmNdbRootfs()
}, 900_000)

/** The real rpm's view of the database it wrote: the oracle for name, epoch:version-release, arch, source rpm. */
function rpmQuery(root: string): string[] {
  const fmt = '%{NAME}\\t%|EPOCH?{%{EPOCH}:}:{}|%{VERSION}-%{RELEASE}\\t%{ARCH}\\t%{SOURCERPM}\\n'
  return run('rpm', ['--root', root, '--dbpath', '/var/lib/rpm', '-qa', '--qf', fmt])
    .trim()
    .split('\n')
    .sort()
}

const LIB_PURL = (ns: string, distro: string): string =>
  `pkg:rpm/${ns}/fixture-lib@1.2.3-4.fx1?arch=x86_64&distro=${distro}&epoch=2&upstream=fixture-lib-1.2.3-4.fx1.src.rpm`

describe('rpm-db-cataloger', () => {
  it('reads the sqlite database rpm wrote, agreeing with rpm -qa', async () => {
    const root = await rpmSqliteRootfs()
    const { packages, warnings } = await scanDir(root, [rpmCataloger])
    expect(warnings).toEqual([])
    const ours = packages
      .map(p => `${p.name}\t${p.version}\t${p.metadata!['arch']}\t${p.metadata!['sourceRpm']}`)
      .sort()
    expect(ours).toEqual(rpmQuery(root))
    const lib = byName(packages, 'fixture-lib')
    expect(lib.purl).toBe(LIB_PURL('redhat', 'rhel-9.4'))
    expect(lib.licenses).toEqual(['MIT'])
    expect(lib.files).toEqual([{ path: '/usr/lib64/libfixture.so.1' }])
    const app = byName(packages, 'fixture-app')
    expect(app.version).toBe('2:0.9+git20240101-1')
    expect(app.purl).toBe(
      'pkg:rpm/redhat/fixture-app@0.9%2Bgit20240101-1?arch=x86_64&distro=rhel-9.4&epoch=2&upstream=fixture-lib-1.2.3-4.fx1.src.rpm'
    )
    expect(app.licenses).toEqual(['Apache-2.0 OR MIT'])
    expect(app.dependsOn).toEqual(
      expect.arrayContaining(['fixture-lib', '/bin/sh', 'libfixture.so.1()(64bit)'])
    )
    expect(lib.provides).toEqual(expect.arrayContaining(['fixture-lib', 'libfixture.so.1()(64bit)']))
  })

  it('reads the same headers from a Berkeley DB hash (db5.3_load) and an ndb Packages.db', async () => {
    const sqlite = (await scanDir(await rpmSqliteRootfs(), [rpmCataloger])).packages
    const bdb = await scanDir(await rpmBdbRootfs(), [rpmCataloger])
    expect(bdb.warnings).toEqual([])
    expect(bdb.packages.map(p => p.purl).sort()).toEqual(sqlite.map(p => p.purl).sort())
    expect(bdb.packages[0]!.locations).toEqual(['/var/lib/rpm/Packages'])
    const ndb = await scanDir(await rpmNdbRootfs(), [rpmCataloger])
    expect(ndb.warnings).toEqual([])
    expect(byName(ndb.packages, 'fixture-lib').purl).toBe(LIB_PURL('sles', 'sles-15.5'))
    expect(ndb.packages.map(p => p.version).sort()).toEqual(sqlite.map(p => p.version).sort())
  })

  it('warns about a file that is no rpm database', async () => {
    const warnings: string[] = []
    const file = {
      path: '/var/lib/rpm/Packages',
      size: 600,
      mode: 0o644,
      data: Buffer.alloc(600, 7),
      layer: { index: 2, diffId: 'sha256:abc' }
    }
    expect(rpmCataloger.parse(file, { warn: m => warnings.push(m) })).toEqual([])
    expect(warnings).toEqual([
      expect.stringContaining('/var/lib/rpm/Packages (layer sha256:abc): unreadable rpm database')
    ])
  })

  it('survives mutated sqlite, bdb and ndb databases', async () => {
    const seeds = await Promise.all(
      [
        [await rpmSqliteRootfs(), '/var/lib/rpm/rpmdb.sqlite'],
        [await rpmBdbRootfs(), '/var/lib/rpm/Packages'],
        [await rpmNdbRootfs(), '/usr/lib/sysimage/rpm/Packages.db']
      ].map(async ([root, path]) => {
        const data = await readFile(join(root!, path!))
        return {
          path: path!,
          size: data.length,
          mode: 0o644,
          data,
          layer: { index: 0, diffId: 'sha256:fuzz' }
        }
      })
    )
    const report = await fuzzCataloger(rpmCataloger, seeds, 3000)
    expect(report.iterations).toBeGreaterThan(20)
    expect(report.slowestMs).toBeLessThan(1000)
  })
})

describe('sqlite rpm database bytes', () => {
  it('are left as they were after parsing', async () => {
    const data = await readFile(join(await rpmSqliteRootfs(), 'var/lib/rpm/rpmdb.sqlite'))
    const before = Buffer.from(data)
    const file = {
      path: '/var/lib/rpm/rpmdb.sqlite',
      size: data.length,
      mode: 0o644,
      data,
      layer: { index: 0, diffId: 'sha256:x' }
    }
    expect(rpmCataloger.parse(file, { warn: () => undefined })).toHaveLength(2)
    expect(data.equals(before)).toBe(true)
  })
})

import { beforeAll, describe, expect, it } from '@jest/globals'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { apkCataloger } from '../../../../src/sbom/catalogers/apk.js'
import { ALPINE_PACKAGES, alpineNoOsReleaseRootfs, alpineRootfs } from '../../../fixtures/sbom/alpine.js'
import { fuzzCataloger } from './fuzz.js'
import { byName, scanDir } from './scan-dir.js'

// First use builds the fixture from real packages (minutes on a cold machine); later runs reuse the cache.
beforeAll(async () => {
  await alpineRootfs()
  await alpineNoOsReleaseRootfs()
}, 900_000)

describe('apk-db-cataloger', () => {
  it('reads every package with Syft-shaped purls (upstream only when the origin differs)', async () => {
    const { packages, warnings } = await scanDir(await alpineRootfs(), [apkCataloger])
    expect(warnings).toEqual([])
    expect(packages.map(p => p.name)).toEqual(ALPINE_PACKAGES.map(a => a.P))
    expect(byName(packages, 'musl').purl).toBe(
      'pkg:apk/alpine/musl@1.2.5-r0?arch=x86_64&distro=alpine-3.20.3'
    )
    expect(byName(packages, 'libssl3').purl).toBe(
      'pkg:apk/alpine/libssl3@3.3.2-r0?arch=x86_64&distro=alpine-3.20.3&upstream=openssl'
    )
    const apk = byName(packages, 'apk-tools')
    expect(apk.dependsOn).toEqual([
      'musl',
      'ca-certificates-bundle',
      'so:libc.musl-x86_64.so.1',
      'so:libcrypto.so.3',
      'so:libssl.so.3',
      'so:libz.so.1'
    ])
    expect(byName(packages, 'zlib').provides).toEqual(['so:libz.so.1'])
    expect(byName(packages, 'musl').files!.map(f => f.path)).toEqual([
      '/lib/ld-musl-x86_64.so.1',
      '/lib/libc.musl-x86_64.so.1'
    ])
    expect(byName(packages, 'ca-certificates-bundle').licenses).toEqual(['MPL-2.0 AND MIT'])
  })

  it('takes the release from /etc/apk/repositories when there is no os-release', async () => {
    const { packages } = await scanDir(await alpineNoOsReleaseRootfs(), [apkCataloger])
    expect(byName(packages, 'busybox').purl).toBe(
      'pkg:apk/alpine/busybox@1.36.1-r29?arch=x86_64&distro=alpine-3.20'
    )
  })

  it('survives mutated databases', async () => {
    const data = await readFile(join(await alpineRootfs(), 'lib/apk/db/installed'))
    const seed = {
      path: '/lib/apk/db/installed',
      size: data.length,
      mode: 0o644,
      data,
      layer: { index: 0, diffId: 'sha256:fuzz' }
    }
    const report = await fuzzCataloger(apkCataloger, [seed], 2000)
    expect(report.iterations).toBeGreaterThan(100)
    expect(report.slowestMs).toBeLessThan(1000)
  })
})

import { beforeAll, describe, expect, it } from '@jest/globals'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { dropBinariesOwnedByOsPackages } from '../../../../src/sbom/catalogers/binary-classifier.js'
import { elfPackageNoteCataloger } from '../../../../src/sbom/catalogers/elf-package-note.js'
import type { Package } from '../../../../src/sbom/catalogers/types.js'
import { elfNoteRootfs } from '../../../fixtures/sbom/elf-note.js'
import { fuzzCataloger } from './fuzz.js'
import { scanDir } from './scan-dir.js'

beforeAll(async () => {
  await elfNoteRootfs()
}, 900_000)

describe('elf-binary-package-cataloger', () => {
  it('reads the package notes GNU ld wrote, with Syft-shaped purls', async () => {
    const { packages, warnings } = await scanDir(await elfNoteRootfs(), [elfPackageNoteCataloger])
    expect(warnings).toEqual([])
    expect(packages.map(p => [p.locations[0], p.type, p.purl, p.licenses ?? []]).sort()).toEqual(
      [
        ['/opt/app/bin/appliance', 'binary', 'pkg:generic/acme/appliance@4.0.0', []],
        ['/usr/bin/fedora-tool', 'rpm', 'pkg:rpm/fedora/fedora-tool@1.2.3-1.fc40?distro=fedora-40', []],
        [
          '/usr/lib/x86_64-linux-gnu/libnoted.so.1',
          'deb',
          'pkg:deb/debian/libnoted1@0.9-2?distro=debian-12',
          ['MIT']
        ]
      ].sort()
    )
  })

  it('is dropped when an OS package owns the file, as Syft drops it', async () => {
    const { packages } = await scanDir(await elfNoteRootfs(), [elfPackageNoteCataloger])
    const owner: Package = {
      name: 'fedora-tool',
      version: '1.2.3-1.fc40',
      type: 'rpm',
      purl: '',
      foundBy: 'rpm-db-cataloger',
      locations: ['/var/lib/rpm/rpmdb.sqlite'],
      files: [{ path: '/usr/bin/fedora-tool' }]
    }
    const kept = dropBinariesOwnedByOsPackages([owner, ...packages])
    expect(kept.map(p => p.locations[0]).sort()).toEqual(
      [
        '/opt/app/bin/appliance',
        '/usr/lib/x86_64-linux-gnu/libnoted.so.1',
        '/var/lib/rpm/rpmdb.sqlite'
      ].sort()
    )
  })

  it('survives mutated binaries', async () => {
    const path = '/usr/bin/fedora-tool'
    const data = await readFile(join(await elfNoteRootfs(), path))
    const seed = { path, size: data.length, mode: 0o755, data, layer: { index: 0, diffId: 'sha256:fuzz' } }
    const report = await fuzzCataloger(elfPackageNoteCataloger, [seed], 1500)
    expect(report.iterations).toBeGreaterThan(100)
    expect(report.slowestMs).toBeLessThan(500)
  })
})

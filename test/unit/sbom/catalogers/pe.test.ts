import { beforeAll, describe, expect, it } from '@jest/globals'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { peCataloger, pePackage, versionFromResource } from '../../../../src/sbom/catalogers/pe.js'
import { readPe } from '../../../../src/sbom/catalogers/pe-reader.js'
import { walkResources } from '../../../../src/sbom/catalogers/pe-resources.js'
import type { CatalogedFile, Cataloger } from '../../../../src/sbom/catalogers/types.js'
import { cachedFixture, run } from '../../../fixtures/sbom/cache.js'
import { pythonRootfs } from '../../../fixtures/sbom/lang.js'
import { fuzzCataloger } from './fuzz.js'
import { scanDir } from './scan-dir.js'

const SETUPTOOLS = '/usr/lib/python3.11/site-packages/setuptools'
const DISTLIB = '/usr/lib/python3/site-packages/pip/_vendor/distlib'
const LAYER = { index: 0, diffId: 'sha256:l' }

/** pip 24.0 from PyPI: its vendored distlib launchers carry a VS_VERSIONINFO (setuptools' carry none). */
const pipRootfs = (): Promise<string> =>
  cachedFixture(
    'pe-pip-24.0',
    dir =>
      void run('python3', [
        '-m',
        'pip',
        'install',
        '--quiet',
        '--disable-pip-version-check',
        '--no-deps',
        '--target',
        join(dir, 'usr/lib/python3/site-packages'),
        'pip==24.0'
      ])
  )

beforeAll(async () => {
  await Promise.all([pythonRootfs(), pipRootfs()])
}, 900_000)

const summary = (p: { name: string; version: string; purl: string; type: string; locations: string[] }) => [
  p.locations[0],
  p.name,
  p.version,
  p.purl,
  p.type
]

describe('pe-binary-package-cataloger', () => {
  it("reports setuptools' launchers as Syft v1.57.0 does: file name, UNKNOWN version, no purl", async () => {
    const { packages, warnings } = await scanDir(await pythonRootfs(), [peCataloger])
    expect(warnings).toEqual([])
    const names = ['cli', 'cli-32', 'cli-64', 'cli-arm64', 'gui', 'gui-32', 'gui-64', 'gui-arm64']
    expect(packages.map(summary).sort()).toEqual(
      names.map(n => [`${SETUPTOOLS}/${n}.exe`, n, 'UNKNOWN', '', 'binary']).sort()
    )
    expect(packages.every(p => p.foundBy === 'pe-binary-package-cataloger')).toBe(true)
    expect(packages.every(p => Object.keys(p.metadata ?? {}).length === 0)).toBe(true)
  })

  it("names distlib's launchers from their version resources, as Syft v1.57.0 does", async () => {
    const { packages, warnings } = await scanDir(await pipRootfs(), [peCataloger])
    expect(warnings).toEqual([])
    const files = ['t32', 't64-arm', 't64', 'w32', 'w64-arm', 'w64']
    expect(packages.map(summary).sort()).toEqual(
      files.map(f => [`${DISTLIB}/${f}.exe`, 'Simple Launcher', '1.1.0.14', '', 'binary']).sort()
    )
    const w64 = packages.find(p => p.locations[0] === `${DISTLIB}/w64.exe`)!
    expect(w64.metadata).toEqual({
      CompanyName: 'Simple Launcher User',
      FileDescription: 'Simple Launcher Executable',
      FileVersion: '1.1.0.14',
      InternalName: 'w64.exe',
      LegalCopyright: 'Copyright (C) Simple Launcher User',
      OriginalFilename: 'w64.exe',
      ProductName: 'Simple Launcher',
      ProductVersion: '1.1.0.14'
    })
  })

  it('wants .exe/.dll/.bpl in the two cases Syft globs, by name only', () => {
    const want = (path: string, size = 4096, mode = 0o644) => peCataloger.wants({ path, size, mode })
    expect(['/a/x.exe', '/a/X.EXE', '/a/y.dll', '/a/Y.DLL', '/a/z.bpl', '/a/Z.BPL'].every(p => want(p))).toBe(
      true
    )
    expect(want('/a/x.Exe')).toBe(false)
    expect(want('/a/x.exe.config')).toBe(false)
    expect(want('/a/x.exe', 63)).toBe(false)
  })

  it('picks name, version and purl from version resources with Syft rules', () => {
    const pkg = (fields: Record<string, string>, path = '/w/app.dll') =>
      pePackage(new Map(Object.entries(fields)), path)
    expect(pkg({ ProductName: 'GPL  Ghostscript', ProductVersion: '9.54.0' })).toMatchObject({
      name: 'GPL Ghostscript',
      version: '9.54.0',
      purl: 'pkg:generic/ghostscript@9.54.0'
    })
    // Microsoft files share a product name: the description names them
    expect(
      pkg({
        CompanyName: 'Microsoft Corporation',
        ProductName: 'Microsoft® .NET',
        FileDescription: 'Runtime'
      })
    ).toMatchObject({ name: 'Runtime', version: 'UNKNOWN', purl: '' })
    expect(pkg({ FileVersion: '2.3.1 (built by: CI)' }, '/w/TOOL.DLL')).toMatchObject({
      name: 'TOOL.DLL',
      version: '2.3.1'
    })
    expect(pkg({}, '/w/tool.dll')!.name).toBe('tool')
    expect(pkg({}, '/w/.exe')).toBeUndefined()
    expect(versionFromResource(' v 1.2 beta rc1 ')).toBe('v 1.2')
    expect(versionFromResource('release')).toBe('release')
  })

  it('skips .NET assemblies: a CLR runtime version in the COM descriptor', async () => {
    const data = Buffer.from(await readFile(join(await pipRootfs(), DISTLIB, 'w64.exe')))
    const file: CatalogedFile = { path: '/w/app.exe', size: data.length, mode: 0o644, data, layer: LAYER }
    expect(peCataloger.parse(file, { warn: () => {} })).toHaveLength(1)
    // point data directory 14 at the first section and write an IMAGE_COR20_HEADER start there (v2.5)
    const pe = data.readUInt32LE(60)
    const table = pe + 24 + data.readUInt16LE(pe + 20)
    const directory = pe + 24 + (data.readUInt16LE(pe + 24) === 0x20b ? 112 : 96) + 8 * 14
    data.writeUInt32LE(data.readUInt32LE(table + 12), directory)
    data.writeUInt32LE(72, directory + 4)
    const raw = data.readUInt32LE(table + 20)
    data.writeUInt32LE(72, raw)
    data.writeUInt16LE(2, raw + 4)
    data.writeUInt16LE(5, raw + 6)
    expect(readPe(data)).toMatchObject({ clr: true, problems: [] })
    expect(peCataloger.parse(file, { warn: () => {} })).toEqual([])
  })

  it('warns about files that are not PE, naming the layer and path', () => {
    const warnings: string[] = []
    const data = Buffer.alloc(100, 0x41)
    const file: CatalogedFile = { path: '/w/readme.dll', size: 100, mode: 0o644, data, layer: LAYER }
    expect(peCataloger.parse(file, { warn: m => warnings.push(m) })).toEqual([])
    expect(warnings).toEqual([
      '/w/readme.dll (layer sha256:l): not a readable PE file (no MZ signature); no package reported for it'
    ])
  })

  it('survives mutated executables', async () => {
    const seeds = await launcherSeeds()
    const report = await fuzzCataloger(peCataloger, seeds, 1000)
    expect(report.iterations).toBeGreaterThan(100)
    expect(report.slowestMs).toBeLessThan(500)
    // the reader itself, without the cataloger's safety net: a throw here fails the test
    const direct = await fuzzCataloger(throughReader('pe-reader', readPe), seeds, 500, 2)
    expect(direct.iterations).toBeGreaterThan(100)
  })

  it('survives mutated resource trees and version blobs', async () => {
    // whole-file mutations seldom land in the few KB of .rsrc: mutate the section alone
    const seeds = (await launcherSeeds()).map(seed => {
      const data = seed.data
      const pe = data.readUInt32LE(60)
      const directories = pe + 24 + (data.readUInt16LE(pe + 24) === 0x20b ? 112 : 96)
      const rva = data.readUInt32LE(directories + 16)
      const table = pe + 24 + data.readUInt16LE(pe + 20)
      for (let i = 0; i < data.readUInt16LE(pe + 6); i++) {
        const [size, va, raw] = [8, 12, 20].map(o => data.readUInt32LE(table + 40 * i + o)) as [
          number,
          number,
          number
        ]
        if (rva >= va && rva < va + size) {
          const bytes = data.subarray(raw + rva - va, raw + rva - va + data.readUInt32LE(directories + 20))
          return { ...seed, data: bytes, size: bytes.length, rva }
        }
      }
      throw new Error(`${seed.path}: no .rsrc section to fuzz`)
    })
    expect(walkResources(seeds[1]!.data, seeds[1]!.rva).fields.get('ProductName')).toBe('Simple Launcher')
    const rva = new Map(seeds.map(s => [s.path, s.rva]))
    const walk = throughReader('pe-resources', (data, path) => walkResources(data, rva.get(path)!))
    const report = await fuzzCataloger(walk, seeds, 1000, 3)
    expect(report.iterations).toBeGreaterThan(100)
    expect(report.slowestMs).toBeLessThan(500)
  })
})

async function launcherSeeds(): Promise<CatalogedFile[]> {
  const seeds: CatalogedFile[] = []
  for (const [root, path] of [
    [await pythonRootfs(), `${SETUPTOOLS}/gui-64.exe`],
    [await pipRootfs(), `${DISTLIB}/w64.exe`],
    [await pipRootfs(), `${DISTLIB}/t32.exe`]
  ] as const) {
    const data = await readFile(join(root, path))
    seeds.push({ path, size: data.length, mode: 0o644, data, layer: LAYER })
  }
  return seeds
}

/** A cataloger shell around one reader function so the shared fuzzer can drive it; reports nothing. */
function throughReader(name: string, read: (data: Buffer, path: string) => unknown): Cataloger {
  return {
    name,
    wants: () => true,
    parse: file => {
      read(file.data, file.path)
      return []
    }
  }
}

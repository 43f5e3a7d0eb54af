import { beforeAll, describe, expect, it } from '@jest/globals'
import { open, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  goBinaryCataloger,
  pseudoVersion,
  versionFromLdflags
} from '../../../../src/sbom/catalogers/go-binary.js'
import { elfPackageNoteCataloger } from '../../../../src/sbom/catalogers/elf-package-note.js'
import { descriptorBytes, type FileBytes } from '../../../../src/sbom/catalogers/file-bytes.js'
import { rustAuditCataloger } from '../../../../src/sbom/catalogers/rust.js'
import type { CatalogedFile, Package } from '../../../../src/sbom/catalogers/types.js'
import { run } from '../../../fixtures/sbom/cache.js'
import { GO_BINARIES, GO_HELLO_VERSION, goBinariesRootfs } from '../../../fixtures/sbom/golang.js'
import { fuzzCataloger } from './fuzz.js'
import { scanDir } from './scan-dir.js'

// First use builds the fixture from real packages (minutes on a cold machine); later runs reuse the cache.
beforeAll(async () => {
  await goBinariesRootfs()
}, 900_000)

const GO_VERSION = run('go', ['env', 'GOVERSION']).trim()
const DEPS = [
  ['github.com/google/uuid', 'v1.6.0', 'pkg:golang/github.com/google/uuid@v1.6.0'],
  ['golang.org/x/text', 'v0.21.0', 'pkg:golang/golang.org/x/text@v0.21.0'],
  ['rsc.io/quote/v3', 'v3.1.0', 'pkg:golang/rsc.io/quote/v3@v3.1.0'],
  // replace rsc.io/sampler => rsc.io/sampler v1.3.1: the replacement's version wins
  ['rsc.io/sampler', 'v1.3.1', 'pkg:golang/rsc.io/sampler@v1.3.1']
]

function summary(packages: Package[], path: string): string[][] {
  return packages
    .filter(p => p.locations[0] === path)
    .map(p => [p.name, p.version, p.purl])
    .sort((a, b) => a[0]!.localeCompare(b[0]!))
}

function expected(mainVersion: string): string[][] {
  const main = [
    'example.com/sbomfixture',
    mainVersion || 'UNKNOWN',
    `pkg:golang/example.com/sbomfixture${mainVersion ? '@' + mainVersion : ''}`
  ]
  const stdlib = ['stdlib', GO_VERSION, `pkg:golang/stdlib@${GO_VERSION.replace(/^go/, '')}`]
  return [main, ...DEPS, stdlib].sort((a, b) => a[0]!.localeCompare(b[0]!))
}

describe('go-module-binary-cataloger on binaries built by go build', () => {
  it('derives the main module version from build info, VCS stamping or -ldflags -X as Syft does', async () => {
    const root = await goBinariesRootfs()
    const { packages, warnings } = await scanDir(root, [goBinaryCataloger])
    expect(warnings).toEqual([])
    expect(summary(packages, GO_BINARIES.plain)).toEqual(expected(''))
    expect(summary(packages, GO_BINARIES.pe)).toEqual(expected(''))
    expect(summary(packages, GO_BINARIES.macho)).toEqual(expected(''))
    expect(summary(packages, GO_BINARIES.vcs)[0]![1]).toMatch(/^v0\.0\.0-20250102030405-[0-9a-f]{12}$/)
    expect(summary(packages, GO_BINARIES.ldflagsMain)).toEqual(expected('v1.2.3'))
    expect(summary(packages, GO_BINARIES.ldflagsVendor)).toEqual(expected('v25.3.0'))
    expect(summary(packages, GO_BINARIES.installed)).toEqual([
      [
        'golang.org/x/example/hello',
        GO_HELLO_VERSION,
        `pkg:golang/golang.org/x/example/hello@${GO_HELLO_VERSION}`
      ],
      ['stdlib', GO_VERSION, `pkg:golang/stdlib@${GO_VERSION.replace(/^go/, '')}`]
    ])
  })

  it('relates every module and stdlib to the main module', async () => {
    const { packages } = await scanDir(await goBinariesRootfs(), [goBinaryCataloger])
    const main = packages.find(
      p => p.locations[0] === GO_BINARIES.plain && p.name === 'example.com/sbomfixture'
    )!
    expect([...main.dependsOn!].sort()).toEqual([...DEPS.map(d => d[0]!), 'stdlib'].sort())
  })

  it('reads a binary on disk through its headers and build info only, never whole', async () => {
    const root = await goBinariesRootfs()
    for (const path of [GO_BINARIES.plain, GO_BINARIES.pe, GO_BINARIES.macho]) {
      const data = await readFile(join(root, path))
      const handle = await open(join(root, path), 'r')
      try {
        const disk = descriptorBytes(handle.fd, data.length)
        let read = 0
        const counted: FileBytes = {
          size: disk.size,
          read: (offset, length) => {
            const part = disk.read(offset, length)
            read += part.length
            return part
          }
        }
        const layer = { index: 0, diffId: 'sha256:spilled' }
        const spilled: CatalogedFile = {
          path,
          size: data.length,
          mode: 0o755,
          layer,
          bytes: counted,
          get data(): Buffer {
            throw new Error('loaded whole')
          }
        }
        const whole = { path, size: data.length, mode: 0o755, layer, data }
        const ctx = { warn: () => undefined }
        expect(goBinaryCataloger.parse(spilled, ctx)).toEqual(goBinaryCataloger.parse(whole, ctx))
        expect(rustAuditCataloger.parse(spilled, ctx)).toEqual([])
        expect(elfPackageNoteCataloger.parse(spilled, ctx)).toEqual([])
        // ELF: headers, section names and .go.buildinfo; PE and Mach-O: a search for the magic.
        expect(read).toBeLessThan(path === GO_BINARIES.plain ? 64 * 1024 : data.length + 1024 * 1024)
      } finally {
        await handle.close()
      }
    }
  })

  it('survives mutated binaries', async () => {
    const root = await goBinariesRootfs()
    const seeds = await Promise.all(
      [GO_BINARIES.plain, GO_BINARIES.installed].map(async p => {
        const data = await readFile(join(root, p))
        return { path: p, size: data.length, mode: 0o755, data, layer: { index: 0, diffId: 'sha256:fuzz' } }
      })
    )
    const report = await fuzzCataloger(goBinaryCataloger, seeds, 2000)
    expect(report.iterations).toBeGreaterThan(5)
    expect(report.slowestMs).toBeLessThan(1000)
  })
})

describe('main module version helpers', () => {
  it('reads versions from -X flags on main or a package of the main module only', () => {
    expect(versionFromLdflags('-s -w -X example.com/m/internal/info.version=v25.3.0', 'example.com/m')).toBe(
      'v25.3.0'
    )
    expect(versionFromLdflags('-X main.gitVersion=1.2.3-rc1', 'example.com/m')).toBe('v1.2.3-rc1')
    expect(versionFromLdflags('-X other.org/lib.version=1.2.3', 'example.com/m')).toBeUndefined()
  })
  it('writes module.PseudoVersion for a VCS revision and time', () => {
    expect(pseudoVersion('8f662ae0405a273be434c43e1021e46fc4019da4', '2025-01-02T03:04:05Z')).toBe(
      'v0.0.0-20250102030405-8f662ae0405a'
    )
  })
})

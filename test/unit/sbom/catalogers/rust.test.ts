import { beforeAll, describe, expect, it } from '@jest/globals'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { rustAuditCataloger } from '../../../../src/sbom/catalogers/rust.js'
import { RUST_BINARY, rustRootfs } from '../../../fixtures/sbom/rust.js'
import { fuzzCataloger } from './fuzz.js'
import { byName, scanDir } from './scan-dir.js'

// First use builds the fixture from real packages (minutes on a cold machine); later runs reuse the cache.
beforeAll(async () => {
  await rustRootfs()
}, 900_000)

describe('cargo-auditable-binary-cataloger', () => {
  it('reports the runtime crates cargo auditable recorded, not build-time ones', async () => {
    const { packages, warnings } = await scanDir(await rustRootfs(), [rustAuditCataloger])
    expect(warnings).toEqual([])
    expect(packages.map(p => p.purl).sort()).toEqual(
      [
        'pkg:cargo/itoa@1.0.11',
        'pkg:cargo/rust-fixture@0.3.1',
        'pkg:cargo/semver@1.0.23',
        'pkg:cargo/serde@1.0.210'
      ].sort()
    )
    // serde_derive, syn, quote and proc-macro2 only run at build time.
    expect(packages.find(p => p.name === 'serde_derive')).toBeUndefined()
    expect(byName(packages, 'rust-fixture').dependsOn!.sort()).toEqual(['itoa', 'semver', 'serde'])
    expect(byName(packages, 'serde').metadata!['source']).toBe('crates.io')
    expect(byName(packages, 'serde').locations).toEqual([RUST_BINARY])
  })

  it('warns about a corrupt section and survives mutations', async () => {
    const data = await readFile(join(await rustRootfs(), RUST_BINARY))
    const seed = {
      path: RUST_BINARY,
      size: data.length,
      mode: 0o755,
      data,
      layer: { index: 0, diffId: 'sha256:fuzz' }
    }
    const report = await fuzzCataloger(rustAuditCataloger, [seed], 2000)
    expect(report.slowestMs).toBeLessThan(1000)
  })
})

import { describe, expect, it } from '@jest/globals'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sbomPredicate, sbomPredicateFromFile } from '../../../src/attest/sbom-predicate.js'

describe('SBOM predicate', () => {
  it('detects CycloneDX and SPDX JSON and names the predicate type', () => {
    expect(sbomPredicate({ bomFormat: 'CycloneDX', specVersion: '1.6' }).predicateType).toBe(
      'https://cyclonedx.org/bom'
    )
    expect(sbomPredicate({ spdxVersion: 'SPDX-2.3' }).predicateType).toBe('https://spdx.dev/Document')
    expect(() => sbomPredicate({ foo: 1 }, 'x.json')).toThrow(
      expect.objectContaining({ code: 'SBOM_UNKNOWN_FORMAT' })
    )
  })

  it('checks the size before reading and names the limit', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sbom-'))
    const path = join(dir, 'big.json')
    await writeFile(path, JSON.stringify({ bomFormat: 'CycloneDX', pad: 'x'.repeat(2 * 1024 * 1024) }))
    await expect(sbomPredicateFromFile(path, 1024 * 1024)).rejects.toMatchObject({
      code: 'SBOM_TOO_LARGE',
      message: expect.stringContaining('over the 1.0 MiB limit')
    })
    const ok = await sbomPredicateFromFile(path)
    expect(ok.kind).toBe('cyclonedx')
    await writeFile(path, '{not json')
    await expect(sbomPredicateFromFile(path)).rejects.toMatchObject({ code: 'SBOM_UNREADABLE' })
    await expect(sbomPredicateFromFile(join(dir, 'missing.json'))).rejects.toMatchObject({
      code: 'SBOM_UNREADABLE'
    })
  })
})

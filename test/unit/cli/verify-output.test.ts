import { describe, expect, it } from '@jest/globals'
import { mkdtemp, readFile, readdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FoundItem } from '../../../src/cli/verify-output.js'
import { predicateFileStem, writeVerifiedPredicates } from '../../../src/cli/verify-output.js'

const SPDX = { spdxVersion: 'SPDX-2.3', SPDXID: 'SPDXRef-DOCUMENT', packages: [] }
const item = (
  kind: string,
  predicate: Record<string, unknown>,
  extra: Partial<FoundItem> = {}
): FoundItem => ({
  source: 'referrer',
  where: 'sha256:x',
  kind,
  ok: true,
  predicate,
  ...extra
})

describe('verify --output-predicate files', () => {
  it('names SBOMs and provenance as users expect and slugs any other predicate type', () => {
    expect(predicateFileStem('https://spdx.dev/Document')).toBe('sbom.spdx')
    expect(predicateFileStem('https://cyclonedx.org/bom')).toBe('sbom.cdx')
    expect(predicateFileStem('https://slsa.dev/provenance/v0.2')).toBe('provenance-v0.2')
    expect(predicateFileStem('https://openvex.dev/ns/v0.2.0')).toBe('predicate-openvex.dev-ns-v0.2.0')
  })

  it('writes each verified predicate once, numbers differing ones, and skips failures and signatures', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'predicates-')), 'out')
    const written = await writeVerifiedPredicates(dir, [
      item('https://spdx.dev/Document', SPDX),
      item('https://spdx.dev/Document', SPDX, { source: 'tag' }),
      item('https://spdx.dev/Document', { ...SPDX, name: 'other run' }),
      item(
        'https://slsa.dev/provenance/v1',
        { buildDefinition: {} },
        { ok: false, problem: 'bad signature' }
      ),
      item('signature', {})
    ])
    expect(written.map(w => w.path)).toEqual([join(dir, 'sbom.spdx.json'), join(dir, 'sbom.spdx-2.json')])
    expect((await readdir(dir)).sort()).toEqual(['sbom.spdx-2.json', 'sbom.spdx.json'])
    expect(JSON.parse(await readFile(join(dir, 'sbom.spdx.json'), 'utf8'))).toEqual(SPDX)
  })
})
